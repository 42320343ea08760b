// Owns the local model of a time entry (what the popover shows) and its conversion from Harvest's entry.
import { z } from 'zod';
import { EntryView, type Approval, type EntryReference } from '../../../../shared/state';
import { readWorkItem } from '../../../../shared/work-items';
import { readTime, momentOf } from '../../../../shared/wall-clock';
import { msPerHour } from '../base/dates';
import type { ExternalReference, TimeEntry } from '../../../../shared/harvest/schemas';

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
  /** Harvest's rounded_hours; null until Harvest says (see EntryView). */
  roundedHours: number | null;
  approval: Approval;
  reference: EntryReference | null;
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
    ...lockOf(e),
    roundedHours: e.rounded_hours ?? null,
    reference: e.external_reference ? fromExternal(e.external_reference) : null,
    createdAt: e.created_at,
  };
}

/** Why a submitted or approved entry can't change, in the person's words rather than Harvest's. */
export const approvalReasons = {
  submitted: "Submitted for approval: it can't change until it's approved or sent back",
  approved: 'Approved in Harvest',
} as const;

/**
 * Where the entry stands in approval (from approval_status; older answers only say is_closed, which means
 * approved), and whether and why it is locked. Harvest's own reason stays for other locks (a closed period).
 */
function lockOf(e: TimeEntry): Pick<LocalEntry, 'approval' | 'isLocked' | 'lockedReason'> {
  const approval = e.approval_status ?? (e.is_closed ? 'approved' : 'unsubmitted');
  if (approval !== 'unsubmitted')
    return { approval, isLocked: true, lockedReason: approvalReasons[approval] };
  return { approval, isLocked: e.is_locked, lockedReason: e.is_locked ? (e.locked_reason ?? null) : null };
}

/** Harvest's external_reference as the popover holds it; the service read from the address when Sheaf knows it. */
function fromExternal(r: ExternalReference): EntryReference {
  return {
    id: r.id,
    groupId: r.group_id ?? null,
    permalink: r.permalink,
    service: readWorkItem(r.permalink)?.service ?? r.service ?? null,
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
    roundedHours: entry.roundedHours,
    approval: entry.approval,
    reference: entry.reference,
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
