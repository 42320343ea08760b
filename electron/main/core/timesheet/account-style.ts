// Owns writing a change in the account's own style. Harvest ignores `hours` on start/end-time accounts and
// started_time/ended_time on duration accounts (so an edit in the other style is silently lost), and it answers
// times in the company's clock: what Sheaf sends is converted here, where the style is known for sure (a
// member's account style may be learned after the change was queued).
import { roundHours } from '../../../../shared/elapsed';
import { harvestTime, minutesOfDay, type ClockStyle } from '../../../../shared/format';
import { localDate } from '../dates';
import type { LocalEntry } from '../entries';
import type { TimeEntryUpdate } from '../harvest/api';
import type { EntryChanges, Intent } from './intents';

export interface AccountStyle {
  timestampTimers: boolean;
  clock: ClockStyle;
}

/** The last minute of a day Harvest's start/end times can name (23:59). */
const lastMinute = 24 * 60 - 1;

function minutesAt(at: Date): number {
  return at.getHours() * 60 + at.getMinutes();
}

/** A time the person typed ("9:30am", "14:30") in the company's clock; unreadable text goes as it came. */
export function inCompanyClock(time: string, clock: ClockStyle): string {
  const minutes = minutesOfDay(time);
  return minutes === null ? time : harvestTime(minutes, clock);
}

/** Hours between two times of day; undefined when either is missing or unreadable, or they run backwards. */
export function hoursOfTimes(
  start: string | null | undefined,
  end: string | null | undefined,
): number | undefined {
  const from = minutesOfDay(start ?? '');
  const to = minutesOfDay(end ?? '');
  return from === null || to === null || to < from ? undefined : (to - from) / 60;
}

/** `length` minutes from `start`, kept within one day (Harvest's start and end times are one day's). */
function span(start: number, length: number, clock: ClockStyle) {
  const begin = Math.max(0, Math.min(start, lastMinute - length));
  return {
    started_time: harvestTime(begin, clock),
    ended_time: harvestTime(Math.min(lastMinute, begin + length), clock),
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
  const hours =
    c.hours ??
    (timesChanged
      ? hoursOfTimes(c.startedTime ?? entry?.startedTime, c.endedTime ?? entry?.endedTime)
      : undefined);
  return hours === undefined ? body : { ...body, hours: roundHours(hours) };
}

function timesFor(
  clock: ClockStyle,
  entry: LocalEntry | undefined,
  c: EntryChanges,
  at: Date,
): TimeEntryUpdate {
  const times: TimeEntryUpdate = {
    ...(c.startedTime !== undefined ? { started_time: inCompanyClock(c.startedTime, clock) } : {}),
    ...(c.endedTime !== undefined ? { ended_time: inCompanyClock(c.endedTime, clock) } : {}),
  };
  if (c.hours === undefined || c.endedTime !== undefined) return times;
  const length = Math.round(c.hours * 60);
  // A running timer that should show these hours started that long before they were set.
  if (entry?.runningSince) return { started_time: harvestTime(Math.max(0, minutesAt(at) - length), clock) };
  const start = minutesOfDay(c.startedTime ?? entry?.startedTime ?? '');
  const end = minutesOfDay(entry?.endedTime ?? '') ?? minutesAt(at);
  return span(start ?? end - length, length, clock);
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
      started_time: inCompanyClock(intent.startedTime, clock),
      ended_time: inCompanyClock(intent.endedTime, clock),
    };
  }
  const length = Math.round(intent.hours * 60);
  const today = intent.spentDate === localDate(at);
  return span(today ? minutesAt(at) - length : 9 * 60, length, clock);
}
