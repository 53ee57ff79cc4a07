// The Electron entry point (package.json "main"): everything else is in main.ts, which tests import.
import { start } from './main';

start();
