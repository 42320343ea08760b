// Owns where an entry stands in Timesheet Approval: unsubmitted, submitted (waiting, frozen) or approved (closed).
// The approval_status field and filter follow the reading of Harvest's current Time Entries page; the
// older page in ../shared/harvest-api only has is_closed ("approved via Timesheet Approval") and the
// locked_reason "Item Approved and Locked for this Time Period" in its examples.
import type { EntryRecord } from './account';
import { unprocessable } from './http';

export const approvalStatuses = ['unsubmitted', 'submitted', 'approved'] as const;
export type ApprovalStatus = (typeof approvalStatuses)[number];

export const APPROVED_REASON = 'Item Approved and Locked for this Time Period';
// Harvest's wording for a submitted week isn't in the documents; this follows the approved one.
export const SUBMITTED_REASON = 'Item Submitted and Locked for this Time Period';

export function approvalStatusOf(entry: EntryRecord): ApprovalStatus {
  if (entry.isClosed) return 'approved';
  return entry.isSubmitted ? 'submitted' : 'unsubmitted';
}

/** An entry waiting for approval or approved is locked as far as the person is concerned, with the reason. */
export function lockOf(entry: EntryRecord): { is_locked: boolean; locked_reason: string | null } {
  if (entry.isLocked) return { is_locked: true, locked_reason: entry.lockedReason };
  if (entry.isClosed) return { is_locked: true, locked_reason: APPROVED_REASON };
  if (entry.isSubmitted) return { is_locked: true, locked_reason: SUBMITTED_REASON };
  return { is_locked: false, locked_reason: null };
}

/** The list filter `approval_status`; anything but the three values is a 422, as Harvest's enum params are. */
export function readApprovalFilter(raw: string | null): ApprovalStatus | undefined {
  if (raw === null || raw === '') return undefined;
  if (!(approvalStatuses as readonly string[]).includes(raw))
    throw unprocessable('approval_status must be one of unsubmitted, submitted or approved');
  return raw as ApprovalStatus;
}
