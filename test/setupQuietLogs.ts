import { quietLibraryLogs } from '../renderer/src/storage/quietLibraryLogs';

quietLibraryLogs();
