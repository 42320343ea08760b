// Owns where the control socket lives on Unix: in a private subfolder ("control", 700) that Sheaf creates inside
// the data folder. The data folder itself is the person's: Sheaf never changes its mode, so a shared, sticky or
// group folder named in SHEAF_DATA_DIR stays as it was, and the subfolder is the lock on the socket's door.
import { constants } from 'node:fs';
import { access, lstat, mkdir, unlink } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { dirname } from 'node:path';
import { errnoOf, shownFolder } from '../main/core/storage/disk';

/** Most Unix systems cap a socket's path at 104 bytes (macOS) or 108 (Linux), the terminating NUL included. */
const maxSocketPathBytes = 103;

/** Why scripts can't reach this Sheaf, and whether the person should hear it in the popover (their folder). */
export interface SocketFolderProblem {
  problem: string;
  tell: boolean;
}

const denied = new Set(['EACCES', 'EPERM', 'EROFS']);

/** What the popover and the `sheaf` command say when the data folder can't take the socket. */
export function permissionDeniedMessage(dataDir: string, code: string | undefined): string {
  const why = code === 'EROFS' ? 'the disk is read-only' : 'the folder is read-only for you';
  return (
    `Scripts can't reach Sheaf: permission denied making its socket in ${shownFolder(dataDir)} (${why}). ` +
    'Make the folder writable, or set SHEAF_DATA_DIR to one that is, then restart Sheaf.'
  );
}

/** Null when the socket can be made at `path`; else why not. */
export async function prepareSocketFolder(
  dataDir: string,
  path: string,
): Promise<SocketFolderProblem | null> {
  if (Buffer.byteLength(path) > maxSocketPathBytes)
    return { problem: `the data folder's path is too long for a socket (${path})`, tell: false };
  const folder = dirname(path);
  try {
    // A data folder that exists keeps its mode; one Sheaf makes is private from the start.
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    await mkdir(folder, { mode: 0o700 }).catch((err: unknown) => {
      if (errnoOf(err) !== 'EEXIST') throw err;
    });
  } catch (err) {
    const code = errnoOf(err);
    if (code && denied.has(code)) return { problem: permissionDeniedMessage(dataDir, code), tell: true };
    throw err;
  }
  const made = await lstat(folder);
  // Not followed if it is a link, not used if someone else made it or opened it up: then it locks nothing.
  if (!made.isDirectory() || made.uid !== process.getuid?.() || (made.mode & 0o077) !== 0) {
    return {
      problem: `${shownFolder(folder)} isn't a private folder of yours (700); move it aside and restart Sheaf`,
      tell: true,
    };
  }
  const existing = await lstat(path).catch(() => null);
  if (!existing) return null;
  if (!existing.isSocket())
    return { problem: `${path} is in the way and isn't a socket; move it and restart Sheaf`, tell: false };
  if (await answers(path))
    return { problem: `another Sheaf already answers scripts from ${dataDir}`, tell: false };
  // Left behind by a Sheaf that didn't get to close (a crash, a kill -9): nobody is listening.
  await unlink(path);
  return null;
}

/**
 * For the command, when no socket answers: a data folder it can see but Sheaf couldn't write its socket folder
 * into is "permission denied", not "Sheaf isn't running".
 */
export async function socketFolderDenied(dataDir: string, path: string): Promise<string | null> {
  const folder = dirname(path);
  const seen = await lstat(folder).catch((err: unknown) => errnoOf(err));
  if (seen === 'EACCES') return permissionDeniedMessage(dataDir, 'EACCES');
  if (typeof seen !== 'string') return null;
  const exists = await lstat(dataDir).catch(() => null);
  if (!exists?.isDirectory()) return null;
  const writable = await access(dataDir, constants.W_OK).then(
    () => null,
    (err: unknown) => errnoOf(err) ?? 'EACCES',
  );
  return writable && denied.has(writable) ? permissionDeniedMessage(dataDir, writable) : null;
}

function answers(path: string): Promise<boolean> {
  return new Promise((done) => {
    const probe = createConnection(path);
    probe.once('connect', () => {
      probe.destroy();
      done(true);
    });
    probe.once('error', () => done(false));
  });
}
