import { expose } from 'comlink';
import { createEngine } from './engineApi';

expose(createEngine());
