// Owns the local model of a time entry (what the popover shows) and its conversion from Harvest's entry.
import { z } from 'zod';
import { EntryView } from '../../../../shared/state';
import { readTime, momentOf } from '../../../../shared/wall-clock';
import { msPerHour } from '../base/dates';
import type { TimeEntry } from '../../../../shared/harvest/schemas';

/** A Harvest id, or "local-N" for an entry created here that Harvest hasn't confirmed yet. */
export type EntryRef = number | string;

export interface LocalEntry {
  ref: EntryRef;
  spentDate: string;
  clientName: string;
  projectId: number;
  projectName: string;
  projectCode: string | null;
  taskId: number;
  taskName: string;
  notes: string;
  /** Hours accrued before `runningSince` (all of them when stopped). */
  hours: number;
  /** When the running timer (re)started; null when stopped. */
  runningSince: Date | null;
  startedTime: string | null;
  endedTime: string | null;
  isLocked: boolean;
  lockedReason: string | null;
  /** Last time Harvest changed it, to order entries. */
  createdAt: string;
}

export function fromHarvest(e: TimeEntry): LocalEntry {
  let runningSince: Date | null = null;
  let hours = e.hours;
  if (e.is_running) {
    // Elapsed time comes from when the timer started, never from counting ticks.
    if (e.timer_started_at) {
      runningSince = new Date(e.timer_started_at);
      hours = e.hours_without_timer ?? 0;
    } else if (e.started_time) {
      const minutes = readTime(e.started_time);
      runningSince = minutes === null ? null : momentOf(e.spent_date, minutes);
      hours = 0;
    }
    if (!runningSince || Number.isNaN(runningSince.getTime())) {
      // Nothing to anchor on: show what Harvest counted, and keep counting from the last update.
      runningSince = new Date(e.updated_at);
      hours = e.hours;
    }
  }
  return {
    ref: e.id,
    spentDate: e.spent_date,
    clientName: e.client?.name ?? '',
    projectId: e.project.id,
    projectName: e.project.name,
    projectCode: e.project.code ?? null,
    taskId: e.task.id,
    taskName: e.task.name,
    notes: e.notes ?? '',
    hours,
    runningSince,
    startedTime: e.started_time ?? null,
    endedTime: e.ended_time ?? null,
    // A closed (approved) entry can't be changed either; Harvest's reason explains why.
    isLocked: e.is_locked || e.is_closed,
    lockedReason: e.locked_reason ?? (e.is_closed ? 'Approved in Harvest' : null),
    createdAt: e.created_at,
  };
}

/**
 * The entry's hours at `at`. `at` may be before `runningSince`: a timer Harvest heard of late carries the
 * time already spent in `hours`, and a stop the person made back then must take that part away again.
 */
export function hoursUntil(entry: LocalEntry, at: Date): number {
  if (!entry.runningSince) return entry.hours;
  return Math.max(0, entry.hours + (at.getTime() - entry.runningSince.getTime()) / msPerHour);
}

export function toView(entry: LocalEntry, pending: boolean): EntryView {
  return {
    id: entry.ref,
    spentDate: entry.spentDate,
    clientName: entry.clientName,
    projectId: entry.projectId,
    projectName: entry.projectName,
    projectCode: entry.projectCode,
    taskId: entry.taskId,
    taskName: entry.taskName,
    notes: entry.notes,
    hours: round(entry.hours),
    isRunning: entry.runningSince !== null,
    runningSince: entry.runningSince?.toISOString() ?? null,
    startedTime: entry.startedTime,
    endedTime: entry.endedTime,
    isLocked: entry.isLocked,
    lockedReason: entry.lockedReason,
    pending,
  };
}

/** Hours to the precision Harvest keeps for sums (avoids 0.30000000000000004 in totals). */
export function round(hours: number): number {
  return Math.round(hours * 1e6) / 1e6;
}

/** The cache file's form of a LocalEntry: what the popover shows of an entry, plus its ref and creation time. */
export const CachedEntry = EntryView.omit({ id: true, isRunning: true, pending: true }).extend({
  ref: EntryView.shape.id,
  createdAt: z.string(),
});
export type CachedEntry = z.infer<typeof CachedEntry>;

export function toCached(e: LocalEntry): CachedEntry {
  return { ...e, runningSince: e.runningSince?.toISOString() ?? null };
}

export function fromCached(e: CachedEntry): LocalEntry {
  return { ...e, runningSince: e.runningSince ? new Date(e.runningSince) : null };
}
