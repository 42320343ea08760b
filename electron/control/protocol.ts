// Owns the control socket's contract between the running Sheaf and the `sheaf` command: where the socket is, what
// one request line may say and how long it may be, and what comes back.
import { createHash } from 'node:crypto';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import type { CommandName, IpcResult } from '../../shared/ipc';

/** One request is one JSON line; notes (at most 5,000 characters, escaped) fit well inside. */
export const maxRequestBytes = 64 * 1024;
/**
 * The largest answer is a state snapshot (no assignments list crosses the socket: words are matched in core).
 * Measured (tests/fixtures/full-day-state.ts): two accounts and a full day of 40 entries with 300-character notes
 * is 34 KB; 100 entries with 1,000-character notes 147 KB; 200 entries with notes at the 5,000-character limit
 * 1.1 MB. 2 MiB holds even that with room for notes JSON writes longer than typed, yet 16 connections each
 * leaving a whole answer unread cost the host at most 32 MB (it was 64 MB for each).
 */
export const maxAnswerBytes = 2 * 1024 * 1024;
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
  /** One answer; a bigger one is refused, saying so, rather than sent or cut. */
  answerBytes: number;
  /** Answers written but not yet read by the client. */
  queuedAnswerBytes: number;
}

export const controlLimits: ControlLimits = {
  requestBytes: maxRequestBytes,
  idleMs: idleTimeoutMs,
  deadlineMs: 30_000,
  connections: 16,
  queuedRequests: 16,
  answerBytes: maxAnswerBytes,
  queuedAnswerBytes: maxAnswerBytes,
};

/** What a script hears instead of an answer bigger than the socket carries (the command reads no more). */
export function answerTooLarge(bytes: number, limit: number): string {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `Sheaf's answer is ${mb(bytes)}, more than a script may be sent (${mb(limit)}). Open Sheaf to see it.`;
}

/** What a script hears when every connection is taken, or the socket was closed under it. */
export const busyMessage =
  'Sheaf is busy: too many scripts are talking to it at once. Try again in a moment.';

/**
 * The IPC commands a script may send, nothing more: reading the state and the timer's own changes. Signing in or
 * out, deleting and settings stay with the popover, where the person sees what they do. No list of assignments:
 * words are matched in core (startByWords), so no answer is bigger than a state snapshot.
 */
export const scriptCommands = [
  'getState',
  'startTimer',
  'startByWords',
  'stopTimer',
  'toggleTimer',
  'restartEntry',
  'restartLast',
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

export type ControlAnswer = IpcResult<unknown>;

/**
 * Cuts a byte stream into its lines, both ends' way of reading the other. Null once a line is longer than
 * `maxBytes`, whether its newline has arrived or not: nothing that long is a line either end sends.
 */
export function lineReader(maxBytes: number): (chunk: Buffer) => string[] | null {
  let pending = Buffer.alloc(0);
  return (chunk) => {
    pending = Buffer.concat([pending, chunk]);
    const lines: string[] = [];
    let newline: number;
    while ((newline = pending.indexOf(0x0a)) >= 0) {
      // The whole line counts: a long line arriving in one chunk with its newline is as long as one still coming.
      if (newline > maxBytes) return null;
      lines.push(pending.subarray(0, newline).toString('utf8'));
      pending = pending.subarray(newline + 1);
    }
    return pending.length > maxBytes ? null : lines;
  };
}

/** The data folders a Sheaf may be using when SHEAF_DATA_DIR isn't set: the desktop app's, then the preview's. */
export function defaultDataDirs(
  env: Record<string, string | undefined>,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string[] {
  // Electron's userData: the app's name under the OS's per-user config folder ("sheaf" run from source).
  const config =
    platform === 'darwin'
      ? join(home, 'Library', 'Application Support')
      : platform === 'win32'
        ? (env.APPDATA ?? join(home, 'AppData', 'Roaming'))
        : env.XDG_CONFIG_HOME || join(home, '.config');
  const desktop =
    platform === 'win32' ? [join(config, 'Sheaf')] : [join(config, 'Sheaf'), join(config, 'sheaf')];
  return [...desktop, defaultPreviewDataDir(env, home)];
}

/** Where `npm run web` keeps its data without SHEAF_DATA_DIR. */
export function defaultPreviewDataDir(
  env: Record<string, string | undefined>,
  home: string = homedir(),
): string {
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'sheaf-preview');
}

/**
 * A Unix socket in the data folder; on Windows a named pipe (pipes live in their own namespace), named for the
 * user and the folder so two Sheafs with two data folders don't meet.
 */
export function controlSocketPath(dataDir: string, platform: NodeJS.Platform = process.platform): string {
  // In a subfolder Sheaf makes private (control/socket-folder.ts): the data folder's own mode is the person's.
  if (platform !== 'win32') return join(dataDir, 'control', 'control.sock');
  const hash = createHash('sha256').update(dataDir.toLowerCase()).digest('hex').slice(0, 16);
  const user = userInfo().username.replace(/[^\w.-]/g, '_');
  return `\\\\.\\pipe\\sheaf-${user}-${hash}`;
}

/** How a script is told Sheaf isn't running, with how to start it. */
export const notRunningMessage =
  "Sheaf isn't running. Start the Sheaf app (or `npm run web` for the preview), then try again.";
