// Owns building window.sheaf from the contract's channel list: one invoke per command, and subscriptions to the
// state and to main's events.
// Nothing else from ipcRenderer (not send, not on) ever reaches the page.
import type { IpcRendererEvent } from 'electron';
import type { CommandName, PopoverEvent, SheafApi } from '../../shared/ipc';
import type { AppState } from '../../shared/state';

export interface IpcChannels {
  commands: ReadonlyArray<{ name: CommandName; channel: string }>;
  state: string;
  event: string;
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
  /** The page gets the message only, never the IPC event (it carries a sender with IPC methods). */
  const listenOn =
    <T>(channel: string) =>
    (listener: (message: T) => void) => {
      const relay = (_event: IpcRendererEvent, message: unknown) => listener(message as T);
      ipc.on(channel, relay);
      return () => {
        ipc.removeListener(channel, relay);
      };
    };
  api.subscribe = listenOn<AppState>(channels.state);
  api.onEvent = listenOn<PopoverEvent>(channels.event);
  return Object.freeze(api) as SheafApi;
}
