// Owns the popover's preload: exposes window.sheaf (built from the IPC contract) and nothing else.
// Runs sandboxed, so it is bundled as CommonJS and may require only 'electron'.
import { contextBridge, ipcRenderer } from 'electron';
import { buildSheafApi, type IpcChannels } from './api';

// Baked in by electron.vite.config.ts from shared/ipc.ts, so the list can't drift from the contract.
declare const __SHEAF_IPC__: IpcChannels;

contextBridge.exposeInMainWorld('sheaf', buildSheafApi(ipcRenderer, __SHEAF_IPC__));
