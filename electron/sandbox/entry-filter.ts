// Owns which entries a list request's filters keep: Harvest's time entry filters (user, client, project, task,
// from/to, is_running, is_billed, updated_since, external_reference_id, approval_status), read by the route.
import type { AssignmentIndex, EntryRecord } from './account';
import { approvalStatusOf, type ApprovalStatus } from './approval';

export interface EntryFilter {
  userId?: number;
  clientId?: number;
  projectId?: number;
  taskId?: number;
  from?: string;
  to?: string;
  isRunning?: boolean;
  isBilled?: boolean;
  updatedSinceMs?: number;
  externalReferenceId?: string;
  approvalStatus?: ApprovalStatus;
}

/** Whether one entry passes every filter given (the user filter is the store's: it knows whose entries these are). */
export function matchesFilter(e: EntryRecord, filter: EntryFilter, index: AssignmentIndex): boolean {
  if (filter.projectId !== undefined && e.projectId !== filter.projectId) return false;
  if (filter.taskId !== undefined && e.taskId !== filter.taskId) return false;
  if (filter.clientId !== undefined && index.project(e.projectId)?.client.id !== filter.clientId)
    return false;
  if (filter.from !== undefined && e.spentDate < filter.from) return false;
  if (filter.to !== undefined && e.spentDate > filter.to) return false;
  if (filter.isRunning !== undefined && (e.timerStartedMs !== null) !== filter.isRunning) return false;
  if (filter.isBilled !== undefined && e.isBilled !== filter.isBilled) return false;
  if (filter.updatedSinceMs !== undefined && e.updatedMs < filter.updatedSinceMs) return false;
  if (filter.externalReferenceId !== undefined && e.externalReference?.id !== filter.externalReferenceId)
    return false;
  return filter.approvalStatus === undefined || approvalStatusOf(e) === filter.approvalStatus;
}
