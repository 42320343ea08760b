// Owns a running entry's live time: the snapshot's hours plus what the clock says has passed since it started.
import type { EntryView } from '../../../shared/state';

const msPerHour = 3_600_000;

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

/** The running timer's whole elapsed time in ms. */
export function elapsedMs(entry: EntryView, now: number): number {
  return entry.hours * msPerHour + msSinceSnapshot(entry, now);
}

export const extraHours = (running: EntryView | null, now: number): number =>
  msSinceSnapshot(running, now) / msPerHour;
