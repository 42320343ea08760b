// Owns how core touches the disk: one port (read, atomic write, rename, list, remove) that a host or a test can
// put a faulty disk under, and what a failed write means in the person's words.
import { mkdir, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';

export interface Disk {
  read(file: string): Promise<string>;
  /** Replaces `file` with `text` atomically (temp file, fsync, rename), creating its folder first. */
  writeAtomic(file: string, text: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  list(dir: string): Promise<string[]>;
  remove(file: string): Promise<void>;
}

export const nodeDisk: Disk = {
  read: (file) => readFile(file, 'utf8'),
  writeAtomic: async (file, text) => {
    await mkdir(dirname(file), { recursive: true });
    await writeFileAtomic(file, text, { fsync: true });
  },
  rename: (from, to) => rename(from, to),
  list: (dir) => readdir(dir),
  remove: (file) => unlink(file),
};

let current: Disk = nodeDisk;

/** The disk core reads and writes. A process has one, so it is set once by the host (or the chaos suite). */
export function disk(): Disk {
  return current;
}

export function setDisk(next: Disk): void {
  current = next;
}

/** The errno code of a failed file call ("ENOSPC"), if it has one. */
export function errnoOf(err: unknown): string | undefined {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

const reasons: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'your disk quota is used up',
  EACCES: "it isn't allowed to write there",
  EPERM: "it isn't allowed to write there",
  EROFS: 'the disk is read-only',
  EISDIR: 'a folder is where its file should be',
  ENOTDIR: 'a file is where its folder should be',
  // mkdir's answer when a file has the folder's name.
  EEXIST: 'a file is where its folder should be',
  EIO: 'the disk reported an error',
};

/** A folder as the person knows it: "~/.config/Sheaf" rather than "/home/ada/.config/Sheaf". */
export function shownFolder(folder: string): string {
  const home = homedir();
  return home && (folder === home || folder.startsWith(`${home}/`))
    ? `~${folder.slice(home.length)}`
    : folder;
}

/** Sheaf could not save something: said with where and why, so the person can fix it (free space, rights). */
export class DiskError extends Error {
  readonly code: string | undefined;
  readonly folder: string;
  constructor(err: unknown, file: string) {
    const code = errnoOf(err);
    const folder = dirname(file);
    const why = (code && reasons[code]) ?? (err instanceof Error ? err.message : String(err));
    super(`Sheaf can't save to ${shownFolder(folder)}: ${why}.`, { cause: err });
    this.name = 'DiskError';
    this.code = code;
    this.folder = folder;
  }
}
