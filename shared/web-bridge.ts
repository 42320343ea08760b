// Owns the browser preview's WebSocket message shapes, shared (as types only) by the host and the renderer's bridge.
import type { AppState } from './state';
import type { IpcResult, PopoverEvent } from './ipc';

/** Path of the bridge on the preview host; the per-run key rides in `?key=`. */
export const bridgePath = '/bridge';

/** Larger messages are refused: no command input comes close (notes are capped at 5,000 characters). */
export const maxMessageBytes = 64 * 1024;

export interface CommandCall {
  id: number;
  command: string;
  input?: unknown;
}

export type HostMessage =
  | { id: number; result: IpcResult<unknown> }
  | { type: 'state'; state: AppState }
  | { type: 'event'; event: PopoverEvent };
