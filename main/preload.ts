// The preload of the Baluchon window (sandboxed; bundled with its imports by scripts/desktop.mjs).
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createPreloadApi } from './preload-api.ts';

contextBridge.exposeInMainWorld('baluchon', createPreloadApi(ipcRenderer, webUtils));
