// Owns the checks of the sandbox's cursor paging as Harvest documents it, and of which list pages which way.
// Page numbers are null on middle pages, links.next carries a cursor, first/last stay page numbers; a test may
// force one style on every list.
import { describe, expect, it } from 'vitest';
import { TimeEntry, pageOf } from '../../shared/harvest/schemas';
import { TODAY, sandboxAt } from '../fixtures/harvest/sandbox-harness';

type Page = {
  page: unknown;
  next_page: unknown;
  previous_page: unknown;
  links: Record<string, string | null>;
};
const numbers = (p: Page) => [p.page, p.next_page, p.previous_page];
const cursorOf = (link: string) =>
  JSON.parse(Buffer.from(new URL(link).searchParams.get('cursor')!, 'base64url').toString('utf8'));

async function sevenEntries(options: Parameters<typeof sandboxAt>[0] = {}) {
  const harness = await sandboxAt({ seed: 'empty', ...options });
  for (let i = 0; i < 7; i++) {
    harness.clock.advance(1000);
    harness.sandbox.admin.createEntry({ ...harness.trackable(), spent_date: TODAY, hours: 0.5 });
  }
  return harness;
}

describe('cursor pagination', () => {
  it('pages time entries by cursor: page numbers only on the first and last pages, links.next a cursor', async () => {
    const { call, sandbox } = await sevenEntries();
    const port = new URL(sandbox.url).port;
    const base = `http://127.0.0.1:${port}/v2/time_entries`;
    const first = (await call('GET', '/time_entries?per_page=3&from=2025-03-01')).json;
    expect(numbers(first)).toEqual([1, 2, null]);
    expect(first.links).toMatchObject({
      first: `${base}?from=2025-03-01&page=1&per_page=3&ref=first`,
      previous: null,
      last: `${base}?from=2025-03-01&page=3&per_page=3&ref=last`,
    });
    expect(first.links.next).toMatch(/\?cursor=[\w-]+&from=2025-03-01&per_page=3&ref=next_cursor$/);
    expect(cursorOf(first.links.next).after.id).toBe(first.time_entries[2].id);

    const middle = (await call('GET', first.links.next)).json;
    expect(numbers(middle)).toEqual([null, null, null]);
    expect(middle).toMatchObject({ per_page: 3, total_pages: 3, total_entries: 7 });
    expect(middle.links.previous).toMatch(/ref=previous_cursor$/);

    const last = (await call('GET', middle.links.next)).json;
    expect(numbers(last)).toEqual([3, null, 2]);
    expect(last.links.next).toBeNull();

    const walked = [first, middle, last].flatMap((p) =>
      pageOf('time_entries', TimeEntry)
        .parse(p)
        .time_entries.map((e) => e.id),
    );
    const all = (await call('GET', '/time_entries')).json.time_entries.map((e: TimeEntry) => e.id);
    expect(walked).toEqual(all);
    // Back again by the previous cursor.
    const back = (await call('GET', last.links.previous)).json;
    expect(back.time_entries.map((e: TimeEntry) => e.id)).toEqual(all.slice(3, 6));
  });

  it('keeps a cursor walk whole when the entry it names is deleted in between', async () => {
    const { call, sandbox } = await sevenEntries();
    const first = (await call('GET', '/time_entries?per_page=3')).json;
    const all = sandbox.admin.entries().map((e) => e.id);
    sandbox.admin.deleteEntry(first.time_entries[2].id);
    const next = (await call('GET', first.links.next)).json;
    expect(next.time_entries.map((e: TimeEntry) => e.id)).toEqual(all.slice(3, 6));
  });

  it('answers a page-number request in cursor style, with a page-number previous link', async () => {
    const { call } = await sevenEntries();
    const first = (await call('GET', '/time_entries?per_page=3')).json;
    const last = (await call('GET', first.links.last)).json;
    expect(numbers(last)).toEqual([3, null, 2]);
    expect(last.time_entries).toHaveLength(1);
    expect(new URL(last.links.previous).searchParams.get('page')).toBe('2');
    expect(numbers((await call('GET', '/time_entries?per_page=3&page=2')).json)).toEqual([null, null, null]);
  });

  it('refuses a cursor it did not write', async () => {
    const { call } = await sevenEntries();
    const bad = await call('GET', '/time_entries?cursor=not-a-cursor');
    expect([bad.status, bad.json]).toEqual([422, { message: 'cursor is invalid' }]);
  });

  it('pages project assignments by cursor too', async () => {
    const { call } = await sandboxAt({ seed: { projects: 250, tasksPerProject: 1 } });
    const first = (await call('GET', '/users/me/project_assignments?per_page=100')).json;
    expect(numbers(first)).toEqual([1, 2, null]);
    const middle = (await call('GET', first.links.next)).json;
    expect(numbers(middle)).toEqual([null, null, null]);
    const last = (await call('GET', middle.links.next)).json;
    expect(last.project_assignments).toHaveLength(50);
    const ids = [first, middle, last].flatMap((p) => p.project_assignments.map((a: { id: number }) => a.id));
    expect(new Set(ids).size).toBe(250);
  });
});

describe('which endpoints page which way', () => {
  async function threeReportRows(options: Parameters<typeof sandboxAt>[0] = {}) {
    const harness = await sandboxAt({ seed: 'empty', ...options });
    for (const a of harness.sandbox.admin.assignments().slice(0, 3)) {
      const task_id = a.task_assignments[0]!.task.id;
      harness.sandbox.admin.createEntry({ project_id: a.project.id, task_id, spent_date: TODAY, hours: 1 });
    }
    return harness;
  }
  const reports = '/reports/time/projects?from=20250301&to=20250305&per_page=1';

  it('pages reports by page number, as the Reports API documents', async () => {
    const { call } = await threeReportRows();
    const first = (await call('GET', reports)).json;
    expect(new URL(first.links.next).searchParams.get('page')).toBe('2');
    const middle = (await call('GET', first.links.next)).json;
    expect(numbers(middle)).toEqual([2, 3, 1]);
  });

  it('forces cursor paging on every list, reports included, when a test asks', async () => {
    const { call } = await threeReportRows({ pagination: 'cursor' });
    const first = (await call('GET', reports)).json;
    expect(first.links.next).toMatch(/ref=next_cursor/);
    const middle = (await call('GET', first.links.next)).json;
    expect(numbers(middle)).toEqual([null, null, null]);
    expect(middle.results[0].project_id).not.toBe(first.results[0].project_id);
  });

  it('forces page numbers on every list when a test asks', async () => {
    const { call } = await sevenEntries({ pagination: 'offset' });
    const first = (await call('GET', '/time_entries?per_page=3')).json;
    expect(first.links.next).not.toMatch(/cursor/);
    expect(numbers((await call('GET', first.links.next)).json)).toEqual([2, 3, 1]);
    const assignments = (await call('GET', '/users/me/project_assignments?per_page=2')).json;
    expect(new URL(assignments.links.next).searchParams.get('page')).toBe('2');
  });
});
