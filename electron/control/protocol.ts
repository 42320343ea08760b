// Owns the control socket's contract between the running Sheaf and the `sheaf` command: where the socket is, what
// one request line may say and how long it may be, and what comes back.
import { createHash } from 'node:crypto';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import type { CommandName, IpcResult } from '../../shared/ipc';
import type { AppState } from '../../shared/state';
import { SignInFirstError } from '../main/core/base/errors';

/** One request is one JSON line; notes (at most 5,000 characters, escaped) fit well inside. */
export const maxRequestBytes = 64 * 1024;
/** An answer carries at most the assignments list (20,000 pairs is a few MB). */
export const maxAnswerBytes = 64 * 1024 * 1024;
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

/** What a script hears when every connection is taken, or the socket was closed under it. */
export const busyMessage =
  'Sheaf is busy: too many scripts are talking to it at once. Try again in a moment.';

/**
 * Whether a script may send each IPC command: reading the state and the timer's own changes, nothing more.
 * Signing in or out, deleting and settings stay with the popover, where the person sees what they do. Every
 * command is decided here: a new one fails to compile until it is.
 */
const scriptable = {
  getState: true,
  listAssignments: true,
  startTimer: true,
  stopTimer: true,
  toggleTimer: true,
  restartEntry: true,
  updateNotes: true,
  signIn: false,
  signInDemo: false,
  signOut: false,
  signOutOf: false,
  signInWithHarvest: false,
  cancelSignIn: false,
  chooseAccounts: false,
  cancelAccountChoice: false,
  switchAccount: false,
  refresh: false,
  addEntry: false,
  editEntry: false,
  deleteEntry: false,
  undoDelete: false,
  resolveSetAside: false,
  dismissNotices: false,
  getSettings: false,
  updateSettings: false,
  answerIdle: false,
  snoozeReminder: false,
  startFocus: false,
  stopFocus: false,
  skipFocusPhase: false,
  showDay: false,
  refreshChanges: false,
  pinAssignment: false,
  unpinAssignment: false,
  getReport: false,
  openHarvest: false,
  hidePopover: false,
} as const satisfies Record<CommandName, boolean>;
export type ScriptCommand = {
  [K in CommandName]: (typeof scriptable)[K] extends true ? K : never;
}[CommandName];
/** The IPC commands a script may send. */
export const scriptCommands = (Object.keys(scriptable) as CommandName[]).filter(
  (command): command is ScriptCommand => scriptable[command],
);

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
