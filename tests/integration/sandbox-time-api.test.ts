// The sandbox answers the rest of Harvest's time API as Harvest does: Time Rounding, Timesheet Approval,
// external references, the Tasks and Team reports, and what a member may see beside an administrator.
import { describe, expect, it } from 'vitest';
import { TaskTimeReportResult, TeamTimeReportResult, TimeEntry } from '../../shared/harvest/schemas';
import { TODAY, fixture, keysOf, sandboxAt } from '../fixtures/harvest/sandbox-harness';

const recorded = (name: string) => fixture(`recorded/${name}`);

const WEEK = 'from=2025-03-03&to=2025-03-09';
const reference = {
  id: 'acme/site#12',
  group_id: 'acme/site',
  account_id: '42',
  permalink: 'https://github.com/acme/site/issues/12',
};

describe('Time Rounding', () => {
  it.each([
    [{ minutes: 15, mode: 'up' } as const, 1.1, 1.25],
    [{ minutes: 15, mode: 'nearest' } as const, 1.1, 1],
    [{ minutes: 6, mode: 'up' } as const, 1.11, 1.2],
    [{ minutes: 30, mode: 'nearest' } as const, 1.3, 1.5],
    [false as const, 1.1, 1.1],
  ])('rounds an entry of the given hours under %o to its rounded_hours', async (rounding, hours, rounded) => {
    const { call, trackable } = await sandboxAt({ seed: 'empty', timeRounding: rounding });
    const made = await call('POST', '/time_entries', { body: { ...trackable(), spent_date: TODAY, hours } });
    expect([made.json.hours, made.json.rounded_hours]).toEqual([hours, rounded]);
  });

  it('adds up each entry rounded on its own in every report, so 1.1 h and 1.1 h count 2.5 h on a quarter-up account', async () => {
    const { call, trackable } = await sandboxAt({ seed: 'empty', timeRounding: { minutes: 15, mode: 'up' } });
    for (const hours of [1.1, 1.1])
      await call('POST', '/time_entries', { body: { ...trackable(), spent_date: TODAY, hours } });
    for (const report of ['clients', 'projects', 'tasks', 'team']) {
      const rows = (await call('GET', `/reports/time/${report}?${WEEK}`)).json.results;
      expect(
        rows.map((r: { total_hours: number }) => r.total_hours),
        report,
      ).toEqual([2.5]);
    }
  });
});

describe('Timesheet Approval', () => {
  it('answers approval_status, freezes a submitted entry, filters by status and refuses an unknown one', async () => {
    const { call, sandbox } = await sandboxAt();
    const [first, second] = sandbox.admin.entries().filter((e) => !e.is_locked);
    expect(first!.approval_status).toBe('unsubmitted');
    sandbox.admin.submitEntry(first!.id);
    sandbox.admin.closeEntry(second!.id);
    const submitted = (await call('GET', `/time_entries/${first!.id}`)).json;
    expect(submitted).toMatchObject({ approval_status: 'submitted', is_locked: true, is_closed: false });
    expect(submitted.locked_reason).toMatch(/Submitted/);
    const edit = await call('PATCH', `/time_entries/${first!.id}`, { body: { notes: 'late change' } });
    expect([edit.status, edit.json.message]).toEqual([422, expect.stringMatching(/submitted for approval/)]);
    const approved = (await call('GET', `/time_entries/${second!.id}`)).json;
    expect(approved).toMatchObject({
      approval_status: 'approved',
      is_closed: true,
      is_locked: true,
      locked_reason: 'Item Approved and Locked for this Time Period',
    });
    const ids = async (status: string) =>
      (await call('GET', `/time_entries?approval_status=${status}`)).json.time_entries.map(
        (e: { id: number }) => e.id,
      );
    expect(await ids('submitted')).toEqual([first!.id]);
    expect(await ids('approved')).toEqual([second!.id]);
    expect(await ids('unsubmitted')).not.toContain(first!.id);
    expect((await call('GET', '/time_entries?approval_status=pending')).status).toBe(422);
    sandbox.admin.reopenEntry(first!.id);
    const reopened = await call('PATCH', `/time_entries/${first!.id}`, { body: { notes: 'late change' } });
    expect(reopened.json).toMatchObject({
      approval_status: 'unsubmitted',
      is_locked: false,
      notes: 'late change',
    });
  });
});

describe('external references', () => {
  it('keeps a reference given on create, answers it with its service, and filters by its id', async () => {
    const { call, trackable } = await sandboxAt({ seed: 'empty' });
    const made = await call('POST', '/time_entries', {
      body: { ...trackable(), spent_date: TODAY, external_reference: reference },
    });
    expect(made.status).toBe(201);
    expect(made.json.external_reference).toEqual({
      ...reference,
      service: 'github.com',
      service_icon_url: 'https://github.com/favicon.ico',
    });
    TimeEntry.parse(made.json);
    await call('POST', '/time_entries', { body: { ...trackable(), spent_date: TODAY, hours: 1 } });
    const found = await call(
      'GET',
      `/time_entries?external_reference_id=${encodeURIComponent(reference.id)}`,
    );
    expect(found.json.time_entries.map((e: { id: number }) => e.id)).toEqual([made.json.id]);
  });

  it('replaces a reference on update, and DELETE …/external_reference removes it with a bare 200', async () => {
    const { call, trackable } = await sandboxAt({ seed: 'empty' });
    const made = await call('POST', '/time_entries', {
      body: { ...trackable(), spent_date: TODAY, hours: 1 },
    });
    expect(made.json.external_reference).toBeNull();
    const jira = {
      id: 'PROJ-123',
      group_id: 'PROJ',
      permalink: 'https://acme.atlassian.net/browse/PROJ-123',
    };
    const linked = await call('PATCH', `/time_entries/${made.json.id}`, {
      body: { external_reference: jira },
    });
    expect(linked.json.external_reference).toMatchObject({ ...jira, account_id: null });
    const removed = await call('DELETE', `/time_entries/${made.json.id}/external_reference`);
    expect([removed.status, removed.text]).toEqual([200, '']);
    expect((await call('GET', `/time_entries/${made.json.id}`)).json.external_reference).toBeNull();
    expect((await call('DELETE', '/time_entries/1/external_reference')).status).toBe(404);
  });

  it('refuses a reference without an id, or whose permalink is not a web address, creating nothing', async () => {
    const { call, sandbox, trackable } = await sandboxAt({ seed: 'empty' });
    for (const bad of [
      { permalink: reference.permalink },
      { ...reference, permalink: 'javascript:alert(1)' },
      'acme/site#12',
    ]) {
      const res = await call('POST', '/time_entries', {
        body: { ...trackable(), spent_date: TODAY, external_reference: bad },
      });
      expect([res.status, res.json.message], JSON.stringify(bad)).toEqual([
        422,
        expect.stringMatching(/External reference/),
      ]);
    }
    expect(sandbox.admin.entries()).toEqual([]);
  });
});

describe('the Tasks and Team reports', () => {
  it('reports by task with the documented fields', async () => {
    const { call } = await sandboxAt();
    const page = (await call('GET', `/reports/time/tasks?${WEEK}`)).json;
    expect(page.results.length).toBeGreaterThan(1);
    for (const row of page.results) {
      TaskTimeReportResult.parse(row);
      expect(keysOf(row)).toEqual([
        'billable_amount',
        'billable_hours',
        'currency',
        'task_id',
        'task_name',
        'total_hours',
      ]);
    }
  });

  it('lists an administrator’s team with capacity, and a member only themself, without amounts', async () => {
    const admin = await sandboxAt({ teammates: true });
    const team = (await admin.call('GET', `/reports/time/team?${WEEK}`)).json.results;
    expect(team.map((r: { user_name: string }) => r.user_name)).toEqual([
      'Ada Okafor',
      'Dana Demo',
      'Priya Patel',
      'Tomás Ruiz',
    ]);
    for (const row of team) TeamTimeReportResult.parse(row);
    // Monday to Wednesday of Priya's steady week: 8 + 7.5 + 8.25.
    expect(team.find((r: { user_name: string }) => r.user_name === 'Priya Patel')).toMatchObject({
      total_hours: 23.75,
      weekly_capacity: 144_000,
      is_contractor: false,
    });

    const member = await sandboxAt({ teammates: true, role: 'member' });
    const own = (await member.call('GET', `/reports/time/team?${WEEK}`)).json.results;
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ user_name: 'Dana Demo', weekly_capacity: 126_000 });
    expect(own[0]).not.toHaveProperty('billable_amount');
    expect(own[0]).not.toHaveProperty('currency');
  });
});

describe('an administrator and a member', () => {
  it('gives the administrator rates and the company, and the member neither, as recorded', async () => {
    const admin = await sandboxAt();
    const me = (await admin.call('GET', '/users/me')).json;
    expect(me).toMatchObject({ access_roles: ['administrator'], default_hourly_rate: 100, cost_rate: 50 });
    expect((await admin.call('GET', '/company')).status).toBe(200);
    const amounts = (await admin.call('GET', `/reports/time/clients?${WEEK}`)).json.results[0];
    expect(amounts).toHaveProperty('billable_amount');

    const member = await sandboxAt({ role: 'member' });
    const memberMe = (await member.call('GET', '/users/me')).json;
    expect(memberMe.access_roles).toEqual(['member']);
    // The recorded member's /users/me has no rate fields at all.
    expect(keysOf(recorded('user-me-2019.json'))).not.toContain('default_hourly_rate');
    expect(memberMe).not.toHaveProperty('default_hourly_rate');
    expect(memberMe).not.toHaveProperty('cost_rate');
    const company = await member.call('GET', '/company');
    expect([company.status, company.json]).toEqual([403, { message: 'Not authorized!' }]);
    for (const report of ['clients', 'projects', 'tasks']) {
      const row = (await member.call('GET', `/reports/time/${report}?${WEEK}`)).json.results[0];
      expect(row, report).not.toHaveProperty('billable_amount');
    }
  });
});

describe('answers shaped like Harvest’s', () => {
  it('names where a created entry lives in a Location header', async () => {
    const { call, sandbox, trackable } = await sandboxAt({ seed: 'empty' });
    const made = await call('POST', '/time_entries', {
      body: { ...trackable(), spent_date: TODAY, hours: 1 },
    });
    expect(made.status).toBe(201);
    expect(made.headers.get('location')).toBe(`${sandbox.url}/time_entries/${made.json.id}`);
  });

  it('challenges a bad token with Harvest’s own WWW-Authenticate header, word for word', async () => {
    const { call } = await sandboxAt();
    const example = recorded('error-401.json');
    const res = await call('GET', '/users/me', { headers: { Authorization: 'Bearer nope' } });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe(example.headers['Www-Authenticate']);
  });
});
