// Owns the outbox's saved form: one JSON line per record, each stamped with the version of its form, and the
// reading of every older form a previous Sheaf wrote into today's (lines with no version are version 1).
import { z } from 'zod';
import { IntentSchema } from './intent-schema';
import { SetAsideSchema } from './set-aside';

/** The form this build writes. A change to what a line holds gets a new version and an upgrade below. */
export const outboxVersion = 3;

const OutboxRecordSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('intent'), intent: IntentSchema }),
  /** A local ref Harvest has since given an id: queued changes still refer to the local one. */
  z.strictObject({ type: z.literal('id'), local: z.string(), id: z.number().int() }),
  z.strictObject({ type: z.literal('setAside'), item: SetAsideSchema }),
]);
export type OutboxRecord = z.infer<typeof OutboxRecordSchema>;

type Fields = Record<string, unknown>;
const isFields = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Each older form read into the next one. Version 1 (every Sheaf before versions) wrote today's records with no
 * `v`: the same fields, so only the stamp changes.
 */
const upgrades: Record<number, (line: Fields) => Fields> = {
  1: (line) => line,
  // Version 2 called a restarted entry's change kind "resume"; it is "restart" now.
  2: (line) => {
    const renamed = (intent: unknown) =>
      isFields(intent) && intent.kind === 'resume' ? { ...intent, kind: 'restart' } : intent;
    if (line.type === 'intent') return { ...line, intent: renamed(line.intent) };
    if (line.type === 'setAside' && isFields(line.item))
      return { ...line, item: { ...line.item, intent: renamed(line.item.intent) } };
    return line;
  },
};

export function lineOf(record: OutboxRecord): string {
  return JSON.stringify({ v: outboxVersion, ...record });
}

/** The record a line holds in today's form, or null when it can't be read (damaged, or from a newer Sheaf). */
export function readLine(raw: string): OutboxRecord | null {
  const json = safeJson(raw);
  if (!isFields(json)) return null;
  const { v = 1, ...fields } = json;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > outboxVersion) return null;
  let line = fields;
  for (let version = v; version < outboxVersion; version++) line = upgrades[version]!(line);
  const parsed = OutboxRecordSchema.safeParse(line);
  return parsed.success ? parsed.data : null;
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
