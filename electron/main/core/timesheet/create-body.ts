// Owns the body of a create as Harvest takes it, in the account's style: hours, or start and end times; the
// linked work in Harvest's shape.
import { addedTimes, type AccountStyle } from './account-style';
import { timeAt } from '../../../../shared/wall-clock';
import { localDate } from '../base/dates';
import { hoursBetween, roundHours } from '../../../../shared/elapsed';
import type { CreateByDuration, CreateByStartEnd, ExternalReferenceBody } from '../harvest/api';
import type { CreateIntent, EntryChanges } from './intents';

/** Harvest takes at most 24 h in an entry. */
export const maxEntryHours = 23.99;

/** The linked work as Harvest takes it (a Trello card names no group: none is sent). */
export function referenceBody(r: NonNullable<EntryChanges['reference']>): ExternalReferenceBody {
  return { id: r.id, ...(r.groupId ? { group_id: r.groupId } : {}), permalink: r.permalink };
}

/** A create's body: `notes` and `stoppedAt` may come from changes that travel with it. */
export function createBody(
  style: AccountStyle,
  intent: CreateIntent,
  notes: string,
  stoppedAt: Date | null,
): CreateByDuration | CreateByStartEnd {
  const at = new Date(intent.at);
  const { timestampTimers, clock } = style;
  const common = {
    project_id: intent.projectId,
    task_id: intent.taskId,
    spent_date: intent.kind === 'add' ? intent.spentDate : localDate(at),
    ...(notes ? { notes } : {}),
    ...(intent.reference ? { external_reference: referenceBody(intent.reference) } : {}),
  };
  if (intent.kind === 'add') {
    // Only the account's own style reaches Harvest (it ignores the other): times there, hours here.
    if (!timestampTimers) return { ...common, hours: roundHours(intent.hours) };
    return { ...common, ...addedTimes(clock, intent, at) };
  }
  if (timestampTimers) {
    return {
      ...common,
      started_time: timeAt(at, clock),
      ...(stoppedAt ? { ended_time: timeAt(stoppedAt, clock) } : {}),
    };
  }
  return stoppedAt
    ? { ...common, hours: Math.min(maxEntryHours, roundHours(hoursBetween(at, stoppedAt))) }
    : common;
}
