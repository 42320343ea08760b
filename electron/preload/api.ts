// Owns building window.sheaf from the contract's channel list: one invoke per command and a state subscription.
// Nothing else from ipcRenderer (not send, not on) ever reaches the page.
import type { IpcRendererEvent } from 'electron';
import type { CommandName, SheafApi } from '../../shared/ipc';
import type { AppState } from '../../shared/state';

export interface IpcChannels {
  commands: ReadonlyArray<{ name: CommandName; channel: string }>;
  state: string;
}

/** The slice of ipcRenderer the API is built from. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
}

export function buildSheafApi(ipc: IpcRendererLike, channels: IpcChannels): SheafApi {
  const api: Record<string, unknown> = {};
  for (const { name, channel } of channels.commands) {
    // Only the input crosses; extra arguments a page might pass are dropped, not forwarded.
    api[name] = (input?: unknown) => ipc.invoke(channel, input);
  }
  api.subscribe = (listener: (state: AppState) => void) => {
    // The page gets the snapshot only, never the IPC event (it carries a sender with IPC methods).
    const relay = (_event: IpcRendererEvent, state: unknown) => listener(state as AppState);
    ipc.on(channels.state, relay);
    return () => {
      ipc.removeListener(channels.state, relay);
    };
  };
  return Object.freeze(api) as SheafApi;
}
