// Owns Sheaf's small JSON files in the data directory (last session, per-account cache): written atomically,
// read defensively. A damaged file is copied aside and reported, never allowed to stop the app from starting.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { z } from 'zod';
import { disk, DiskError, errnoOf, type Disk } from './disk';

export type ReadResult<T> = { value: T | null; problem: string | null };

export async function readJson<T>(file: string, schema: z.ZodType<T>, what: string): Promise<ReadResult<T>> {
  let text: string;
  try {
    text = await disk().read(file);
  } catch (err) {
    if (errnoOf(err) === 'ENOENT') return { value: null, problem: null };
    return { value: null, problem: `Sheaf could not read its ${what} (${(err as Error).message}).` };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const result = schema.safeParse(parsed);
  if (result.success) return { value: result.data, problem: null };
  // A copy, never a move: if what replaces the file can't be written (a full disk), the file stays where it is,
  // so the next start finds the same damage and recovers the same way (the pins from their backup).
  const kept = await writeInOrder(damagedCopyOf(file, text), text)
    .then(() => true)
    .catch(() => false);
  return {
    value: null,
    problem: `Sheaf's ${what} was damaged${kept ? ' and has been set aside' : ''}; it will be rebuilt from Harvest.`,
  };
}

/** Where a damaged file's copy is kept: named after what it holds, so the same damage seen again is one copy. */
export function damagedCopyOf(file: string, text: string): string {
  return `${file}.damaged-${createHash('sha256').update(text).digest('hex').slice(0, 12)}`;
}

export async function writeJson(file: string, value: unknown): Promise<void> {
  await writeInOrder(file, JSON.stringify(value));
}

// Per disk, then per file: a process's writes queue behind its own earlier ones only. (A simulated crash hands the
// next process a new disk; its writes must not wait behind the dead process's, which never finish.)
const writesByDisk = new WeakMap<Disk, Map<string, Promise<unknown>>>();

/**
 * Writes `text` atomically (temp file, fsync, rename), after every earlier write to the same file: concurrent
 * saves land in the order they were asked for, so an older snapshot never overwrites a newer one. A failure is
 * a DiskError that says where and why (a full disk, a folder Sheaf may not write to).
 */
export async function writeInOrder(file: string, text: string): Promise<void> {
  const target = disk();
  let writesByFile = writesByDisk.get(target);
  if (!writesByFile) writesByDisk.set(target, (writesByFile = new Map()));
  const queue = writesByFile;
  const write = (queue.get(file) ?? Promise.resolve()).then(async () => {
    try {
      await target.writeAtomic(file, text);
    } catch (err) {
      throw new DiskError(err, file);
    }
  });
  const settled = write.catch(() => undefined);
  queue.set(file, settled);
  // Forget a file's queue once it is idle, so the map doesn't grow with every file ever written.
  void settled.then(() => {
    if (queue.get(file) === settled) queue.delete(file);
  });
  await write;
}

/** Each Harvest account (and person in it) gets its own folder, so switching accounts never mixes changes. */
export function accountDir(dataDir: string, accountId: string, userId: number): string {
  return join(dataDir, 'accounts', `${accountId.replace(/\D/g, '')}-${userId}`);
}
