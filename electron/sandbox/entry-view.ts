// Owns how a stored entry looks on the wire: the full Harvest time entry object, hours live while running.
// Fields, nesting and order follow recorded Harvest answers (tests/fixtures/harvest/recorded/time-entry.json).
import type { TimeEntry } from '../../shared/harvest/schemas';
import type { AssignmentIndex, EntryRecord, SandboxAccount } from './account';
import { approvalStatusOf, lockOf } from './approval';
import { externalReferenceView } from './external-reference';
import { roundedHours } from '../../shared/time-rounding';
import { hoursBetweenMs, isoStamp, round2 } from './time';

/** Hours as Harvest reports them at `nowMs`: a running timer keeps growing (the wire's, not the popover's liveHours). */
export function hoursAt(entry: EntryRecord, nowMs: number): number {
  const running = entry.timerStartedMs === null ? 0 : hoursBetweenMs(entry.timerStartedMs, nowMs);
  return round2(entry.baseHours + running);
}

/** A money field of the user, or null: recorded entries carry null cost rates for users who have none. */
function userRate(account: SandboxAccount, field: 'cost_rate' | 'default_hourly_rate'): number | null {
  const value = (account.user as Record<string, unknown>)[field];
  return typeof value === 'number' ? value : null;
}

/** Entries name their client with its currency; the assignment's client has it, else the account's list. */
function clientCurrency(account: SandboxAccount, clientId: number, fromAssignment: string | undefined) {
  return (
    fromAssignment ??
    account.clients.find((c) => c.id === clientId)?.currency ??
    account.company.currency ??
    'USD'
  );
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
  const hours = hoursAt(entry, nowMs);
  const billable = ta.billable === true;
  // Harvest's billable rate is the task's rate, else the person's on the project (recorded: task 100 / null
  // for the 2024 entry, person 10 with task null for the invoiced one), else the person's default.
  const rate = ta.hourly_rate ?? pa.hourly_rate ?? userRate(account, 'default_hourly_rate');
  // Recorded order: the entry's own fields, its stamps, then the objects it points at.
  return {
    id: entry.id,
    spent_date: entry.spentDate,
    hours,
    hours_without_timer: round2(entry.baseHours),
    rounded_hours: roundedHours(hours, account.rounding),
    notes: entry.notes,
    ...lockOf(entry),
    is_closed: entry.isClosed,
    approval_status: approvalStatusOf(entry),
    is_billed: entry.isBilled,
    timer_started_at: entry.timerStartedMs === null ? null : isoStamp(entry.timerStartedMs),
    started_time: entry.startedTime,
    ended_time: entry.endedTime,
    is_running: entry.timerStartedMs !== null,
    billable,
    budgeted: pa.budget != null,
    billable_rate: billable ? rate : null,
    cost_rate: userRate(account, 'cost_rate'),
    created_at: isoStamp(entry.createdMs),
    updated_at: isoStamp(entry.updatedMs),
    user: { id: account.user.id, name: `${account.user.first_name} ${account.user.last_name}` },
    client: {
      id: pa.client.id,
      name: pa.client.name,
      currency: clientCurrency(account, pa.client.id, pa.client.currency),
    },
    project: { id: pa.project.id, name: pa.project.name, code: pa.project.code ?? null },
    task: { id: ta.task.id, name: ta.task.name },
    user_assignment: {
      id: pa.id,
      is_project_manager: pa.is_project_manager ?? false,
      is_active: pa.is_active,
      use_default_rates: pa.use_default_rates ?? true,
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
    invoice: null,
    external_reference: externalReferenceView(entry.externalReference),
  };
}
