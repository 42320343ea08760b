// Owns the one way Sheaf tells how long an entry has run: its hours plus what the clock says has passed since its
// timer (re)started, never counted ticks. The popover, the tray, reminders and idle all read it from here.
import type { EntryView } from './state';

export const msPerMinute = 60_000;
export const msPerHour = 60 * msPerMinute;

/** Hours from one moment to a later one (0 when the second comes first). */
export function hoursBetween(from: Date, to: Date): number {
  return Math.max(0, to.getTime() - from.getTime()) / msPerHour;
}

/** Hours as Harvest keeps them: to 0.01 h. */
export function roundHours(hours: number): number {
  return Math.round(hours * 100) / 100;
}

/** Ms the timer has run since the snapshot (0 when stopped, or when the clock is behind the start). */
export function msSinceSnapshot(entry: EntryView | null, now: number): number {
  if (!entry?.isRunning || !entry.runningSince) return 0;
  const since = Date.parse(entry.runningSince);
  return Number.isNaN(since) ? 0 : Math.max(0, now - since);
}

/** The entry's hours right now. */
export function liveHours(entry: EntryView, now: number): number {
  return entry.hours + msSinceSnapshot(entry, now) / msPerHour;
}

/** The entry's whole elapsed time in ms. */
export function elapsedMs(entry: EntryView, now: number): number {
  return entry.hours * msPerHour + msSinceSnapshot(entry, now);
}

export const extraHours = (running: EntryView | null, now: number): number =>
  msSinceSnapshot(running, now) / msPerHour;
