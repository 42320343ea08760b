// Owns the person's intents (start, stop, restart, notes) and applying them to entries optimistically.
// Intents are plain JSON and carry the moment the person acted, so they can be stored and sent later
// (the offline outbox) and still put time where it was really spent.
import { spanHours, timeAt } from '../../../../shared/wall-clock';
import { localDate } from '../base/dates';
import { hoursUntil, type EntryRef, type LocalEntry } from './entries';
import type { CreateFields, EntryChanges, Intent, Replaces } from './intent-schema';

// What a change is, and each of its fields, is defined once in zod (intent-schema.ts); these types come from it.
export type { CreateFields, EntryChanges, EntryNames, Intent, Replaces } from './intent-schema';

export type CreateIntent = Extract<Intent, { kind: 'start' | 'add' }>;

/** How a create was sent (see CreateFields): enough to find it again if its answer is lost. */
export type CreateNote = Pick<
  CreateFields,
  'attempted' | 'sentNotes' | 'sentAt' | 'sentHours' | 'sentStartedTime' | 'knownIds' | 'replaces'
>;

/**
 * What the sender learns about a queued intent while sending it: a create's record of how it was sent, a
 * stop's or restart's hours. The sync queue keeps it on the intent and saves it before the request leaves.
 */
export type SendNote = CreateNote | { targetHours: number } | { baseHours: number; replaces?: Replaces };

export function isCreate(intent: Intent): intent is CreateIntent {
  return intent.kind === 'start' || intent.kind === 'add';
}

/** The entry an intent changes (a create's own local ref). */
export function targetOf(intent: Intent): EntryRef {
  return isCreate(intent) ? intent.localRef : intent.ref;
}

/** Local refs Harvest has since confirmed, mapped to Harvest's ids. */
export type IdMap = ReadonlyMap<string, number>;

export function resolveRef(ref: EntryRef, ids: IdMap): EntryRef {
  return typeof ref === 'string' ? (ids.get(ref) ?? ref) : ref;
}

export function stopAt(entry: LocalEntry, at: Date, timestampTimers: boolean): LocalEntry {
  if (!entry.runningSince) return entry;
  return {
    ...entry,
    hours: hoursUntil(entry, at),
    runningSince: null,
    endedTime: timestampTimers ? timeAt(at, '12h') : entry.endedTime,
  };
}

/** Harvest keeps one running timer per person: starting anything stops whatever runs. */
function stopAllRunning(entries: Map<EntryRef, LocalEntry>, at: Date, timestampTimers: boolean): void {
  for (const [ref, entry] of entries) {
    if (entry.runningSince) entries.set(ref, stopAt(entry, at, timestampTimers));
  }
}

/** Applies one intent in place; returns the ref it touched (null when its entry is gone). */
export function applyIntent(
  entries: Map<EntryRef, LocalEntry>,
  intent: Intent,
  ids: IdMap,
  timestampTimers: boolean,
): EntryRef | null {
  const at = new Date(intent.at);
  if (isCreate(intent)) {
    const ref = resolveRef(intent.localRef, ids);
    if (typeof ref === 'number' && entries.has(ref)) return ref; // Harvest already has it.
    const running = intent.kind === 'start';
    if (running) stopAllRunning(entries, at, timestampTimers);
    entries.set(ref, {
      ref,
      spentDate: intent.kind === 'add' ? intent.spentDate : localDate(at),
      ...intent.names,
      projectId: intent.projectId,
      taskId: intent.taskId,
      notes: intent.notes,
      hours: intent.kind === 'add' ? intent.hours : 0,
      runningSince: running ? at : null,
      startedTime: intent.kind === 'add' ? intent.startedTime : timestampTimers ? timeAt(at, '12h') : null,
      endedTime: intent.kind === 'add' ? intent.endedTime : null,
      isLocked: false,
      lockedReason: null,
      roundedHours: null,
      approval: 'unsubmitted',
      reference: intent.reference ?? null,
      createdAt: intent.at,
    });
    return ref;
  }
  const ref = resolveRef(intent.ref, ids);
  const entry = entries.get(ref);
  if (!entry) return null;
  switch (intent.kind) {
    case 'stop':
      entries.set(ref, stopAt(entry, at, timestampTimers));
      break;
    case 'restart':
      if (entry.runningSince) break;
      stopAllRunning(entries, at, timestampTimers);
      entries.set(ref, { ...entry, runningSince: at, endedTime: null });
      break;
    case 'updateNotes':
      entries.set(ref, { ...entry, notes: intent.notes });
      break;
    case 'edit': {
      const c = intent.changes;
      const startedTime = c.startedTime ?? entry.startedTime;
      const endedTime = c.endedTime ?? entry.endedTime;
      entries.set(ref, {
        ...entry,
        ...(c.names ?? {}),
        projectId: c.projectId ?? entry.projectId,
        taskId: c.taskId ?? entry.taskId,
        notes: c.notes ?? entry.notes,
        // New hours on a running timer count from the moment they were set; new times on a finished
        // timestamp entry give its hours at once (the totals shouldn't wait for Harvest).
        hours: c.hours ?? hoursFromTimes(entry, startedTime, endedTime, c) ?? entry.hours,
        runningSince: c.hours !== undefined && entry.runningSince ? at : entry.runningSince,
        startedTime,
        endedTime,
        reference: c.reference === undefined ? entry.reference : c.reference,
      });
      break;
    }
    case 'delete':
      entries.delete(ref);
      break;
  }
  return ref;
}

/** A finished entry's hours from its start and end ("9:00am"–"12:00pm"), when an edit changed either. */
function hoursFromTimes(
  entry: LocalEntry,
  startedTime: string | null,
  endedTime: string | null,
  changes: EntryChanges,
): number | null {
  if (entry.runningSince || (changes.startedTime === undefined && changes.endedTime === undefined))
    return null;
  return spanHours(entry.spentDate, startedTime, endedTime);
}

/** The entries as the person should see them: Harvest's last word plus every intent not yet confirmed. */
export function applyIntents(
  confirmed: ReadonlyMap<EntryRef, LocalEntry>,
  pending: readonly Intent[],
  ids: IdMap,
  timestampTimers: boolean,
): { entries: Map<EntryRef, LocalEntry>; pendingRefs: Set<EntryRef> } {
  const entries = new Map(confirmed);
  const pendingRefs = new Set<EntryRef>();
  for (const intent of pending) {
    const ref = applyIntent(entries, intent, ids, timestampTimers);
    if (ref !== null) pendingRefs.add(ref);
  }
  return { entries, pendingRefs };
}
