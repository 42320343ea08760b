// Owns the checks of several accounts in one sandbox: each Harvest account keeps its own company, assignments
// and entries, chosen by Harvest-Account-Id; the same person and personal token reach them all; a Forecast
// account is refused on /v2 like an unknown one; the single-account fields keep meaning the first account.
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, SANDBOX_ACCOUNT_ID, type SandboxAccountSeed } from '../../electron/sandbox/server';
import { HEADERS_UA, TODAY, sandboxAt } from '../fixtures/harvest/sandbox-harness';

const NORTHWIND = '1000002';
const FORECAST = '2000003';
const WITH_FORECAST: SandboxAccountSeed[] = [
  ...DEMO_ACCOUNTS,
  { id: FORECAST, name: 'Sheaf Demo Planning', product: 'forecast' },
];

const inAccount = (id: string) => ({ headers: { 'Harvest-Account-Id': id } });

describe('several accounts', () => {
  it('gives each Harvest account its own company, projects and entries', async () => {
    const { call } = await sandboxAt({ accounts: DEMO_ACCOUNTS });
    const agency = await call('GET', '/company', inAccount(SANDBOX_ACCOUNT_ID));
    const freelance = await call('GET', '/company', inAccount(NORTHWIND));
    expect(agency.json).toMatchObject({ name: 'Sheaf Demo Co', full_domain: 'sheaf-demo.harvestapp.com' });
    expect(freelance.json).toMatchObject({
      name: 'Northwind Freelance',
      full_domain: 'northwind-freelance.harvestapp.com',
      wants_timestamp_timers: false,
    });

    const projects = async (id: string) =>
      (await call('GET', '/users/me/project_assignments', inAccount(id))).json.project_assignments.map(
        (a: { project: { id: number; name: string } }) => a.project,
      );
    const agencyProjects = await projects(SANDBOX_ACCOUNT_ID);
    const freelanceProjects = await projects(NORTHWIND);
    expect(freelanceProjects.map((p: { name: string }) => p.name)).toContain('Storefront Rebuild');
    // Harvest's ids are unique across accounts: no project of one is a project of the other.
    const agencyIds = new Set(agencyProjects.map((p: { id: number }) => p.id));
    expect(freelanceProjects.some((p: { id: number }) => agencyIds.has(p.id))).toBe(false);

    const entries = async (id: string) =>
      (await call('GET', '/time_entries', inAccount(id))).json.time_entries as {
        id: number;
        started_time: string | null;
      }[];
    const agencyEntries = await entries(SANDBOX_ACCOUNT_ID);
    const freelanceEntries = await entries(NORTHWIND);
    expect(freelanceEntries.length).toBeGreaterThan(0);
    // Duration-style: a freelance week of hours, no start and end times.
    expect(freelanceEntries.every((e) => e.started_time === null)).toBe(true);
    const agencyEntryIds = new Set(agencyEntries.map((e) => e.id));
    expect(freelanceEntries.some((e) => agencyEntryIds.has(e.id))).toBe(false);
  });

  it('keeps an entry made in one account out of the other', async () => {
    const { call, sandbox } = await sandboxAt({ accounts: DEMO_ACCOUNTS });
    const northwind = sandbox.adminFor(NORTHWIND);
    const assignment = northwind.assignments().find((a) => a.is_active)!;
    const body = {
      project_id: assignment.project.id,
      task_id: assignment.task_assignments[0]!.task.id,
      spent_date: TODAY,
      hours: 1.25,
    };
    const created = await call('POST', '/time_entries', { body, ...inAccount(NORTHWIND) });
    expect(created.status).toBe(201);
    expect(northwind.entries().map((e) => e.id)).toContain(created.json.id);
    expect(sandbox.admin.entries().map((e) => e.id)).not.toContain(created.json.id);
    // The agency's store doesn't know the freelance project at all.
    const elsewhere = await call('POST', '/time_entries', { body, ...inAccount(SANDBOX_ACCOUNT_ID) });
    expect(elsewhere.status).toBe(422);
    const read = await call('GET', `/time_entries/${created.json.id}`, inAccount(SANDBOX_ACCOUNT_ID));
    expect(read.status).toBe(404);
  });

  it('is the same person in every account', async () => {
    const { call } = await sandboxAt({ accounts: DEMO_ACCOUNTS });
    const who = async (id: string) => {
      const {
        id: userId,
        first_name,
        last_name,
        email,
      } = (await call('GET', '/users/me', inAccount(id))).json;
      return { userId, first_name, last_name, email };
    };
    expect(await who(NORTHWIND)).toEqual(await who(SANDBOX_ACCOUNT_ID));
  });

  it('takes the account from the account_id query as well as the header', async () => {
    const { sandbox } = await sandboxAt({ accounts: DEMO_ACCOUNTS });
    const res = await fetch(`${sandbox.url}/company?access_token=${sandbox.token}&account_id=${NORTHWIND}`, {
      headers: { 'User-Agent': HEADERS_UA },
    });
    expect(((await res.json()) as { name: string }).name).toBe('Northwind Freelance');
  });

  it("refuses a Forecast account's id on /v2 with Harvest's 401, as it does an unknown id", async () => {
    const { call } = await sandboxAt({ accounts: WITH_FORECAST });
    const known = await call('GET', '/users/me', inAccount(SANDBOX_ACCOUNT_ID));
    expect(known.status).toBe(200);
    for (const id of [FORECAST, '9999999']) {
      const res = await call('GET', '/users/me', inAccount(id));
      expect(res.status, id).toBe(401);
      expect(res.json).toEqual({ error: 'invalid_token', error_description: expect.any(String) });
      expect(res.headers.get('www-authenticate')).toMatch(
        /^Bearer realm="Rack::OAuth2 Protected Resources", error="invalid_token"/,
      );
    }
  });

  it('reaches every account with the one personal token, and revoking it closes them all', async () => {
    const { call, sandbox } = await sandboxAt({ accounts: DEMO_ACCOUNTS });
    for (const id of [SANDBOX_ACCOUNT_ID, NORTHWIND])
      expect((await call('GET', '/users/me', inAccount(id))).status).toBe(200);
    sandbox.admin.revokeToken();
    for (const id of [SANDBOX_ACCOUNT_ID, NORTHWIND])
      expect((await call('GET', '/users/me', inAccount(id))).status).toBe(401);
  });

  it('counts the rate limit per token, whichever account a request names', async () => {
    const { call } = await sandboxAt({ accounts: DEMO_ACCOUNTS, rateLimit: { limit: 3, windowMs: 15_000 } });
    const statuses = [];
    for (const id of [SANDBOX_ACCOUNT_ID, NORTHWIND, SANDBOX_ACCOUNT_ID, NORTHWIND])
      statuses.push((await call('GET', '/users/me', inAccount(id))).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it("switches one account's settings without touching the other's", async () => {
    const { call, sandbox } = await sandboxAt({ accounts: DEMO_ACCOUNTS });
    sandbox.adminFor(NORTHWIND).setCompanyForbidden(true);
    sandbox.adminFor(NORTHWIND).setClock('24h');
    expect((await call('GET', '/company', inAccount(NORTHWIND))).status).toBe(403);
    const agency = await call('GET', '/company', inAccount(SANDBOX_ACCOUNT_ID));
    expect(agency.json).toMatchObject({ clock: '12h' });
  });

  it("fills an account's unset settings from the sandbox's own options", async () => {
    const { call } = await sandboxAt({
      wantsTimestampTimers: true,
      seed: 'empty',
      accounts: [
        { id: '11', name: 'Tokyo Office', timeClock: '24h', weekStartDay: 'Sunday' },
        { id: '12', name: 'Old Client', wantsTimestampTimers: false, seed: 'demo' },
      ],
    });
    const company = async (id: string) => (await call('GET', '/company', inAccount(id))).json;
    expect(await company('11')).toMatchObject({
      name: 'Tokyo Office',
      full_domain: 'tokyo-office.harvestapp.com',
      wants_timestamp_timers: true,
      clock: '24h',
      week_start_day: 'Sunday',
    });
    expect(await company('12')).toMatchObject({ wants_timestamp_timers: false, clock: '12h' });
    const entries = async (id: string) =>
      (await call('GET', '/time_entries', inAccount(id))).json.time_entries.length;
    expect(await entries('11')).toBe(0);
    expect(await entries('12')).toBeGreaterThan(0);
  });
});

describe('the single-account fields', () => {
  it('keep meaning the first Harvest account, and every account is listed with its admin', async () => {
    const { sandbox } = await sandboxAt({ accounts: WITH_FORECAST });
    expect(sandbox.accountId).toBe(SANDBOX_ACCOUNT_ID);
    expect(sandbox.admin).toBe(sandbox.adminFor(SANDBOX_ACCOUNT_ID));
    expect(sandbox.accounts.map(({ id, name, product }) => ({ id, name, product }))).toEqual([
      { id: SANDBOX_ACCOUNT_ID, name: 'Sheaf Demo Co', product: 'harvest' },
      { id: NORTHWIND, name: 'Northwind Freelance', product: 'harvest' },
      { id: FORECAST, name: 'Sheaf Demo Planning', product: 'forecast' },
    ]);
    const northwind = sandbox.accounts[1]!;
    expect(northwind.product === 'harvest' && northwind.admin).toBe(sandbox.adminFor(NORTHWIND));
    expect(() => sandbox.adminFor(FORECAST)).toThrow(/No Harvest account/);
  });

  it('default to one account, the demo agency, as before', async () => {
    const { sandbox } = await sandboxAt();
    expect(sandbox.accounts.map(({ id, name, product }) => ({ id, name, product }))).toEqual([
      { id: SANDBOX_ACCOUNT_ID, name: 'Sheaf Demo Co', product: 'harvest' },
    ]);
  });

  it('refuse a list without a Harvest account, with a repeated id, or with an id that is no number', async () => {
    await expect(sandboxAt({ accounts: [{ id: '1', name: 'Plan', product: 'forecast' }] })).rejects.toThrow(
      /at least one Harvest account/,
    );
    await expect(
      sandboxAt({
        accounts: [
          { id: '1', name: 'A' },
          { id: '1', name: 'B' },
        ],
      }),
    ).rejects.toThrow(/listed twice/);
    await expect(sandboxAt({ accounts: [{ id: 'acme', name: 'A' }] })).rejects.toThrow(/not a number/);
  });
});
