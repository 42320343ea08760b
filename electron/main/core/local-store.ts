// Owns Sheaf's small JSON files in the data directory (last session, per-account cache): written atomically,
// read defensively. A damaged file is moved aside and reported, never allowed to stop the app from starting.
import { mkdir, readFile, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { z } from 'zod';

export type ReadResult<T> = { value: T | null; problem: string | null };

export async function readJson<T>(file: string, schema: z.ZodType<T>, what: string): Promise<ReadResult<T>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { value: null, problem: null };
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
  const aside = `${file}.damaged-${Date.now()}`;
  await rename(file, aside).catch(() => undefined);
  return {
    value: null,
    problem: `Sheaf's ${what} was damaged and has been set aside; it will be rebuilt from Harvest.`,
  };
}

export async function writeJson(file: string, value: unknown): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFileAtomic(file, JSON.stringify(value), { fsync: true });
}

/** Each Harvest account (and person in it) gets its own folder, so switching accounts never mixes changes. */
export function accountDir(dataDir: string, accountId: string, userId: number): string {
  return join(dataDir, 'accounts', `${accountId.replace(/\D/g, '')}-${userId}`);
}
