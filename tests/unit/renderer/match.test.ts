// The picker's matcher: fuzzy across client, project, code and task; prefix and word starts ranked first.
import { describe, expect, it } from 'vitest';
import { createMatcher, groupByClient, markedParts, matchMarks } from '../../../renderer/src/lib/match';
import { buildAccount } from '../../../electron/sandbox/seed';
import { toOptions } from '../../../electron/main/core/timesheet/assignments';
import { assignment } from './fake-sheaf';

const options = [
  assignment('Acme', 'Website', 'Design', { projectId: 1, taskId: 1, projectCode: 'ACM-1' }),
  assignment('Globex', 'Mobile app', 'Design', { projectId: 2, taskId: 1 }),
  assignment('Acme', 'Intranet', 'Development', { projectId: 3, taskId: 2 }),
  assignment('Café Müller', 'Relaunch', 'Meetings', { projectId: 4, taskId: 3 }),
  assignment('Initech', 'Designer handbook', 'Writing', { projectId: 5, taskId: 4 }),
  assignment('Umbrella', 'Redesign', 'Support', { projectId: 6, taskId: 5 }),
];
const ids = (found: typeof options) => found.map((o) => `${o.projectId}/${o.taskId}`);

describe('createMatcher', () => {
  it.each([
    ['', ['1/1', '2/1', '3/2', '4/3', '5/4', '6/5']],
    ['   ', ['1/1', '2/1', '3/2', '4/3', '5/4', '6/5']],
    // Prefix of a field first, then word starts, then inside a word.
    ['design', ['1/1', '2/1', '5/4', '6/5']],
    ['DESIGN acme', ['1/1']],
    ['acme design', ['1/1']],
    ['acm-1', ['1/1']],
    ['acme dev', ['3/2']],
    ['mob des', ['2/1']],
    ['acme globex', []],
    // Fuzzy: a skipped letter between typed ones, after every better match.
    ['dsgn', ['1/1', '2/1', '5/4', '6/5']],
    ['metings', ['4/3']],
    // Accents need not be typed.
    ['cafe muller', ['4/3']],
    ['zzz', []],
  ])('%j → %j', (query, expected) => {
    expect(ids(createMatcher(options).search(query))).toEqual(expected);
  });

  it('ranks a field starting with the query above one merely containing it', () => {
    const list = [
      assignment('Zeta', 'Redesign', 'Support', { projectId: 1, taskId: 1 }),
      assignment('Zeta', 'Handbook', 'Design', { projectId: 2, taskId: 1 }),
    ];
    expect(ids(createMatcher(list).search('des'))).toEqual(['2/1', '1/1']);
  });

  it('ranks a word start above a match inside a word', () => {
    const list = [
      assignment('Zeta', 'Handbook', 'Nondesign', { projectId: 1, taskId: 1 }),
      assignment('Zeta', 'Handbook', 'Web design', { projectId: 2, taskId: 1 }),
    ];
    expect(ids(createMatcher(list).search('design'))).toEqual(['2/1', '1/1']);
  });

  it('gives the same answers typing letter by letter as searching afresh, also when deleting', () => {
    const big = toOptions(
      buildAccount({ projects: 300, tasksPerProject: 8 }, new Date(2026, 0, 5), false).assignments,
    );
    const typing = createMatcher(big);
    const sequence = [
      'p',
      'pr',
      'pro',
      'proj',
      'project',
      'project ',
      'project 1',
      'project 12',
      'project 1',
      'c',
      'cl 3',
      'cl 3 d',
      'cl 3 de',
      'x',
    ];
    for (const query of sequence) {
      expect(ids(typing.search(query)), query).toEqual(ids(createMatcher(big).search(query)));
    }
    expect(typing.search('project 12 dev').every((o) => o.taskName === 'Development')).toBe(true);
  });
});

describe('groupByClient', () => {
  it('groups under each client in order of first appearance', () => {
    const groups = groupByClient(options.slice(0, 3));
    expect(groups.map((g) => [g.clientName, ids(g.options)])).toEqual([
      ['Acme', ['1/1', '3/2']],
      ['Globex', ['2/1']],
    ]);
  });
});

describe('matchMarks', () => {
  const marked = (text: string, ranges: number[]) =>
    markedParts(text, ranges)
      .filter((p) => p.matched)
      .map((p) => p.text);

  it('marks each typed word where it matched, field by field, a skipped letter left out', () => {
    const website = options[0]!;
    const marks = matchMarks(website, 'acm desgn');
    expect(marked(website.clientName, marks.clientName)).toEqual(['Acm']);
    expect(marked(website.taskName, marks.taskName)).toEqual(['Des', 'gn']);
    expect(marks.projectName).toEqual([]);
  });

  it('marks accented letters typed plainly, in the name as written', () => {
    const cafe = options[3]!;
    const marks = matchMarks(cafe, 'cafe mul');
    expect(marked(cafe.clientName, marks.clientName)).toEqual(['Café', 'Mül']);
  });

  it('marks nothing with nothing typed, and keeps the whole text in order', () => {
    expect(matchMarks(options[1]!, '  ')).toEqual({
      clientName: [],
      projectName: [],
      projectCode: [],
      taskName: [],
    });
    expect(
      markedParts('Mobile app', [0, 3])
        .map((p) => p.text)
        .join(''),
    ).toBe('Mobile app');
  });
});
