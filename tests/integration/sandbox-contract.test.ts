// Owns the contract between the sandbox and real Harvest: the sandbox's answers, for both timer styles, held
// field by field against bodies recorded from api.harvestapp.com (tests/fixtures/harvest/recorded/, see its
// README), with the docs' examples only where nothing was recorded (a running timer, a start/end-time entry,
// the reports' envelope). Every recorded field must be there in a compatible JSON type; the fields the sandbox
// sends that no recorded or documented body has are listed at the end, so a new one is a conscious choice.
import { describe, expect, it } from 'vitest';
import { ShapeCatalog, compareShapes, type ShapeReport } from '../fixtures/harvest/shape-compare';
import { TODAY, fixture, sandboxAt } from '../fixtures/harvest/sandbox-harness';

const HOUR = 3_600_000;
const recorded = (name: string) => fixture(`recorded/${name}`);

// One catalog per family of bodies: what Harvest is known to send at each path (recorded bodies first, then
// the docs' examples), so a recorded null accepts the kind another body shows there.
const ENTRY = 'time_entries[]';
const ENTRY_PAGE = 'time_entries_page';
const entries = new ShapeCatalog();
for (const name of [
  'time-entry.json',
  'time-entry-invoiced.json',
  'time-entry-created.json',
  'time-entry-deleted.json',
])
  entries.add(recorded(name), ENTRY);
for (const name of [
  'time-entries-page.json',
  'time-entries-page-1-of-2.json',
  'time-entries-page-2-of-2.json',
])
  entries.add(recorded(name), ENTRY_PAGE);
for (const name of ['time-entry.json', 'time-entry-running.json', 'time-entry-stopped.json'])
  entries.add(fixture(name), ENTRY);
entries.add(fixture('time-entries-page.json'), ENTRY_PAGE);

const users = new ShapeCatalog();
for (const name of ['user-2022.json', 'user-me-2022-02.json', 'user-me-2019.json'])
  users.add(recorded(name), 'user');
users.add(fixture('user.json'), 'user');

const companies = new ShapeCatalog()
  .add(recorded('company.json'), 'company')
  .add(fixture('company.json'), 'company');

const ASSIGNMENTS = 'project_assignments_page';
const assignments = new ShapeCatalog()
  .add(recorded('project-assignments-page.json'), ASSIGNMENTS)
  .add(recorded('project-assignment.json'), 'project_assignments[]')
  .add(fixture('project-assignments.json'), ASSIGNMENTS)
  // An assignment names its project with the same {id, name, code} reference an entry does, and recorded
  // entries show a project without a code as "code": null (the recorded assignments happen to all have one).
  .add({ project: recorded('time-entry.json').project }, 'project_assignments[]');

const projectReports = new ShapeCatalog()
  .add(recorded('report-time-projects-results.json'), 'report')
  .add(fixture('report-projects.json'), 'report');
const clientReports = new ShapeCatalog()
  .add(recorded('report-time-clients-results.json'), 'report')
  .add(fixture('report-clients.json'), 'report');

/** The recorded single entries every entry the sandbox serves must match. */
const RECORDED_ENTRIES = [
  recorded('time-entry.json'), // 2024, duration account, stopped
  recorded('time-entry-invoiced.json'), // 2022, locked and invoiced, project code set
  recorded('time-entry-created.json'), // 2019, older entry without hours_without_timer / rounded_hours
];

function entryShape(body: unknown, also: unknown[] = []): ShapeReport {
  return compareShapes([...RECORDED_ENTRIES, ...also], body, { root: ENTRY, catalog: entries });
}

const STYLES = [
  { style: 'duration', wantsTimestampTimers: false },
  { style: 'start and end time', wantsTimestampTimers: true },
];

describe.each(STYLES)('on a $style account the sandbox', ({ wantsTimestampTimers }) => {
  const start = (options: Parameters<typeof sandboxAt>[0] = {}) =>
    sandboxAt({ wantsTimestampTimers, ...options });

  it('serves one time entry with every field Harvest recorded, each in a compatible type', async () => {
    const { call, sandbox } = await start();
    const [seeded] = sandbox.admin.entries();
    const res = await call('GET', `/time_entries/${seeded!.id}`);
    expect(res.status).toBe(200);
    // Start/end-time entries: Harvest's only examples with times are the docs' (nothing recorded has them).
    const docs = wantsTimestampTimers ? [fixture('time-entry.json')] : [];
    expect(entryShape(res.json, docs).problems).toEqual([]);
    expect(typeof res.json.project.code === 'string' || res.json.project.code === null).toBe(true);
    expect(res.json.client.currency).toMatch(/^[A-Z]{3}$/);
  });

  it('serves a running timer, and the entry it stops into, with every recorded and documented field', async () => {
    const { call, clock, trackable } = await start({ seed: 'empty' });
    const started = await call('POST', '/time_entries', { body: { ...trackable(), spent_date: TODAY } });
    expect(started.status).toBe(201);
    expect(started.json.is_running).toBe(true);
    // No recorded running timer turned up; the docs' restart example stands in for one.
    expect(entryShape(started.json, [fixture('time-entry-running.json')]).problems).toEqual([]);

    clock.advance(HOUR);
    const stopped = await call('PATCH', `/time_entries/${started.json.id}/stop`);
    expect(stopped.status).toBe(200);
    expect(stopped.json.is_running).toBe(false);
    expect(entryShape(stopped.json, [fixture('time-entry-stopped.json')]).problems).toEqual([]);
  });

  it('answers a create with 201 and the new entry, shaped like the recorded create', async () => {
    const { call, trackable } = await start({ seed: 'empty' });
    const times = wantsTimestampTimers ? { started_time: '9:00am', ended_time: '10:30am' } : { hours: 1.5 };
    const res = await call('POST', '/time_entries', {
      body: { ...trackable(), spent_date: TODAY, notes: 'hacked the things', ...times },
    });
    expect(res.status).toBe(201);
    expect(res.json.is_running).toBe(false);
    expect(entryShape(res.json).problems).toEqual([]);
  });

  it('answers a delete with 200 and the deleted entry, as Harvest was recorded doing', async () => {
    const { call, trackable } = await start({ seed: 'empty' });
    const created = await call('POST', '/time_entries', {
      body: { ...trackable(), spent_date: TODAY, hours: 1 },
    });
    const res = await call('DELETE', `/time_entries/${created.json.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const report = compareShapes([recorded('time-entry-deleted.json'), ...RECORDED_ENTRIES], res.json, {
      root: ENTRY,
      catalog: entries,
    });
    expect(report.problems).toEqual([]);
    expect(res.json?.id).toBe(created.json.id);
  });

  it('lists time entries in the recorded envelope, every entry with every recorded field', async () => {
    const { call } = await start();
    const res = await call('GET', '/time_entries');
    expect(res.status).toBe(200);
    expect(res.json.time_entries.length).toBeGreaterThan(3);
    const report = compareShapes(
      [recorded('time-entries-page.json'), fixture('time-entries-page.json')],
      res.json,
      {
        root: ENTRY_PAGE,
        catalog: entries,
      },
    );
    expect(report.problems).toEqual([]);
  });

  it('pages like the recorded two-page list: numbers and absolute links on the first and the last page', async () => {
    const { call, sandbox } = await start();
    const first = await call('GET', '/time_entries?per_page=2');
    expect(first.status).toBe(200);
    const firstShape = compareShapes([recorded('time-entries-page-1-of-2.json')], first.json, {
      root: ENTRY_PAGE,
      catalog: entries,
    });
    expect(firstShape.problems).toEqual([]);
    expect(first.json).toMatchObject({ per_page: 2, page: 1, previous_page: null, next_page: 2 });
    expect(first.json.total_pages).toBe(Math.ceil(first.json.total_entries / 2));
    expect(first.json.links.previous).toBeNull();

    const origin = new URL(sandbox.url).origin;
    for (const link of ['first', 'next', 'last']) {
      expect(new URL(first.json.links[link]).origin).toBe(origin);
      expect(new URL(first.json.links[link]).pathname).toBe('/v2/time_entries');
    }
    const second = await call('GET', first.json.links.next);
    expect(second.status).toBe(200);
    const firstIds = first.json.time_entries.map((e: { id: number }) => e.id);
    expect(second.json.time_entries.map((e: { id: number }) => e.id)).not.toEqual(firstIds);

    const last = await call('GET', first.json.links.last);
    const lastShape = compareShapes([recorded('time-entries-page-2-of-2.json')], last.json, {
      root: ENTRY_PAGE,
      catalog: entries,
    });
    expect(lastShape.problems).toEqual([]);
    expect(last.json).toMatchObject({ next_page: null, page: first.json.total_pages });
    expect(last.json.previous_page).toBe(first.json.total_pages - 1);
    expect(last.json.links.next).toBeNull();
    expect(new URL(last.json.links.previous).origin).toBe(origin);
  });

  it('serves the company with every recorded field, naming its timer style', async () => {
    const { call } = await start();
    const res = await call('GET', '/company');
    expect(res.status).toBe(200);
    const report = compareShapes([recorded('company.json')], res.json, {
      root: 'company',
      catalog: companies,
    });
    expect(report.problems).toEqual([]);
    expect(res.json.wants_timestamp_timers).toBe(wantsTimestampTimers);
  });
});

describe('the sandbox, like recorded Harvest,', () => {
  it('serves users/me with every field of the newest recorded user', async () => {
    const { call } = await sandboxAt();
    const res = await call('GET', '/users/me');
    expect(res.status).toBe(200);
    // The 2019 and early-2022 /users/me bodies carry is_admin, can_see_rates … which the December 2022
    // recording no longer has (Harvest moved to access_roles / permissions_claims); the newest one is the bar.
    const report = compareShapes([recorded('user-2022.json')], res.json, { root: 'user', catalog: users });
    expect(report.problems).toEqual([]);
  });

  it('lists project assignments in the recorded envelope, each with every recorded field', async () => {
    const { call } = await sandboxAt();
    const res = await call('GET', '/users/me/project_assignments');
    expect(res.status).toBe(200);
    expect(res.json.project_assignments.length).toBeGreaterThan(0);
    const page = compareShapes([recorded('project-assignments-page.json')], res.json, {
      root: ASSIGNMENTS,
      catalog: assignments,
    });
    expect(page.problems).toEqual([]);
    for (const item of res.json.project_assignments) {
      const one = compareShapes([recorded('project-assignment.json')], item, {
        root: 'project_assignments[]',
        catalog: assignments,
      });
      expect(one.problems).toEqual([]);
    }
  });

  it('reports time by project and by client with every recorded result field, in the documented envelope', async () => {
    const { call } = await sandboxAt();
    for (const [path, results, docs, catalog] of [
      ['/reports/time/projects', 'report-time-projects-results.json', 'report-projects.json', projectReports],
      ['/reports/time/clients', 'report-time-clients-results.json', 'report-clients.json', clientReports],
    ] as const) {
      const res = await call('GET', `${path}?from=20250301&to=20250305`);
      expect(res.status).toBe(200);
      expect(res.json.results.length).toBeGreaterThan(0);
      // Only the result rows were recorded (Airbyte's records); the envelope comes from the docs' example.
      const report = compareShapes([recorded(results), fixture(docs)], res.json, { root: 'report', catalog });
      expect(report.problems).toEqual([]);
    }
  });

  it('refuses a bad token with 401, invalid_token and a WWW-Authenticate challenge', async () => {
    const { call } = await sandboxAt();
    const example = recorded('error-401.json');
    const res = await call('GET', '/users/me', { headers: { Authorization: 'Bearer not-a-token' } });
    expect(res.status).toBe(example.status);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(
      compareShapes([example.body], res.json, {
        root: 'error',
        catalog: new ShapeCatalog().add(example.body, 'error'),
      }).problems,
    ).toEqual([]);
    expect(res.json.error).toBe(example.body.error);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm=".+", error="invalid_token"/);
  });

  it('refuses a member reading the company with 403 and {"message": "Not authorized!"}', async () => {
    const { call, sandbox } = await sandboxAt();
    // Recorded on /v2/clients; the sandbox's admin-only endpoint is /v2/company.
    sandbox.admin.setCompanyForbidden(true);
    const res = await call('GET', '/company');
    expect(res.status).toBe(403);
    expect(res.json).toEqual(recorded('error-403.json').body);
  });

  it('answers an unknown entry with the JSON 404 and a malformed path with an HTML 404 page', async () => {
    const { call } = await sandboxAt();
    const missing = await call('GET', '/time_entries/9999999999');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/json/);
    expect(missing.json).toEqual(recorded('error-404.json').body);

    const html = recorded('error-404-html.json');
    // The recorded request: POST /v2/projects//user_assignments (an empty id in the path).
    const page = await call(html.request.method, html.request.path.replace(/^\/v2/, ''), { body: {} });
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.json).toBeUndefined();
    expect(page.text).toMatch(/<html/i);
  });

  it('answers a create without project, task or date with 422 and a message naming each blank', async () => {
    const { call } = await sandboxAt();
    const example = recorded('error-422.json');
    const res = await call('POST', '/time_entries', { body: example.request.body });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.json).toEqual(example.body);
  });

  it('answers a rate-limited request with an empty text/html 429 and no Retry-After', async () => {
    const { call, sandbox } = await sandboxAt({ rateLimit: { limit: 1, windowMs: 15_000 } });
    sandbox.faults.omitRetryAfter = true;
    const example = recorded('error-429.json');
    expect((await call('GET', '/users/me')).status).toBe(200);
    const res = await call('GET', '/users/me');
    expect(res.status).toBe(example.status);
    expect(res.text).toBe(example.body);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('retry-after')).toBeNull();
  });
});

describe('fields the sandbox sends that Harvest was never recorded or documented sending', () => {
  it('are only the ones listed here', async () => {
    const extras = new Set<string>();
    const note = (report: ShapeReport) => report.extras.forEach((path) => extras.add(path));
    for (const { wantsTimestampTimers } of STYLES) {
      const { call, clock, trackable } = await sandboxAt({ wantsTimestampTimers });
      note(entryShape((await call('GET', '/time_entries')).json.time_entries[0]));
      const running = await call('POST', '/time_entries', { body: { ...trackable(), spent_date: TODAY } });
      note(entryShape(running.json));
      clock.advance(HOUR);
      note(entryShape((await call('PATCH', `/time_entries/${running.json.id}/stop`)).json));
      const page = await call('GET', '/time_entries?per_page=2');
      note(
        compareShapes([recorded('time-entries-page-1-of-2.json')], page.json, {
          root: ENTRY_PAGE,
          catalog: entries,
        }),
      );
      note(
        compareShapes([recorded('company.json')], (await call('GET', '/company')).json, {
          root: 'company',
          catalog: companies,
        }),
      );
      note(
        compareShapes([recorded('user-2022.json')], (await call('GET', '/users/me')).json, {
          root: 'user',
          catalog: users,
        }),
      );
      const list = (await call('GET', '/users/me/project_assignments')).json;
      note(
        compareShapes([recorded('project-assignments-page.json')], list, {
          root: ASSIGNMENTS,
          catalog: assignments,
        }),
      );
      const projects = (await call('GET', '/reports/time/projects?from=20250301&to=20250305')).json;
      note(
        compareShapes([recorded('report-time-projects-results.json')], projects, {
          root: 'report',
          catalog: projectReports,
        }),
      );
      const clients = (await call('GET', '/reports/time/clients?from=20250301&to=20250305')).json;
      note(
        compareShapes([recorded('report-time-clients-results.json')], clients, {
          root: 'report',
          catalog: clientReports,
        }),
      );
    }
    // Neither recorded nor in the stored docs: the two company flags are the sandbox's own guess
    // (tests/fixtures/harvest/company.json); approval_status is in Harvest's current Time Entries page (issue 26),
    // newer than the stored one (../shared/harvest-api/001_*.txt has only is_closed).
    expect([...extras].sort()).toEqual([
      'company.day_entry_notes_required',
      'company.saml_sign_in_required',
      'time_entries[].approval_status',
      'time_entries_page.time_entries[].approval_status',
    ]);
  });
});
