// Owns binding the IPC contract to the app in Electron: one ipcMain handler per command, each refusing any sender
// that isn't our popover's own page, and pushing every AppState snapshot and every event to the popover.
import type { IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import {
  channelOf,
  commandNames,
  eventChannel,
  stateChannel,
  type CommandHandlers,
  type IpcResult,
  type PopoverEvent,
} from '../../shared/ipc';
import type { AppState } from '../../shared/state';
import { dispatch } from './dispatch';

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface PopoverPage {
  /** The popover's webContents, or null before it exists / after it is destroyed. */
  webContents(): WebContents | null;
  /** The page we load: file://…/out/renderer/index.html, or the dev server's URL under `electron-vite dev`. */
  url: string;
}

const forbidden: IpcResult<never> = {
  ok: false,
  error: { code: 'forbidden_sender', message: 'This window may not control Sheaf.' },
};

/** True when the frame is the popover's top-level frame showing our own page (not an iframe, not a navigation). */
export function isPopoverFrame(frame: WebFrameMain | null | undefined, page: PopoverPage): boolean {
  const contents = page.webContents();
  if (!frame || !contents || contents.isDestroyed()) return false;
  const main = contents.mainFrame;
  if (frame.parent !== null || frame.processId !== main.processId || frame.routingId !== main.routingId)
    return false;
  return samePage(frame.url, page.url);
}

function samePage(actual: string, expected: string): boolean {
  try {
    const a = new URL(actual);
    const e = new URL(expected);
    // file:// has no origin worth comparing, so the path must match exactly; a dev server is matched by origin.
    if (e.protocol === 'file:') return a.protocol === 'file:' && a.pathname === e.pathname;
    return a.origin === e.origin;
  } catch {
    return false;
  }
}

/** Registers one handler per command; returns a function that removes them all. */
export function registerIpc(
  ipcMain: IpcMainLike,
  handlers: CommandHandlers,
  page: PopoverPage,
  log: (line: string) => void = () => {},
): () => void {
  for (const name of commandNames) {
    ipcMain.handle(channelOf(name), async (event, payload) => {
      if (!isPopoverFrame(event.senderFrame, page)) {
        log(`refused ${name} from a frame that isn't the popover (${event.senderFrame?.url ?? 'gone'})`);
        return forbidden;
      }
      return dispatch(handlers, name, payload, log);
    });
  }
  return () => {
    for (const name of commandNames) ipcMain.removeHandler(channelOf(name));
  };
}

/** What the popover is sent: each new snapshot, and each event. */
export interface PopoverFeed {
  subscribe(listener: (state: AppState) => void): () => void;
  onEvent(listener: (event: PopoverEvent) => void): () => void;
}

/** Sends each new snapshot and each event to the popover (if it is alive); returns the unsubscribe. */
export function pushTo(page: Pick<PopoverPage, 'webContents'>, feed: PopoverFeed): () => void {
  const sendOn = (channel: string, message: unknown) => {
    const contents = page.webContents();
    if (contents && !contents.isDestroyed()) contents.send(channel, message);
  };
  const stopState = feed.subscribe((state) => sendOn(stateChannel, state));
  const stopEvents = feed.onEvent((event) => sendOn(eventChannel, event));
  return () => {
    stopState();
    stopEvents();
  };
}
