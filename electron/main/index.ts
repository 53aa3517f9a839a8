// Entry point of the Electron main process (bundled to out/main/index.js).
import { startApp } from './app';

startApp();
