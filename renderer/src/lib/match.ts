// Owns choosing which assignments match what the person typed in the picker (kept apart so it can be swapped).
import type { AssignmentOption } from '../../../shared/state';

const searchText = new WeakMap<AssignmentOption, string>();

function haystack(a: AssignmentOption): string {
  let text = searchText.get(a);
  if (text === undefined) {
    text = `${a.clientName} ${a.projectName} ${a.projectCode ?? ''} ${a.taskName}`.toLowerCase();
    searchText.set(a, text);
  }
  return text;
}

/**
 * Assignments where every typed word appears in the client, project name, project code or task
 * (case-insensitive), in their original order, at most `limit` of them.
 */
export function matchAssignments(
  options: readonly AssignmentOption[],
  query: string,
  limit: number,
): AssignmentOption[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const found: AssignmentOption[] = [];
  for (const option of options) {
    if (found.length >= limit) break;
    const text = haystack(option);
    if (words.every((word) => text.includes(word))) found.push(option);
  }
  return found;
}

export interface ClientGroup {
  clientName: string;
  options: AssignmentOption[];
}

/** Groups options under their client, clients in order of first appearance. */
export function groupByClient(options: readonly AssignmentOption[]): ClientGroup[] {
  const groups = new Map<string, AssignmentOption[]>();
  for (const option of options) {
    const group = groups.get(option.clientName);
    if (group) group.push(option);
    else groups.set(option.clientName, [option]);
  }
  return [...groups].map(([clientName, grouped]) => ({ clientName, options: grouped }));
}
