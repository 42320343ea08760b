// The sandbox Harvest server's payloads and time entry rules, checked over real loopback HTTP against the
// examples in Harvest's docs and against Sheaf's own zod schemas.
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { Company, ProjectAssignment, TimeEntry, User, pageOf } from '../../shared/harvest/schemas';
import { TODAY, fixture, keysOf, sandboxAt } from '../fixtures/harvest/sandbox-harness';

const HOUR = 3_600_000;
/** The demo agency's Time Rounding: up to the next quarter hour. */
const QUARTER_UP = { minutes: 15, mode: 'up' } as const;

describe('sandbox payloads match the Harvest docs and our schemas', () => {
  it('answers /users/me and /company with every field of the docs examples', async () => {
    const { call } = await sandboxAt();
    const me = await call('GET', '/users/me');
    expect(me.status).toBe(200);
    expect(keysOf(me.json)).toEqual(expect.arrayContaining(keysOf(fixture('user.json'))));
    expect(User.parse(me.json)).toMatchObject({
      first_name: 'Dana',
      last_name: 'Demo',
      email: 'dana@example.com',
    });
    expect(me.json.weekly_capacity).toBe(126000);

    const company = await call('GET', '/company');
    expect(keysOf(company.json)).toEqual(expect.arrayContaining(keysOf(fixture('company.json'))));
    expect(Company.parse(company.json)).toMatchObject({
      name: 'Sheaf Demo Co',
      week_start_day: 'Monday',
      wants_timestamp_timers: false,
      time_format: 'hours_minutes',
      clock: '12h',
      currency: 'USD',
    });
  });

  it('lists active project assignments only, shaped like the docs example', async () => {
    const { call, sandbox } = await sandboxAt();
    const res = await call('GET', '/users/me/project_assignments');
    const example = fixture('project-assignments.json');
    expect(keysOf(res.json)).toEqual(keysOf(example));
    const page = pageOf('project_assignments', ProjectAssignment).parse(res.json);
    const [first] = page.project_assignments;
    expect(keysOf(first!)).toEqual(keysOf(example.project_assignments[0]));
    expect(keysOf(first!.task_assignments[0]!)).toEqual(
      keysOf(example.project_assignments[0].task_assignments[0]),
    );
    expect(keysOf(first!.client)).toEqual(['currency', 'id', 'name']);

    const all = sandbox.admin.assignments();
    expect(all.some((a) => !a.is_active)).toBe(true);
    expect(page.project_assignments.map((a) => a.id)).toEqual(
      all.filter((a) => a.is_active).map((a) => a.id),
    );
    // The seeded inactive task assignment is served with is_active false for the client to leave out.
    const tasks = page.project_assignments.flatMap((a) => a.task_assignments);
    expect(tasks.filter((t) => !t.is_active)).toHaveLength(1);
    expect(page.project_assignments.some((a) => a.project.code === 'WEB-01')).toBe(true);
  });

  it('serves time entries with the docs fields, for a list, one entry, a running and a stopped one', async () => {
    const { call, clock, trackable } = await sandboxAt();
    const list = await call('GET', '/time_entries');
    const example = fixture('time-entries-page.json');
    expect(keysOf(list.json)).toEqual(keysOf(example));
    expect(keysOf(list.json.links)).toEqual(keysOf(example.links));
    const entries = pageOf('time_entries', TimeEntry).parse(list.json).time_entries;
    expect(entries.length).toBeGreaterThan(3);

    const one = await call('GET', `/time_entries/${entries[0]!.id}`);
    const doc = fixture('time-entry.json');
    // approval_status is newer than the docs' example (see sandbox-contract.test.ts).
    expect(keysOf(one.json)).toEqual([...keysOf(doc), 'approval_status'].sort());
    // Recorded entries name more than the docs do (client.currency, project.code): those are
    // sandbox-contract.test.ts's to hold; here every docs field must be there.
    for (const nested of ['user', 'client', 'project', 'task', 'user_assignment', 'task_assignment']) {
      expect(keysOf(one.json[nested])).toEqual(expect.arrayContaining(keysOf(doc[nested])));
    }
    TimeEntry.parse(one.json);

    const started = await call('POST', '/time_entries', { body: { ...trackable(), spent_date: TODAY } });
    expect(keysOf(started.json)).toEqual(
      [...keysOf(fixture('time-entry-running.json')), 'approval_status'].sort(),
    );
    clock.advance(HOUR);
    const stopped = await call('PATCH', `/time_entries/${started.json.id}/stop`);
    expect(keysOf(stopped.json)).toEqual(
      [...keysOf(fixture('time-entry-stopped.json')), 'approval_status'].sort(),
    );
    TimeEntry.parse(started.json);
    TimeEntry.parse(stopped.json);
  });

  it('seeds the demo week: entries on each day up to today, a few today, one locked', async () => {
    const { sandbox } = await sandboxAt();
    const entries = sandbox.admin.entries();
    const days = new Set(entries.map((e) => e.spent_date));
    // Wednesday: Monday, Tuesday and today.
    expect([...days].sort()).toEqual(['2025-03-03', '2025-03-04', TODAY]);
    expect(entries.filter((e) => e.spent_date === TODAY).length).toBeGreaterThanOrEqual(2);
    const locked = entries.filter((e) => e.is_locked);
    expect(locked).toHaveLength(1);
    expect(locked[0]!.locked_reason).toBe('Item Approved and Locked for this Time Period');
    expect(entries.some((e) => e.is_running)).toBe(false);
    // Deterministic: a second sandbox on the same clock seeds the same week.
    const again = await sandboxAt();
    expect(again.sandbox.admin.entries()).toEqual(entries);
  });
});

describe('duration timers', () => {
  it('starts without hours, grows with the clock, stops at the elapsed hours, restarts on top', async () => {
    const { call, clock, trackable } = await sandboxAt({ seed: 'empty', timeRounding: QUARTER_UP });
    const started = await call('POST', '/time_entries', {
      body: { ...trackable(), spent_date: TODAY, notes: 'Kickoff' },
    });
    expect(started.status).toBe(201);
    expect(started.json).toMatchObject({
      is_running: true,
      hours: 0,
      hours_without_timer: 0,
      timer_started_at: clock.now().toISOString().replace('.000', ''),
      started_time: null,
      ended_time: null,
      notes: 'Kickoff',
    });
    const id = started.json.id;

    clock.advance(1.5 * HOUR);
    expect((await call('GET', `/time_entries/${id}`)).json).toMatchObject({ hours: 1.5, is_running: true });

    const stopped = await call('PATCH', `/time_entries/${id}/stop`);
    expect(stopped.json).toMatchObject({
      is_running: false,
      hours: 1.5,
      hours_without_timer: 1.5,
      timer_started_at: null,
    });
    expect(stopped.json.rounded_hours).toBe(1.5);
    expect((await call('PATCH', `/time_entries/${id}/stop`)).status).toBe(422);

    clock.advance(HOUR);
    const restarted = await call('PATCH', `/time_entries/${id}/restart`);
    expect(restarted.json).toMatchObject({ is_running: true, hours: 1.5, hours_without_timer: 1.5 });
    expect((await call('PATCH', `/time_entries/${id}/restart`)).json).toEqual({
      message: 'This time entry is already running',
    });
    clock.advance(20 * 60_000);
    const again = await call('PATCH', `/time_entries/${id}/stop`);
    expect(again.json).toMatchObject({ hours: 1.83, rounded_hours: 2, is_running: false });
  });

  it('creates a stopped entry when hours are given, and edits it', async () => {
    const { call, clock, trackable } = await sandboxAt({ seed: 'empty', timeRounding: QUARTER_UP });
    const logged = await call('POST', '/time_entries', {
      body: { ...trackable(), spent_date: TODAY, hours: 2.11 },
    });
    expect(logged.json).toMatchObject({ is_running: false, hours: 2.11, rounded_hours: 2.25, notes: null });
    clock.advance(60_000);
    const edited = await call('PATCH', `/time_entries/${logged.json.id}`, {
      body: { notes: 'Adding CSS styling', hours: 3, spent_date: '2025-03-04' },
    });
    expect(edited.json).toMatchObject({ notes: 'Adding CSS styling', hours: 3, spent_date: '2025-03-04' });
    expect(Date.parse(edited.json.updated_at)).toBeGreaterThan(Date.parse(logged.json.updated_at));
  });
});

describe('timestamp timers', () => {
  it('runs from a started_time, defaults it to now, stops at the wall-clock time', async () => {
    const { call, clock, trackable, sandbox } = await sandboxAt({
      seed: 'empty',
      wantsTimestampTimers: true,
    });
    expect((await call('GET', '/company')).json.wants_timestamp_timers).toBe(true);

    const fromEight = await call('POST', '/time_entries', {
      body: { ...trackable(), spent_date: TODAY, started_time: '8:00am' },
    });
    expect(fromEight.json).toMatchObject({
      is_running: true,
      started_time: '8:00am',
      ended_time: null,
      hours: 2,
    });

    // Starting another (default start = now, 10:00am) stops the first at the wall clock.
    const now = await call('POST', '/time_entries', { body: { ...trackable(), spent_date: TODAY } });
    expect(now.json).toMatchObject({ is_running: true, started_time: '10:00am', ended_time: null });
    const first = sandbox.admin.entries().find((e) => e.id === fromEight.json.id)!;
    expect(first).toMatchObject({ is_running: false, ended_time: '10:00am', hours: 2 });

    clock.advance(45 * 60_000);
    const stopped = await call('PATCH', `/time_entries/${now.json.id}/stop`);
    expect(stopped.json).toMatchObject({
      is_running: false,
      started_time: '10:00am',
      ended_time: '10:45am',
      hours: 0.75,
    });

    const restarted = await call('PATCH', `/time_entries/${now.json.id}/restart`);
    expect(restarted.json).toMatchObject({ is_running: true, ended_time: null });
  });

  it('logs a start–end entry, accepting 24-hour times too', async () => {
    const { call, trackable } = await sandboxAt({ seed: 'empty', wantsTimestampTimers: true });
    const twelveHour = await call('POST', '/time_entries', {
      body: { ...trackable(), spent_date: TODAY, started_time: '1:00pm', ended_time: '2:30pm' },
    });
    expect(twelveHour.json).toMatchObject({
      is_running: false,
      hours: 1.5,
      started_time: '1:00pm',
      ended_time: '2:30pm',
    });
    const twentyFour = await call('POST', '/time_entries', {
      body: { ...trackable(), spent_date: TODAY, started_time: '8:00', ended_time: '13:15' },
    });
    expect(twentyFour.json).toMatchObject({ hours: 5.25, started_time: '8:00am', ended_time: '1:15pm' });
  });
  it('edits start/end times, project and task of an entry', async () => {
    const { call, sandbox, trackable } = await sandboxAt({ seed: 'empty', wantsTimestampTimers: true });
    const logged = await call('POST', '/time_entries', {
      body: { ...trackable(), spent_date: TODAY, started_time: '9:00am', ended_time: '10:00am' },
    });
    const other = sandbox.admin.assignments()[1]!;
    const edited = await call('PATCH', `/time_entries/${logged.json.id}`, {
      body: {
        ended_time: '11:30am',
        project_id: other.project.id,
        task_id: other.task_assignments[0]!.task.id,
      },
    });
    expect(edited.json).toMatchObject({
      hours: 2.5,
      started_time: '9:00am',
      ended_time: '11:30am',
      project: { id: other.project.id, name: other.project.name },
      task: { id: other.task_assignments[0]!.task.id },
      client: { id: other.client.id },
    });
    const moved = await call('PATCH', `/time_entries/${logged.json.id}`, { body: { project_id: 999 } });
    expect(moved.status).toBe(422);
  });
});

describe('Harvest rules', () => {
  it('keeps at most one running timer: starting or restarting stops the other', async () => {
    const { call, clock, trackable } = await sandboxAt({ seed: 'empty' });
    const a = await call('POST', '/time_entries', { body: { ...trackable(), spent_date: TODAY } });
    clock.advance(HOUR);
    const b = await call('POST', '/time_entries', { body: { ...trackable(), spent_date: TODAY } });
    const running = async () => (await call('GET', '/time_entries?is_running=true')).json.time_entries;
    expect((await running()).map((e: TimeEntry) => e.id)).toEqual([b.json.id]);
    expect((await call('GET', `/time_entries/${a.json.id}`)).json).toMatchObject({
      is_running: false,
      hours: 1,
    });

    clock.advance(HOUR / 2);
    await call('PATCH', `/time_entries/${a.json.id}/restart`);
    expect((await running()).map((e: TimeEntry) => e.id)).toEqual([a.json.id]);
    expect((await call('GET', `/time_entries/${b.json.id}`)).json).toMatchObject({
      is_running: false,
      hours: 0.5,
    });
  });

  it('refuses to change locked and approved entries', async () => {
    const { call, sandbox } = await sandboxAt();
    const locked = sandbox.admin.entries().find((e) => e.is_locked)!;
    const message = { message: 'This time entry is locked: Item Approved and Locked for this Time Period' };
    for (const [method, path] of [
      ['PATCH', `/time_entries/${locked.id}`],
      ['PATCH', `/time_entries/${locked.id}/restart`],
      ['PATCH', `/time_entries/${locked.id}/stop`],
      ['DELETE', `/time_entries/${locked.id}`],
    ] as const) {
      const res = await call(method, path, { body: { notes: 'nope' } });
      expect([res.status, res.json]).toEqual([422, message]);
    }

    const open = sandbox.admin.entries().find((e) => !e.is_locked)!;
    sandbox.admin.closeEntry(open.id);
    const approved = { message: "This time entry has been approved and can't be changed" };
    const edited = await call('PATCH', `/time_entries/${open.id}`, { body: { notes: 'nope' } });
    expect([edited.status, edited.json]).toEqual([422, approved]);
    // "However, Admins can delete closed entries": a member can't.
    sandbox.admin.setRole('member');
    const closed = await call('DELETE', `/time_entries/${open.id}`);
    expect([closed.status, closed.json]).toEqual([422, approved]);
    expect(sandbox.admin.entries().some((e) => e.id === open.id)).toBe(true);
    sandbox.admin.setRole('administrator');
    expect((await call('DELETE', `/time_entries/${open.id}`)).status).toBe(200);
    expect(sandbox.admin.entries().some((e) => e.id === open.id)).toBe(false);
  });

  it('deletes an entry: 200, then 404 with Harvest’s JSON body', async () => {
    const { call, sandbox } = await sandboxAt();
    const victim = sandbox.admin.entries().find((e) => !e.is_locked)!;
    expect((await call('DELETE', `/time_entries/${victim.id}`)).status).toBe(200);
    const gone = await call('GET', `/time_entries/${victim.id}`);
    expect([gone.status, gone.json]).toEqual([404, { status: 404, error: 'Not Found' }]);
    const malformed = await call('GET', '/time_entries/not-a-number');
    expect(malformed.status).toBe(404);
    expect(malformed.headers.get('content-type')).toContain('text/html');
  });

  it('answers bad input with 422 and Harvest-like messages', async () => {
    const { call, sandbox, trackable } = await sandboxAt();
    const post = (body: object) => call('POST', '/time_entries', { body });
    const t = trackable();
    expect((await post({ ...t })).json).toEqual({
      message: "Spent date can't be blank, Spent date is not a valid date",
    });
    expect((await post({ spent_date: TODAY })).json).toEqual({
      message: "Project can't be blank, Task can't be blank",
    });
    const inactive = sandbox.admin.assignments().find((a) => !a.is_active)!;
    const archived = await post({
      project_id: inactive.project.id,
      task_id: inactive.task_assignments[0]!.task.id,
      spent_date: TODAY,
    });
    expect([archived.status, archived.json.message]).toEqual([422, expect.stringMatching(/^Project /)]);
    const withInactiveTask = sandbox.admin
      .assignments()
      .find((a) => a.is_active && a.task_assignments.some((x) => !x.is_active))!;
    const inactiveTask = withInactiveTask.task_assignments.find((x) => !x.is_active)!;
    const task = await post({
      project_id: withInactiveTask.project.id,
      task_id: inactiveTask.task.id,
      spent_date: TODAY,
    });
    expect([task.status, task.json.message]).toEqual([422, expect.stringMatching(/^Task /)]);
    expect((await post({ ...t, spent_date: TODAY, hours: 25 })).json).toEqual({
      message: 'Hours must be between 0 and 24',
    });
    expect((await post({ ...t, spent_date: TODAY, hours: -1 })).status).toBe(422);
    expect((await post({ ...t, spent_date: '2025-02-30' })).status).toBe(422);
    const entry = sandbox.admin.entries().find((e) => !e.is_locked)!;
    expect((await call('PATCH', `/time_entries/${entry.id}`, { body: { hours: 'lots' } })).status).toBe(422);
    // Nothing half-created along the way.
    expect(
      sandbox.admin.entries().filter((e) => e.created_at.startsWith('2025-03-05T') && e.hours === 0),
    ).toEqual([]);
    // Bad start/end times: sandbox-account-styles.test.ts (only timestamp accounts read them).
  });

  it('answers 400 to malformed JSON and keeps serving', async () => {
    const { call } = await sandboxAt();
    const bad = await call('POST', '/time_entries', { rawBody: '{"project_id": 1,' });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toMatch(/JSON/);
    expect((await call('POST', '/time_entries', { rawBody: '[1,2]' })).status).toBe(400);
    expect((await call('GET', '/users/me')).status).toBe(200);
  });

  it('requires a valid token and account id (401 + WWW-Authenticate) and a User-Agent (400)', async () => {
    const { call, sandbox } = await sandboxAt();
    const expected401 = {
      error: 'invalid_token',
      error_description:
        'The access token provided is expired, revoked, malformed or invalid for other reasons.',
    };
    for (const headers of [
      { Authorization: '' },
      { Authorization: 'Bearer wrong' },
      { 'Harvest-Account-Id': '42' },
    ] as Record<string, string>[]) {
      const res = await call('GET', '/users/me', { headers });
      expect([res.status, res.json]).toEqual([401, expected401]);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer /);
    }

    // fetch always sends a User-Agent, so ask node:http directly for a request without one.
    const noAgent = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${sandbox.url}/users/me`, {
        headers: { Authorization: `Bearer ${sandbox.token}`, 'Harvest-Account-Id': sandbox.accountId },
      });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(noAgent.status).toBe(400);
    expect(JSON.parse(noAgent.body)).toEqual({ message: 'User-Agent header is required' });

    sandbox.admin.revokeToken();
    expect((await call('GET', '/users/me')).status).toBe(401);
  });

  it('answers 403 on /company for a member token', async () => {
    const { call, sandbox } = await sandboxAt();
    sandbox.admin.setCompanyForbidden(true);
    const res = await call('GET', '/company');
    expect([res.status, res.json]).toEqual([403, { message: 'Not authorized!' }]);
    sandbox.admin.setCompanyForbidden(false);
    expect((await call('GET', '/company')).status).toBe(200);
  });
});
