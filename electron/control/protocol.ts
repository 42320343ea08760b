// Owns the control socket's contract between the running Sheaf and the `sheaf` command: where the socket is, what
// one request line may say and how long it may be, and what comes back.
import { z } from 'zod';
import type { CommandName } from '../../shared/ipc';
import type { AppState } from '../../shared/state';
import { SignInFirstError } from '../main/core/errors';
import { maxAnswerBytes, maxRequestBytes } from './wire';

// The command's half lives in wire.ts (no zod there); everything the socket's contract says is still named here.
export {
  busyMessage,
  controlSocketPath,
  defaultDataDirs,
  defaultPreviewDataDir,
  lineReader,
  maxAnswerBytes,
  maxRequestBytes,
  notRunningMessage,
  type ControlAnswer,
} from './wire';

/** A connection that says nothing for this long is closed: a script waits on Sheaf, never the other way. */
export const idleTimeoutMs = 10_000;

/** What one connection, and all of them together, may cost the host. */
export interface ControlLimits {
  /** Longest line a request may be, counted whole (not what is left over after splitting). */
  requestBytes: number;
  idleMs: number;
  /** From the connect, whatever arrives: `sheaf` is done in seconds, even waiting for Harvest. */
  deadlineMs: number;
  /** Scripts talking at once; the next is told Sheaf is busy. */
  connections: number;
  /** Requests read and waiting for their answer; past this Sheaf stops reading until it has answered. */
  queuedRequests: number;
  /** Answers written but not yet read by the client (the assignments list is the one big answer). */
  queuedAnswerBytes: number;
}

export const controlLimits: ControlLimits = {
  requestBytes: maxRequestBytes,
  idleMs: idleTimeoutMs,
  deadlineMs: 30_000,
  connections: 16,
  queuedRequests: 16,
  queuedAnswerBytes: maxAnswerBytes,
};

/**
 * The IPC commands a script may send, nothing more: reading the state and the timer's own changes. Signing in or
 * out, deleting and settings stay with the popover, where the person sees what they do.
 */
export const scriptCommands = [
  'getState',
  'listAssignments',
  'startTimer',
  'stopTimer',
  'toggleTimer',
  'restartEntry',
  'updateNotes',
] as const satisfies readonly CommandName[];
export type ScriptCommand = (typeof scriptCommands)[number];

/** What only the host can do: open the popover, and follow a sheaf:// link exactly as the OS hands it over. */
export const HostRequest = z.discriminatedUnion('command', [
  z.strictObject({ command: z.literal('show') }),
  // No length here: readLink says a long link is too long, which "Scripts can't ask Sheaf to openLink" didn't.
  z.strictObject({ command: z.literal('openLink'), input: z.strictObject({ link: z.string() }) }),
]);
export type HostRequest = z.infer<typeof HostRequest>;

/** Every line: an IPC command (its input checked by dispatch against shared/ipc.ts) or a host request. */
export const ControlRequest = z.strictObject({
  command: z.string().max(64),
  input: z.unknown().optional(),
});

/**
 * Starting by words or ids reads the assignments, which are simply empty when signed out: say what the popover's
 * commands say then, not that nothing matched.
 */
export function signedOutAnswer(
  state: AppState,
): { ok: false; error: { code: 'unauthorized'; message: string } } | null {
  if (state.session.status === 'signed_in') return null;
  return { ok: false, error: { code: 'unauthorized', message: new SignInFirstError().message } };
}
