// Owns what a change Harvest refused keeps for the person: what it was, in their words, and the entry as they
// had it then, so "apply elsewhere" can make it again as a new entry.
import { z } from 'zod';
import { msPerHour } from '../../../../shared/elapsed';
import type { LocalEntry } from './entries';
import { EntryNamesSchema, IntentSchema, type Intent } from './intent-schema';

/** A change Harvest refused, kept (in the outbox too) until the person discards it or applies it elsewhere. */
export const SetAsideSchema = z.strictObject({
  id: z.string(),
  intent: IntentSchema,
  /** Harvest's reason, in its words. */
  reason: z.string(),
  /** What the change was, in the person's words. */
  summary: z.string(),
  /** What the person had when it was set aside, so "apply elsewhere" can recreate it. */
  entry: z
    .strictObject({
      projectId: z.number().int(),
      taskId: z.number().int(),
      notes: z.string(),
      hours: z.number(),
      names: EntryNamesSchema,
    })
    .nullable(),
});
export type SetAside = z.infer<typeof SetAsideSchema>;

export function setAsideFor(intent: Intent, reason: string, entry: LocalEntry | undefined): SetAside {
  return { id: intent.id, intent, reason, summary: summarize(intent, entry), entry: kept(entry, intent) };
}

/** What the person had when a change was set aside, so "apply elsewhere" can recreate it. */
function kept(entry: LocalEntry | undefined, intent: Intent): SetAside['entry'] {
  if (!entry) return null;
  return {
    projectId: entry.projectId,
    taskId: entry.taskId,
    notes: entry.notes,
    hours: entry.runningSince
      ? entry.hours + (Date.parse(intent.at) - entry.runningSince.getTime()) / msPerHour
      : entry.hours,
    names: {
      clientName: entry.clientName,
      projectName: entry.projectName,
      projectCode: entry.projectCode,
      taskName: entry.taskName,
    },
  };
}

function summarize(intent: Intent, entry: LocalEntry | undefined): string {
  const what = entry ? `${entry.projectName} — ${entry.taskName}` : 'an entry';
  switch (intent.kind) {
    case 'start':
      return `Start ${what}`;
    case 'add':
      return `Add ${intent.hours.toFixed(2)} h to ${what}`;
    case 'stop':
      return `Stop ${what}`;
    case 'restart':
      return `Restart ${what}`;
    case 'updateNotes':
      return `Notes on ${what}: “${intent.notes}”`;
    case 'edit':
      return `Edit ${what}`;
    case 'delete':
      return `Delete ${what}`;
  }
}
