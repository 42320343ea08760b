// Owns the control socket's wire as the `sheaf` command needs it, free of zod and core so a status bar's call loads
// little: where the socket is, how long a line may be, how lines are cut, and what a script hears when Sheaf is away.
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import type { IpcResult } from '../../shared/ipc';

export type ControlAnswer = IpcResult<unknown>;

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

/** What a script hears when every connection is taken, or the socket was closed under it. */
export const busyMessage =
  'Sheaf is busy: too many scripts are talking to it at once. Try again in a moment.';

/** How a script is told Sheaf isn't running, with how to start it. */
export const notRunningMessage =
  "Sheaf isn't running. Start the Sheaf app (or `npm run web` for the preview), then try again.";

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
  // Asked for only here: loading node:crypto costs every Unix status call a few MB for nothing.
  const { createHash } = process.getBuiltinModule('node:crypto');
  const hash = createHash('sha256').update(dataDir.toLowerCase()).digest('hex').slice(0, 16);
  const user = userInfo().username.replace(/[^\w.-]/g, '_');
  return `\\\\.\\pipe\\sheaf-${user}-${hash}`;
}
