// The picker's matcher: every typed word must appear in client, project, code or task; order and limit kept.
import { describe, expect, it } from 'vitest';
import { groupByClient, matchAssignments } from '../../../renderer/src/lib/match';
import { assignment } from './fake-sheaf';

const options = [
  assignment('Acme', 'Website', 'Design', { projectId: 1, taskId: 1, projectCode: 'ACM-1' }),
  assignment('Globex', 'Mobile app', 'Design', { projectId: 2, taskId: 1 }),
  assignment('Acme', 'Intranet', 'Development', { projectId: 3, taskId: 2 }),
];
const names = (found: typeof options) => found.map((o) => `${o.projectId}/${o.taskId}`);

describe('matchAssignments', () => {
  it.each([
    ['', ['1/1', '2/1', '3/2']],
    ['   ', ['1/1', '2/1', '3/2']],
    ['design', ['1/1', '2/1']],
    ['DESIGN acme', ['1/1']],
    ['acm-1', ['1/1']],
    ['acme dev', ['3/2']],
    ['mob des', ['2/1']],
    ['acme globex', []],
  ])('%j → %j', (query, expected) => {
    expect(names(matchAssignments(options, query, 200))).toEqual(expected);
  });

  it('stops at the limit', () => {
    expect(names(matchAssignments(options, '', 2))).toEqual(['1/1', '2/1']);
  });
});

describe('groupByClient', () => {
  it('groups under each client in order of first appearance', () => {
    const groups = groupByClient(options);
    expect(groups.map((g) => [g.clientName, names(g.options)])).toEqual([
      ['Acme', ['1/1', '3/2']],
      ['Globex', ['2/1']],
    ]);
  });
});
