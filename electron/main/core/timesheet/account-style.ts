// Owns writing a change in the account's own style. Harvest ignores `hours` on start/end-time accounts and
// started_time/ended_time on duration accounts (so an edit in the other style is silently lost), and it answers
// times in the company's clock: what Sheaf sends is converted here, where the style is known for sure (a
// member's account style may be learned after the change was queued).
import { msPerMinute, roundHours } from '../../../../shared/elapsed';
import {
  minuteOfDayAt,
  momentOf,
  readTime,
  restyle,
  spanHours,
  timeAt,
  type ClockStyle,
} from '../../../../shared/wall-clock';
import { localDate } from '../base/dates';
import type { LocalEntry } from './entries';
import type { TimeEntryUpdate } from '../harvest/api';
import type { EntryChanges, Intent } from './intents';

export interface AccountStyle {
  timestampTimers: boolean;
  clock: ClockStyle;
}

/** The last minute of a day Harvest's start/end times can name (23:59). */
const lastMinute = 24 * 60 - 1;

/**
 * `length` minutes of real time from the moment `from`, kept within the spent date (Harvest's start and end
 * times are one day's) and written in the company's clock. Real time, so the hours counted back from these
 * times are `length` on a DST day too (wall-clock.ts's spanHours).
 */
function span(spentDate: string, from: number, length: number, clock: ClockStyle) {
  const first = momentOf(spentDate, 0).getTime();
  const last = momentOf(spentDate, lastMinute).getTime();
  const begin = Math.max(first, Math.min(from, last - length * msPerMinute));
  return {
    started_time: timeAt(new Date(begin), clock),
    ended_time: timeAt(new Date(Math.min(last, begin + length * msPerMinute)), clock),
  };
}

/**
 * The PATCH body for an edit: project, task and notes as they are; hours on duration accounts (from new times
 * if that is what changed); start and end times on start/end-time accounts (new hours move the end, or a
 * running timer's start).
 */
export function editInStyle(
  style: AccountStyle,
  entry: LocalEntry | undefined,
  c: EntryChanges,
  at: Date,
): TimeEntryUpdate {
  const body: TimeEntryUpdate = {
    ...(c.projectId !== undefined ? { project_id: c.projectId } : {}),
    ...(c.taskId !== undefined ? { task_id: c.taskId } : {}),
    ...(c.notes !== undefined ? { notes: c.notes } : {}),
  };
  if (style.timestampTimers) return { ...body, ...timesFor(style.clock, entry, c, at) };
  const timesChanged = c.startedTime !== undefined || c.endedTime !== undefined;
  // The same hours the view showed for these times (wall-clock.ts's spanHours, DST days included).
  const hours =
    c.hours ??
    (timesChanged && entry
      ? spanHours(entry.spentDate, c.startedTime ?? entry.startedTime, c.endedTime ?? entry.endedTime)
      : null);
  return hours == null ? body : { ...body, hours: roundHours(hours) };
}

function timesFor(
  clock: ClockStyle,
  entry: LocalEntry | undefined,
  c: EntryChanges,
  at: Date,
): TimeEntryUpdate {
  const times: TimeEntryUpdate = {
    ...(c.startedTime !== undefined ? { started_time: restyle(c.startedTime, clock) } : {}),
    ...(c.endedTime !== undefined ? { ended_time: restyle(c.endedTime, clock) } : {}),
  };
  if (c.hours === undefined || c.endedTime !== undefined) return times;
  const length = Math.round(c.hours * 60);
  const spentDate = entry?.spentDate ?? localDate(at);
  // A running timer that should show these hours started that long before they were set.
  if (entry?.runningSince) {
    return { started_time: span(spentDate, at.getTime() - length * msPerMinute, length, clock).started_time };
  }
  const start = readTime(c.startedTime ?? entry?.startedTime);
  const end = momentOf(spentDate, readTime(entry?.endedTime) ?? minuteOfDayAt(at)).getTime();
  const from = start === null ? end - length * msPerMinute : momentOf(spentDate, start).getTime();
  return span(spentDate, from, length, clock);
}

/**
 * The times of time added on a start/end-time account: the ones typed, else a span of its hours (an "Apply
 * elsewhere", or a script): today's ends when the person added it, another day's starts at 9:00.
 */
export function addedTimes(
  clock: ClockStyle,
  intent: Extract<Intent, { kind: 'add' }>,
  at: Date,
): { started_time: string; ended_time: string } {
  if (intent.startedTime && intent.endedTime) {
    return {
      started_time: restyle(intent.startedTime, clock),
      ended_time: restyle(intent.endedTime, clock),
    };
  }
  const length = Math.round(intent.hours * 60);
  const today = intent.spentDate === localDate(at);
  const from = today ? at.getTime() - length * msPerMinute : momentOf(intent.spentDate, 9 * 60).getTime();
  return span(intent.spentDate, from, length, clock);
}
