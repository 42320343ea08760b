// Owns the durable outbox: every change the person made that Harvest hasn't confirmed, one JSON line each,
// rewritten atomically (temp file, fsync, rename by write-file-atomic) before the change is acknowledged.
// One line per record means a damaged file loses only its damaged lines: everything intact is kept.
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { disk, errnoOf, shownFolder } from '../disk';
import type { Intent } from './intents';
import { writeInOrder } from '../local-store';

const ref = z.union([z.number().int(), z.string()]);
const names = z.object({
  clientName: z.string(),
  projectName: z.string(),
  projectCode: z.string().nullable(),
  taskName: z.string(),
});
const base = { id: z.string(), at: z.string().datetime({ offset: true }) };
const replaces = z.object({ ref: z.number().int(), hours: z.number() }).optional();

/** The fields every create carries (CreateFields in timesheet/intents.ts). */
const create = {
  ...base,
  localRef: z.string(),
  projectId: z.number().int(),
  taskId: z.number().int(),
  notes: z.string(),
  names,
  attempted: z.boolean().optional(),
  sentNotes: z.string().optional(),
  sentAt: z.string().optional(),
  knownIds: z.array(z.number().int()).optional(),
  sentHours: z.number().optional(),
  sentStartedTime: z.string().optional(),
  replaces,
};

export const IntentSchema: z.ZodType<Intent> = z.discriminatedUnion('kind', [
  z.object({ ...create, kind: z.literal('start') }),
  z.object({
    ...create,
    kind: z.literal('add'),
    spentDate: z.string(),
    hours: z.number().min(0).max(24),
    startedTime: z.string().nullable(),
    endedTime: z.string().nullable(),
  }),
  z.object({ ...base, kind: z.literal('stop'), ref, targetHours: z.number().optional() }),
  z.object({ ...base, kind: z.literal('resume'), ref, baseHours: z.number().optional(), replaces }),
  z.object({ ...base, kind: z.literal('updateNotes'), ref, notes: z.string() }),
  z.object({
    ...base,
    kind: z.literal('edit'),
    ref,
    changes: z.object({
      projectId: z.number().int().optional(),
      taskId: z.number().int().optional(),
      names: names.optional(),
      notes: z.string().optional(),
      hours: z.number().min(0).max(24).optional(),
      startedTime: z.string().optional(),
      endedTime: z.string().optional(),
    }),
  }),
  z.object({
    ...base,
    kind: z.literal('delete'),
    ref,
    holdUntil: z.string().datetime({ offset: true }).optional(),
  }),
]) as z.ZodType<Intent>;

export const SetAsideSchema = z.object({
  id: z.string(),
  intent: IntentSchema,
  /** Harvest's reason, in its words. */
  reason: z.string(),
  /** What the change was, in the person's words. */
  summary: z.string(),
  /** What the person had when it was set aside, so "apply elsewhere" can recreate it. */
  entry: z
    .object({
      projectId: z.number().int(),
      taskId: z.number().int(),
      notes: z.string(),
      hours: z.number(),
      names,
    })
    .nullable(),
});
export type SetAside = z.infer<typeof SetAsideSchema>;

const Line = z.discriminatedUnion('type', [
  z.object({ type: z.literal('intent'), intent: IntentSchema }),
  z.object({ type: z.literal('id'), local: z.string(), id: z.number().int() }),
  z.object({ type: z.literal('setAside'), item: SetAsideSchema }),
]);

export interface OutboxContents {
  intents: Intent[];
  ids: Map<string, number>;
  setAside: SetAside[];
}

export interface LoadedOutbox extends OutboxContents {
  /** What could not be read, for the person ("2 damaged lines were set aside"). */
  problems: string[];
}

export class Outbox {
  constructor(readonly file: string) {}

  async load(): Promise<LoadedOutbox> {
    const problems: string[] = [];
    await this.removeHalfWritten();
    let text: string;
    try {
      text = await disk().read(this.file);
    } catch (err) {
      const empty = { intents: [], ids: new Map<string, number>(), setAside: [] };
      if (errnoOf(err) === 'ENOENT') return { ...empty, problems };
      // Unreadable (no permission, a folder where the file should be): never a reason to fail sign-in or sign
      // the person out. Say what and where, move it aside if possible, and carry on with a fresh list.
      return { ...empty, problems: [await this.setAsideUnreadable(err)] };
    }
    const contents: OutboxContents = { intents: [], ids: new Map(), setAside: [] };
    let damaged = 0;
    const lines = text.split('\n');
    // Every line the outbox writes ends in a newline: only the one after the last is legitimately empty.
    if (lines.at(-1) === '') lines.pop();
    for (const raw of lines) {
      const parsed = Line.safeParse(safeJson(raw));
      if (!parsed.success) {
        damaged++;
        continue;
      }
      const line = parsed.data;
      if (line.type === 'intent') contents.intents.push(line.intent);
      else if (line.type === 'id') contents.ids.set(line.local, line.id);
      else contents.setAside.push(line.item);
    }
    if (damaged > 0) {
      // Keep the damaged original for a human to look at; carry on with every intact change.
      const copy = `${this.file}.damaged-${Date.now()}`;
      await disk()
        .rename(this.file, copy)
        .catch(() => undefined);
      problems.push(
        `${damaged} damaged ${damaged === 1 ? 'line' : 'lines'} in the list of unsent changes could not be read and ${damaged === 1 ? 'was' : 'were'} set aside (${basename(copy)}). Every intact change was kept.`,
      );
      await this.save(contents);
    }
    return { ...contents, problems };
  }

  async save(contents: OutboxContents): Promise<void> {
    const lines: string[] = [];
    for (const [local, id] of contents.ids) lines.push(JSON.stringify({ type: 'id', local, id }));
    for (const intent of contents.intents) lines.push(JSON.stringify({ type: 'intent', intent }));
    for (const item of contents.setAside) lines.push(JSON.stringify({ type: 'setAside', item }));
    // In call order: an older snapshot never lands after a newer, acknowledged one.
    await writeInOrder(this.file, lines.length ? `${lines.join('\n')}\n` : '');
  }

  private async setAsideUnreadable(err: unknown): Promise<string> {
    const where = shownFolder(dirname(this.file));
    const why = errnoOf(err) === 'EISDIR' ? 'a folder is where the file should be' : (err as Error).message;
    const copy = `${this.file}.damaged-${Date.now()}`;
    const moved = await disk()
      .rename(this.file, copy)
      .then(() => true)
      .catch(() => false);
    return moved
      ? `Sheaf couldn't read its list of unsent changes in ${where} (${why}); it was set aside as ${basename(copy)} and Sheaf carries on with a new one.`
      : `Sheaf couldn't read its list of unsent changes in ${where} (${why}), nor move it aside. New changes can't be saved there until it is fixed.`;
  }

  /** A temp file left by a crash mid-write was never acknowledged (the rename never happened): drop it. */
  private async removeHalfWritten(): Promise<void> {
    const dir = dirname(this.file);
    const prefix = `${basename(this.file)}.`;
    let names: string[];
    try {
      names = await disk().list(dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (name.startsWith(prefix) && /^[0-9a-f]+$/i.test(name.slice(prefix.length))) {
        await disk()
          .remove(join(dir, name))
          .catch(() => undefined);
      }
    }
  }
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
