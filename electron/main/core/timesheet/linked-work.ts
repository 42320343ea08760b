// Owns linking entries to the work they are for: reading an address the person gave into Harvest's
// external_reference (unknown addresses stay words in the notes), and the project and task last used with the
// same repository or project, which the picker suggests. Pure: it reads what it is given.
import { readWorkItem, type WorkItem } from '../../../../shared/work-items';
import type { AssignmentRef, EntryReference } from '../../../../shared/state';
import { NotAllowedError } from '../base/errors';
import type { LocalEntry } from './entries';

export function referenceOf(item: WorkItem): EntryReference {
  return { id: item.id, groupId: item.groupId, permalink: item.permalink, service: item.service };
}

/**
 * A start's link and notes from the address it was given: the work it names, or (an address Sheaf can't read
 * as work) the address kept in the notes, so nothing the person gave is lost.
 */
export function startFromAddress(
  address: string | undefined,
  notes: string | undefined,
): { reference?: EntryReference; notes?: string } {
  if (address === undefined || address.trim() === '') return { notes };
  const item = readWorkItem(address);
  if (item) return { reference: referenceOf(item), notes };
  return { notes: [notes?.trim(), address.trim()].filter(Boolean).join(' ') };
}

/** An edit's link: null removes it; an address must name work (an edit has no notes to keep it in). */
export function linkFromAddress(address: string | null): EntryReference | null {
  if (address === null) return null;
  const item = readWorkItem(address);
  if (!item) {
    throw new NotAllowedError(
      "That address isn't a GitHub or GitLab issue or pull request, a Jira or Linear issue, or a Trello card.",
    );
  }
  return referenceOf(item);
}

/** The project and task of the newest entry linked to work in `groupId`, or null when none is. */
export function lastPairFor(groupId: string | null, entries: Iterable<LocalEntry>): AssignmentRef | null {
  if (groupId === null) return null;
  let newest: LocalEntry | null = null;
  for (const e of entries) {
    if (e.reference?.groupId !== groupId) continue;
    if (!newest || e.createdAt.localeCompare(newest.createdAt) > 0) newest = e;
  }
  return newest ? { projectId: newest.projectId, taskId: newest.taskId } : null;
}
