// Owns the pure rules for the queue of unsent changes: how a new change joins it (edits of the same entry
// coalesce, so only the latest value is sent), which changes travel with a create not yet sent, and how
// changes follow an entry Harvest replaced.
import { isCreate, type Intent } from './intents';

/**
 * The queue with `intent` at its end. An earlier notes change to the same entry, not yet on its way, is dropped
 * (the new notes replace it); an edit directly behind an edit of the same entry is merged into one, later
 * fields winning. 1,000 quick note edits are then one PATCH, not 1,000.
 */
export function queueWith(queue: readonly Intent[], intent: Intent, inFlight: Intent | null): Intent[] {
  if (intent.kind === 'updateNotes') {
    return [
      ...queue.filter((i) => i === inFlight || !(i.kind === 'updateNotes' && i.ref === intent.ref)),
      intent,
    ];
  }
  if (intent.kind === 'edit') {
    const lastForEntry = [...queue].reverse().find((i) => !isCreate(i) && i.ref === intent.ref);
    if (lastForEntry?.kind === 'edit' && lastForEntry !== inFlight) {
      const merged: Intent = {
        ...intent,
        changes: { ...lastForEntry.changes, ...intent.changes },
      };
      return [...queue.filter((i) => i !== lastForEntry), merged];
    }
  }
  return [...queue, intent];
}

/** Later changes to an entry Harvest replaced with a new one (a restart on a start/end-time account). */
export function retarget(queue: readonly Intent[], from: number, to: number): Intent[] {
  return queue.map((i) => (!isCreate(i) && i.ref === from ? { ...i, ref: to } : i));
}

/**
 * What later intents say about a start not yet sent: its notes edits, and when it ended — its own stop, or
 * the next start or restart of anything else (Harvest runs one timer at a time). Those intents travel with it.
 */
export function followersOf(
  queue: readonly Intent[],
  localRef: string,
): { consumed: string[]; notes?: string; endAt?: string } {
  const consumed: string[] = [];
  let notes: string | undefined;
  let endAt: string | undefined;
  for (const next of queue.slice(1)) {
    if (!isCreate(next) && next.ref === localRef) {
      if (next.kind === 'updateNotes') notes = next.notes;
      else if (next.kind === 'stop' && endAt === undefined) endAt = next.at;
      else break; // An edit, restart or delete of it: send what we have and let that follow as it is.
      consumed.push(next.id);
    } else if (endAt === undefined && (next.kind === 'start' || next.kind === 'restart')) {
      endAt = next.at;
    }
  }
  return { consumed, notes, endAt };
}
