// Owns how a stored entry looks on the wire: the full Harvest time entry object, hours live while running.
import type { TimeEntry } from '../main/core/harvest/schemas';
import type { AssignmentIndex, EntryRecord, SandboxAccount } from './account';
import { hoursBetween, isoStamp, round2, roundUpToQuarter } from './time';

const COST_RATE = 50;

/** Hours as Harvest reports them at `nowMs`: a running timer keeps growing. */
export function liveHours(entry: EntryRecord, nowMs: number): number {
  const running = entry.timerStartedMs === null ? 0 : hoursBetween(entry.timerStartedMs, nowMs);
  return round2(entry.baseHours + running);
}

export function entryView(
  entry: EntryRecord,
  account: SandboxAccount,
  index: AssignmentIndex,
  nowMs: number,
): TimeEntry {
  const found = index.find(entry.projectId, entry.taskId);
  if (!found)
    throw new Error(`entry ${entry.id} points at unknown project/task ${entry.projectId}/${entry.taskId}`);
  const { project: pa, task: ta } = found;
  const hours = liveHours(entry, nowMs);
  const billable = ta.billable === true;
  return {
    id: entry.id,
    spent_date: entry.spentDate,
    user: { id: account.user.id, name: `${account.user.first_name} ${account.user.last_name}` },
    client: { id: pa.client.id, name: pa.client.name },
    project: { id: pa.project.id, name: pa.project.name },
    task: { id: ta.task.id, name: ta.task.name },
    user_assignment: {
      id: pa.id,
      is_project_manager: pa.is_project_manager ?? false,
      is_active: pa.is_active,
      budget: pa.budget ?? null,
      created_at: pa.created_at,
      updated_at: pa.updated_at,
      hourly_rate: pa.hourly_rate ?? null,
    },
    task_assignment: {
      id: ta.id,
      billable,
      is_active: ta.is_active,
      created_at: ta.created_at,
      updated_at: ta.updated_at,
      hourly_rate: ta.hourly_rate ?? null,
      budget: ta.budget ?? null,
    },
    hours,
    hours_without_timer: round2(entry.baseHours),
    rounded_hours: roundUpToQuarter(hours),
    notes: entry.notes,
    created_at: isoStamp(entry.createdMs),
    updated_at: isoStamp(entry.updatedMs),
    is_locked: entry.isLocked,
    locked_reason: entry.lockedReason,
    is_closed: entry.isClosed,
    is_billed: entry.isBilled,
    timer_started_at: entry.timerStartedMs === null ? null : isoStamp(entry.timerStartedMs),
    started_time: entry.startedTime,
    ended_time: entry.endedTime,
    is_running: entry.timerStartedMs !== null,
    invoice: null,
    external_reference: null,
    billable,
    budgeted: pa.budget != null,
    billable_rate: billable ? (ta.hourly_rate ?? null) : null,
    cost_rate: COST_RATE,
  };
}
