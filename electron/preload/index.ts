// The preload: exposes exactly the contract as window.boardPack through contextBridge, nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { createBoardPackApi } from './api';

contextBridge.exposeInMainWorld('boardPack', createBoardPackApi(ipcRenderer));
