// Owns finding the Sheaf API: the preload's window.sheaf in Electron, else the browser preview's WebSocket bridge.
import type { SheafApi } from '../../../shared/ipc';
import { createWebBridge } from './web';

declare global {
  interface Window {
    sheaf?: SheafApi;
  }
}

let api: SheafApi | undefined;

export function getSheaf(): SheafApi {
  api ??= window.sheaf ?? createWebBridge(window.location);
  return api;
}
