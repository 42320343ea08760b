// The sandbox's lists and reports: Harvest's pagination envelope and links, filters, updated_since, order,
// report aggregation and from/to validation, and the large generated accounts.
import { describe, expect, it } from 'vitest';
import {
  ClientTimeReportResult,
  ProjectAssignment,
  ProjectTimeReportResult,
  TimeEntry,
  pageOf,
} from '../../shared/harvest/schemas';
import { TODAY, fixture, keysOf, sandboxAt } from '../fixtures/harvest/sandbox-harness';

describe('pagination', () => {
  it('walks 3+ pages by page number on a server that pages by offset, with absolute links', async () => {
    const { call, sandbox, trackable } = await sandboxAt({ seed: 'empty', pagination: 'offset' });
    for (let i = 0; i < 7; i++) sandbox.admin.createEntry({ ...trackable(), spent_date: TODAY, hours: 0.5 });

    const seen: number[] = [];
    let next: string | null = '/time_entries?per_page=3&from=2025-03-01';
    const pages = [];
    for (let guard = 0; next && guard < 10; guard++) {
      const res = await call('GET', next);
      const page = pageOf('time_entries', TimeEntry).parse(res.json);
      pages.push(page);
      seen.push(...page.time_entries.map((e) => e.id));
      next = page.links!.next;
    }
    expect(pages).toHaveLength(3);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect(
      pages.map((p) => [p.page, p.per_page, p.total_pages, p.total_entries, p.next_page, p.previous_page]),
    ).toEqual([
      [1, 3, 3, 7, 2, null],
      [2, 3, 3, 7, 3, 1],
      [3, 3, 3, 7, null, 2],
    ]);
    const port = new URL(sandbox.url).port;
    expect(pages[1]!.links).toEqual({
      first: `http://127.0.0.1:${port}/v2/time_entries?from=2025-03-01&page=1&per_page=3`,
      next: `http://127.0.0.1:${port}/v2/time_entries?from=2025-03-01&page=3&per_page=3`,
      previous: `http://127.0.0.1:${port}/v2/time_entries?from=2025-03-01&page=1&per_page=3`,
      last: `http://127.0.0.1:${port}/v2/time_entries?from=2025-03-01&page=3&per_page=3`,
    });
  });

  it('defaults per_page to 2000, refuses more with a 422, and caps at maxPerPage on an old server', async () => {
    const { call } = await sandboxAt();
    expect((await call('GET', '/time_entries')).json.per_page).toBe(2000);
    expect((await call('GET', '/time_entries?per_page=2000')).json.per_page).toBe(2000);
    for (const perPage of ['2001', '5000', '0', '-1', 'ten', '2.5']) {
      const refused = await call('GET', `/time_entries?per_page=${perPage}`);
      expect([refused.status, refused.json]).toEqual([
        422,
        { message: 'per_page must be a number between 1 and 2000' },
      ]);
    }

    const old = await sandboxAt({
      seed: { projects: 250, tasksPerProject: 2 },
      maxPerPage: 100,
      pagination: 'offset',
    });
    const first = await old.call('GET', '/users/me/project_assignments?per_page=2000');
    expect(first.json).toMatchObject({ per_page: 100, total_pages: 3, total_entries: 250, next_page: 2 });
    expect(first.json.project_assignments).toHaveLength(100);
    const last = await old.call('GET', first.json.links.last);
    expect(last.json.project_assignments).toHaveLength(50);
    expect(last.json.links.next).toBeNull();
  });
});

describe('time entry filters', () => {
  it('lists newest spent_date first, then newest created first', async () => {
    const { call, clock, sandbox, trackable } = await sandboxAt({ seed: 'empty' });
    const make = (spent_date: string) =>
      sandbox.admin.createEntry({ ...trackable(), spent_date, hours: 1 }).id;
    const older = make('2025-03-04');
    const a = make(TODAY);
    clock.advance(1000);
    const b = make(TODAY);
    const ids = (await call('GET', '/time_entries')).json.time_entries.map((e: TimeEntry) => e.id);
    expect(ids).toEqual([b, a, older]);
  });

  it('filters by from/to, project, task, user and is_running', async () => {
    const { call, sandbox } = await sandboxAt({ seed: 'empty' });
    const [p1, p2] = sandbox.admin.assignments();
    const t1 = p1!.task_assignments[0]!.task.id;
    const t2 = p1!.task_assignments[1]!.task.id;
    const e1 = sandbox.admin.createEntry({
      project_id: p1!.project.id,
      task_id: t1,
      spent_date: '2025-03-03',
      hours: 1,
    });
    const e2 = sandbox.admin.createEntry({
      project_id: p1!.project.id,
      task_id: t2,
      spent_date: TODAY,
      hours: 1,
    });
    const e3 = sandbox.admin.createEntry({
      project_id: p2!.project.id,
      task_id: p2!.task_assignments[0]!.task.id,
      spent_date: TODAY,
      running: true,
    });
    const ids = async (query: string) =>
      (await call('GET', `/time_entries?${query}`)).json.time_entries.map((e: TimeEntry) => e.id).sort();
    expect(await ids(`from=${TODAY}&to=${TODAY}`)).toEqual([e2.id, e3.id].sort());
    expect(await ids('to=2025-03-04')).toEqual([e1.id]);
    expect(await ids(`project_id=${p1!.project.id}`)).toEqual([e1.id, e2.id].sort());
    expect(await ids(`project_id=${p1!.project.id}&task_id=${t2}`)).toEqual([e2.id]);
    expect(await ids('is_running=true')).toEqual([e3.id]);
    expect(await ids('is_running=false')).toEqual([e1.id, e2.id].sort());
    expect(await ids(`user_id=${sandbox.userId}`)).toHaveLength(3);
    expect(await ids('user_id=1')).toEqual([]);
    expect((await call('GET', '/time_entries?from=yesterday')).status).toBe(422);
  });

  it('returns only what changed since updated_since, every change bumping updated_at', async () => {
    const { call, clock, sandbox } = await sandboxAt();
    const [a, b] = sandbox.admin.entries().filter((e) => !e.is_locked);
    clock.advance(60_000);
    const since = clock.now().toISOString();
    expect((await call('GET', `/time_entries?updated_since=${since}`)).json.time_entries).toEqual([]);

    clock.advance(5_000);
    await call('PATCH', `/time_entries/${a!.id}`, { body: { notes: 'changed here' } });
    sandbox.admin.updateEntry(b!.id, { notes: 'changed on the phone' });
    const changed = (await call('GET', `/time_entries?updated_since=${encodeURIComponent(since)}`)).json
      .time_entries;
    expect(changed.map((e: TimeEntry) => e.id).sort()).toEqual([a!.id, b!.id].sort());
    expect(changed.every((e: TimeEntry) => Date.parse(e.updated_at) > Date.parse(since))).toBe(true);
    expect((await call('GET', '/time_entries?updated_since=not-a-date')).status).toBe(422);
  });
});

describe('time reports', () => {
  it('aggregates the entries in from..to by project and by client, shaped like the docs', async () => {
    const { call, sandbox } = await sandboxAt({ seed: 'empty' });
    const [web, app] = sandbox.admin.assignments();
    const billable = (a: ProjectAssignment) => a.task_assignments.find((t) => t.billable)!.task.id;
    const meetings = (a: ProjectAssignment) =>
      a.task_assignments.find((t) => t.task.name === 'Meetings')!.task.id;
    sandbox.admin.createEntry({
      project_id: web!.project.id,
      task_id: billable(web!),
      spent_date: TODAY,
      hours: 2,
    });
    sandbox.admin.createEntry({
      project_id: web!.project.id,
      task_id: meetings(web!),
      spent_date: TODAY,
      hours: 0.5,
    });
    sandbox.admin.createEntry({
      project_id: app!.project.id,
      task_id: billable(app!),
      spent_date: '2025-03-03',
      hours: 1,
    });
    // Outside the window: must not count.
    sandbox.admin.createEntry({
      project_id: app!.project.id,
      task_id: billable(app!),
      spent_date: '2025-02-01',
      hours: 8,
    });

    const projects = await call('GET', '/reports/time/projects?from=20250301&to=20250305');
    const example = fixture('report-projects.json');
    expect(keysOf(projects.json)).toEqual(keysOf(example));
    expect(keysOf(projects.json.results[0])).toEqual(keysOf(example.results[0]));
    const rows = pageOf('results', ProjectTimeReportResult).parse(projects.json).results;
    expect(rows).toEqual([
      {
        project_id: app!.project.id,
        project_name: `[${app!.project.code}] ${app!.project.name}`,
        client_id: app!.client.id,
        client_name: app!.client.name,
        total_hours: 1,
        billable_hours: 1,
        currency: 'USD',
        billable_amount: app!.hourly_rate,
      },
      {
        project_id: web!.project.id,
        project_name: `[${web!.project.code}] ${web!.project.name}`,
        client_id: web!.client.id,
        client_name: web!.client.name,
        total_hours: 2.5,
        billable_hours: 2,
        currency: 'USD',
        billable_amount: 2 * web!.hourly_rate!,
      },
    ]);

    const clients = await call('GET', '/reports/time/clients?from=2025-03-01&to=2025-03-05');
    expect(keysOf(clients.json.results[0])).toEqual(keysOf(fixture('report-clients.json').results[0]));
    expect(pageOf('results', ClientTimeReportResult).parse(clients.json).results).toEqual([
      {
        client_id: web!.client.id,
        client_name: web!.client.name,
        total_hours: 3.5,
        billable_hours: 3,
        currency: 'USD',
        billable_amount: 2 * web!.hourly_rate! + app!.hourly_rate!,
      },
    ]);
  });

  it('requires from and to, as real dates, at most 365 days apart', async () => {
    const { call } = await sandboxAt();
    const status = async (query: string) => (await call('GET', `/reports/time/projects${query}`)).status;
    expect(await status('')).toBe(422);
    expect(await status('?from=20250101')).toBe(422);
    expect(await status('?from=20250101&to=20251332')).toBe(422);
    expect(await status('?from=20250301&to=20250201')).toBe(422);
    expect(await status('?from=20240101&to=20250101')).toBe(422);
    expect(await status('?from=20250101&to=20251231')).toBe(200);
    expect((await call('GET', '/reports/time/clients?to=20250101')).json).toEqual({
      message: 'from is required',
    });
  });
});

describe('large accounts', () => {
  it('generates 2,000 projects × 10 tasks across ~200 clients', async () => {
    const { sandbox, call } = await sandboxAt({ seed: { projects: 2000, tasksPerProject: 10 } });
    const assignments = sandbox.admin.assignments();
    expect(assignments).toHaveLength(2000);
    expect(assignments.every((a) => a.task_assignments.length === 10)).toBe(true);
    expect(new Set(assignments.map((a) => a.client.id)).size).toBe(200);
    expect(new Set(assignments.flatMap((a) => a.task_assignments.map((t) => t.id))).size).toBe(20_000);
    const page = await call('GET', '/users/me/project_assignments');
    expect(page.json).toMatchObject({ total_entries: 2000, total_pages: 1 });
    pageOf('project_assignments', ProjectAssignment).parse(page.json);
  });
});
