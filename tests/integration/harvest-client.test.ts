// Tests the Harvest client over real loopback HTTP against a scripted server: headers, errors, retries, paging, budgets.
import { afterEach, describe, expect, it } from 'vitest';
import { harvestConfigFromEnv, type HarvestClientConfig } from '../../electron/main/core/harvest/client';
import {
  BadResponseError,
  ForbiddenError,
  HarvestError,
  NetworkError,
  NotFoundError,
  OutcomeUnknownError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  UnauthorizedError,
  ValidationError,
} from '../../electron/main/core/harvest/errors';
import { EDGE_MARGIN_MS } from '../../electron/main/core/harvest/rate-limit';
import { FakeClock } from '../fixtures/fake-clock';
import { testClient, type TestClient } from '../fixtures/harvest-client';
import { startScriptedServer, type ScriptedServer } from '../fixtures/scripted-server';

const TOKEN = '2201234.pt.SuperSecretToken_abcdef';
const ACCOUNT_ID = '424242';

const user = { id: 1782959, first_name: 'Kim', last_name: 'Allen', email: 'kim@example.com' };

function timeEntry(id: number, extra: Record<string, unknown> = {}) {
  return {
    id,
    spent_date: '2025-03-04',
    user: { id: 1782959, name: 'Kim Allen' },
    client: { id: 5735776, name: '123 Industries', currency: 'EUR' },
    project: { id: 14307913, name: 'Marketing Website', code: null },
    task: { id: 8083365, name: 'Graphic Design' },
    user_assignment: null,
    task_assignment: null,
    external_reference: null,
    invoice: null,
    hours: 1.5,
    notes: null,
    is_locked: false,
    locked_reason: null,
    is_closed: false,
    is_billed: false,
    timer_started_at: null,
    started_time: null,
    ended_time: null,
    is_running: false,
    billable: true,
    budgeted: true,
    billable_rate: null,
    cost_rate: null,
    created_at: '2025-03-04T09:00:00Z',
    updated_at: '2025-03-04T09:00:00Z',
    ...extra,
  };
}

function assignment(id: number, isActive: boolean, tasks: { id: number; active: boolean }[]) {
  return {
    id,
    is_active: isActive,
    project: { id: id + 100, name: `Project ${id}`, code: null },
    client: { id: 9, name: 'Client' },
    hourly_rate: null,
    task_assignments: tasks.map((t) => ({
      id: t.id,
      is_active: t.active,
      billable: true,
      hourly_rate: null,
      task: { id: t.id + 1000, name: `Task ${t.id}` },
    })),
  };
}

interface Harness extends TestClient {
  server: ScriptedServer;
  clock: FakeClock;
}

const servers: ScriptedServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function harness(overrides: Partial<HarvestClientConfig> = {}): Promise<Harness> {
  const server = await startScriptedServer();
  servers.push(server);
  const clock = new FakeClock('2025-03-04T10:00:00Z');
  const env = harvestConfigFromEnv({
    HARVEST_API_URL: server.baseUrl,
    HARVEST_ACCESS_TOKEN: TOKEN,
    HARVEST_ACCOUNT_ID: ACCOUNT_ID,
  });
  const { client, sleeps } = testClient(
    { baseUrl: env.baseUrl, token: env.token!, accountId: env.accountId! },
    clock,
    overrides,
  );
  return { client, server, clock, sleeps };
}

async function rejection(promise: Promise<unknown>): Promise<HarvestError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HarvestError);
  expect((error as Error).message).not.toContain(TOKEN);
  return error as HarvestError;
}

describe('headers and credentials', () => {
  it('sends the token, account id and user agent read from the environment on every request', async () => {
    const { client, server } = await harness();
    server.script({ status: 200, body: user }, { status: 201, body: timeEntry(7) });

    await expect(client.getMe()).resolves.toMatchObject({ id: user.id, email: user.email });
    await client.createTimeEntry({ project_id: 1, task_id: 2, spent_date: '2025-03-04', hours: 1.5 });

    const [get, post] = server.requests;
    expect(get).toMatchObject({ method: 'GET', url: '/v2/users/me' });
    expect(get!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(get!.headers['harvest-account-id']).toBe(ACCOUNT_ID);
    expect(get!.headers['user-agent']).toBe('Sheaf (https://github.com/sheaf-app/sheaf)');
    expect(get!.headers.accept).toBe('application/json');
    expect(get!.headers['content-type']).toBeUndefined();
    expect(post).toMatchObject({ method: 'POST', url: '/v2/time_entries' });
    expect(post!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(post!.body)).toEqual({
      project_id: 1,
      task_id: 2,
      spent_date: '2025-03-04',
      hours: 1.5,
    });
  });

  it('reads the X-Rate-Limit headers into rateLimit', async () => {
    const { client, server } = await harness();
    server.script({
      status: 200,
      body: user,
      headers: { 'X-Rate-Limit-Limit': '100', 'X-Rate-Limit-Remaining': '42', 'X-Rate-Limit-Reset': '9' },
    });
    await client.getMe();
    expect(client.rateLimit).toEqual({ limit: 100, remaining: 42, resetSeconds: 9 });
  });

  it('defaults to the real API and treats blank environment values as unset', () => {
    expect(harvestConfigFromEnv({ HARVEST_ACCESS_TOKEN: ' ', HARVEST_ACCOUNT_ID: '' })).toEqual({
      baseUrl: 'https://api.harvestapp.com/v2',
      token: undefined,
      accountId: undefined,
    });
    expect(harvestConfigFromEnv({ HARVEST_API_URL: 'http://127.0.0.1:9/v2/' }).baseUrl).toBe(
      'http://127.0.0.1:9/v2',
    );
  });
});

describe('error answers, as the real API sends them', () => {
  it('maps 401, 403, 404 and 422 to typed errors without retrying', async () => {
    const { client, server } = await harness();
    server.script(
      {
        status: 401,
        headers: { 'WWW-Authenticate': 'Bearer realm="Harvest"' },
        body: {
          error: 'invalid_token',
          error_description:
            'The access token provided is expired, revoked, malformed or invalid for other reasons.',
        },
      },
      { status: 403, body: { message: 'Not authorized!' } },
      { status: 404, body: { status: 404, error: 'Not Found' } },
      { status: 422, body: { message: "Project can't be blank, Task can't be blank" } },
    );

    expect(await rejection(client.getMe())).toBeInstanceOf(UnauthorizedError);
    expect(await rejection(client.getCompany())).toBeInstanceOf(ForbiddenError);
    expect(await rejection(client.getTimeEntry(99))).toBeInstanceOf(NotFoundError);
    const invalid = await rejection(
      client.createTimeEntry({ project_id: 0, task_id: 0, spent_date: '2025-03-04' }),
    );
    expect(invalid).toBeInstanceOf(ValidationError);
    expect(invalid.message).toBe("Project can't be blank, Task can't be blank");
    expect(invalid.status).toBe(422);
    expect(server.requests).toHaveLength(4);
  });

  it('takes error_description, else error, from a 400, and survives an HTML 404 page', async () => {
    const { client, server } = await harness();
    server.script(
      { status: 400, body: { error: 'invalid_request', error_description: 'from must be a date' } },
      { status: 400, body: { error: 'bad_thing' } },
      { status: 404, headers: { 'Content-Type': 'text/html' }, body: '<html><body>Not Found</body></html>' },
      { status: 400, body: '' },
    );
    expect((await rejection(client.listTimeEntries())).message).toBe('from must be a date');
    expect((await rejection(client.listTimeEntries())).message).toBe('bad_thing');
    expect(await rejection(client.getTimeEntry(1))).toBeInstanceOf(NotFoundError);
    const empty = await rejection(client.getTimeEntry(1));
    expect(empty).toBeInstanceOf(ValidationError);
    expect(empty.message).toContain('HTTP 400');
  });

  it('never repeats the token, even when Harvest echoes it back', async () => {
    const { client, server } = await harness();
    server.script({ status: 422, body: { message: `Token ${TOKEN} is not allowed here` } });
    const error = await rejection(client.updateTimeEntry(5, { notes: 'x' }));
    expect(error.message).toBe('Token [token] is not allowed here');
  });

  it('retries a GET on 5xx and gives up with ServerError after maxRetries', async () => {
    const { client, server, sleeps } = await harness({ maxRetries: 2 });
    server.script(
      { status: 500, body: '' },
      { status: 502, body: '<html>Bad gateway</html>' },
      { status: 503 },
    );
    const error = await rejection(client.getMe());
    expect(error).toBeInstanceOf(ServerError);
    expect(error.status).toBe(503);
    expect(server.requests).toHaveLength(3);
    // Full jitter with random() = 0.5: half of 500 ms, then half of 1000 ms.
    expect(sleeps).toEqual([250, 500]);
  });

  it('answers a 200 that does not match the schema with BadResponseError naming the field', async () => {
    const { client, server } = await harness();
    server.script(
      { status: 200, body: timeEntry(3, { hours: 'two' }) },
      { status: 200, headers: { 'Content-Type': 'text/html' }, body: '<html>maintenance</html>' },
      { status: 200, body: { time_entries: 'none' } },
    );
    const wrongType = await rejection(client.getTimeEntry(3));
    expect(wrongType).toBeInstanceOf(BadResponseError);
    expect(wrongType.message).toContain('hours');
    expect(await rejection(client.getTimeEntry(3))).toBeInstanceOf(BadResponseError);
    expect(await rejection(client.listTimeEntries())).toBeInstanceOf(BadResponseError);
  });
});

describe('429: too many requests', () => {
  it('waits Retry-After seconds and repeats the request', async () => {
    const { client, server, sleeps } = await harness();
    server.script({ status: 429, headers: { 'Retry-After': '7' }, body: '' }, { status: 200, body: user });
    await expect(client.getMe()).resolves.toMatchObject({ id: user.id });
    expect(sleeps).toEqual([7000]);
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /v2/users/me',
      'GET /v2/users/me',
    ]);
  });

  it('repeats a POST after a 429, because a 429 means Harvest did not process it', async () => {
    const { client, server, sleeps } = await harness();
    server.script({ status: 429, headers: { 'Retry-After': '2' } }, { status: 201, body: timeEntry(11) });
    await expect(
      client.createTimeEntry({ project_id: 1, task_id: 2, spent_date: '2025-03-04' }),
    ).resolves.toMatchObject({ id: 11 });
    expect(sleeps).toEqual([2000]);
    expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
  });

  it('backs off on its own (15 s, then doubling) when the 429 is an empty HTML page with no Retry-After', async () => {
    const { client, server, sleeps } = await harness();
    const bare429 = { status: 429, headers: { 'Content-Type': 'text/html' }, body: '' };
    server.script(bare429, bare429, bare429, bare429, bare429);
    const error = await rejection(client.stopTimeEntry(4));
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(sleeps).toEqual([15_000, 30_000, 60_000, 120_000]);
    expect(server.requests).toHaveLength(5);
  });

  it("waits what a JSON body's retry_after says when there is no Retry-After header", async () => {
    const { client, server, sleeps } = await harness();
    server.script(
      { status: 429, body: { message: 'Too many requests', retry_after: 4 } },
      { status: 200, body: user },
    );
    await expect(client.getMe()).resolves.toMatchObject({ id: user.id });
    expect(sleeps).toEqual([4000]);
  });
});

describe('timeouts and dropped connections', () => {
  it('times out a request that never gets an answer', async () => {
    const { client, server } = await harness({ timeoutMs: 200, maxRetries: 0 });
    server.script('hang');
    expect(await rejection(client.getMe())).toBeInstanceOf(TimeoutError);
  });

  it('retries a GET after a timeout, a 503 and a reset connection', async () => {
    // Long enough that the answers after the hang arrive in time on a busy machine.
    const { client, server } = await harness({ timeoutMs: 1_000 });
    server.script('hang', { status: 503 }, 'reset', { status: 200, body: user });
    await expect(client.getMe()).resolves.toMatchObject({ id: user.id });
    expect(server.requests).toHaveLength(4);
  });

  it('gives up a GET on a connection that keeps resetting with NetworkError', async () => {
    const { client, server } = await harness({ maxRetries: 1 });
    server.script('reset', 'reset');
    expect(await rejection(client.getMe())).toBeInstanceOf(NetworkError);
    expect(server.requests).toHaveLength(2);
  });

  it('never sends a POST twice once it may have reached Harvest: reset, timeout or 5xx', async () => {
    const { client, server } = await harness({ timeoutMs: 1_000 });
    const body = { project_id: 1, task_id: 2, spent_date: '2025-03-04' };
    server.script('reset');
    expect(await rejection(client.createTimeEntry(body))).toBeInstanceOf(OutcomeUnknownError);
    expect(server.requests).toHaveLength(1);

    server.script('hang');
    const timedOut = await rejection(client.createTimeEntry(body));
    expect(timedOut).toBeInstanceOf(OutcomeUnknownError);
    expect(timedOut.cause).toBeInstanceOf(TimeoutError);
    expect(server.requests).toHaveLength(2);

    server.script({ status: 500 });
    const failed = await rejection(client.createTimeEntry(body));
    expect(failed).toBeInstanceOf(OutcomeUnknownError);
    expect(failed.cause).toBeInstanceOf(ServerError);
    expect(server.requests).toHaveLength(3);
  });

  it('never repeats a restart that may have landed (a timestamp account makes a new entry each time)', async () => {
    const { client, server } = await harness();
    server.script('reset');
    expect(await rejection(client.restartTimeEntry(8))).toBeInstanceOf(OutcomeUnknownError);
    expect(server.requests).toHaveLength(1);
  });

  it('sends a POST again when the connection was refused, so nothing reached the server', async () => {
    const probe = await startScriptedServer();
    const port = probe.port;
    await probe.close();
    let late: ScriptedServer | undefined;
    const { client, sleeps } = await harness({
      baseUrl: `http://127.0.0.1:${port}/v2`,
      sleep: async (ms) => {
        sleeps.push(ms);
        // Harvest "comes back" while the client waits to retry.
        if (late === undefined) {
          late = await startScriptedServer({ port, answers: [{ status: 201, body: timeEntry(21) }] });
          servers.push(late);
        }
      },
    });
    await expect(
      client.createTimeEntry({ project_id: 1, task_id: 2, spent_date: '2025-03-04' }),
    ).resolves.toMatchObject({ id: 21 });
    expect(sleeps).toHaveLength(1);
    expect(late!.requests.map((r) => r.method)).toEqual(['POST']);
  });

  it('reports NetworkError, not an unknown outcome, for a POST that was refused every time', async () => {
    const probe = await startScriptedServer();
    await probe.close();
    const { client } = await harness({ baseUrl: `${probe.baseUrl}`, maxRetries: 2 });
    const error = await rejection(
      client.createTimeEntry({ project_id: 1, task_id: 2, spent_date: '2025-03-04' }),
    );
    expect(error).toBeInstanceOf(NetworkError);
  });
});

describe('repeats that meet their own earlier success', () => {
  it('treats a 404 on a repeated DELETE as deleted', async () => {
    const { client, server } = await harness();
    server.script('reset', { status: 404, body: { status: 404, error: 'Not Found' } });
    await expect(client.deleteTimeEntry(12)).resolves.toBeUndefined();
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'DELETE /v2/time_entries/12',
      'DELETE /v2/time_entries/12',
    ]);
  });

  it('still reports a 404 on a first DELETE', async () => {
    const { client, server } = await harness();
    server.script({ status: 404, body: { status: 404, error: 'Not Found' } });
    expect(await rejection(client.deleteTimeEntry(12))).toBeInstanceOf(NotFoundError);
  });

  it('answers a repeated stop that meets "not running" with the entry Harvest now has', async () => {
    const { client, server } = await harness();
    server.script(
      'reset',
      { status: 422, body: { message: 'Time entry is not running' } },
      { status: 200, body: timeEntry(13, { is_running: false, hours: 0.75 }) },
    );
    await expect(client.stopTimeEntry(13)).resolves.toMatchObject({ id: 13, is_running: false, hours: 0.75 });
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'PATCH /v2/time_entries/13/stop',
      'PATCH /v2/time_entries/13/stop',
      'GET /v2/time_entries/13',
    ]);
  });
});

describe('lists and pagination', () => {
  it('follows links.next exactly as given, extra params included, over three pages', async () => {
    const { client, server } = await harness();
    const link = (page: number) =>
      `${server.baseUrl}/time_entries?page=${page}&per_page=2&ref=first&user_id=5`;
    server.script(
      {
        status: 200,
        body: { time_entries: [timeEntry(1), timeEntry(2)], next_page: 2, links: { next: link(2) } },
      },
      {
        status: 200,
        body: { time_entries: [timeEntry(3), timeEntry(4)], next_page: 3, links: { next: link(3) } },
      },
      { status: 200, body: { time_entries: [timeEntry(5)], next_page: null, links: { next: null } } },
    );
    const entries = await client.listTimeEntries({
      user_id: 5,
      from: '2025-03-01',
      to: '2025-03-07',
      is_running: false,
    });
    expect(entries.map((e) => e.id)).toEqual([1, 2, 3, 4, 5]);
    const first = new URL(server.requests[0]!.url, server.origin);
    expect(first.pathname).toBe('/v2/time_entries');
    expect(Object.fromEntries(first.searchParams)).toEqual({
      user_id: '5',
      from: '2025-03-01',
      to: '2025-03-07',
      is_running: 'false',
      per_page: '2000',
    });
    expect(server.requests.slice(1).map((r) => r.url)).toEqual([
      '/v2/time_entries?page=2&per_page=2&ref=first&user_id=5',
      '/v2/time_entries?page=3&per_page=2&ref=first&user_id=5',
    ]);
  });

  it('keeps going when a server caps pages at 100', async () => {
    const { client, server } = await harness();
    const ids = Array.from({ length: 250 }, (_, i) => i + 1);
    server.script(
      ...[0, 1, 2].map((p) => ({
        status: 200,
        body: {
          per_page: 100,
          time_entries: ids.slice(p * 100, p * 100 + 100).map((id) => timeEntry(id)),
          links: { next: p < 2 ? `${server.baseUrl}/time_entries?page=${p + 2}&per_page=100` : null },
        },
      })),
    );
    expect((await client.listTimeEntries()).map((e) => e.id)).toEqual(ids);
  });

  it('follows cursor pages whose page numbers are null between the first and the last', async () => {
    const { client, server } = await harness();
    // Harvest's cursor pagination: page, next_page and previous_page are null on the middle pages.
    const envelope = (page: number | null, next: string | null) => ({
      per_page: 1,
      total_pages: null,
      total_entries: null,
      page,
      next_page: null,
      previous_page: null,
      links: { first: null, next, previous: null, last: null },
    });
    server.script(
      {
        status: 200,
        body: {
          project_assignments: [],
          ...envelope(1, `${server.baseUrl}/users/me/project_assignments?cursor=b2Zmc2V0OjE&per_page=1`),
        },
      },
      {
        status: 200,
        body: {
          project_assignments: [],
          ...envelope(null, `${server.baseUrl}/users/me/project_assignments?cursor=b2Zmc2V0OjI&per_page=1`),
        },
      },
      { status: 200, body: { project_assignments: [], ...envelope(null, null) } },
    );
    await client.listMyProjectAssignments();
    expect(server.requests.map((r) => new URL(r.url, server.origin).searchParams.get('cursor'))).toEqual([
      null,
      'b2Zmc2V0OjE',
      'b2Zmc2V0OjI',
    ]);
  });

  it('builds no page URL from next_page: without links.next the list ends', async () => {
    const { client, server } = await harness();
    server.script({ status: 200, body: { time_entries: [timeEntry(1)], next_page: 2 } });
    expect((await client.listTimeEntries()).map((e) => e.id)).toEqual([1]);
    expect(server.requests).toHaveLength(1);
  });

  it('never asks for more than 2000 per page (Harvest answers 422 rather than capping)', async () => {
    const { client, server } = await harness();
    server.script({ status: 200, body: { time_entries: [], links: { next: null } } });
    await client.listTimeEntries({ per_page: 5000 });
    expect(new URL(server.requests[0]!.url, server.origin).searchParams.get('per_page')).toBe('2000');
  });

  it('stops a server that sends the same next link again', async () => {
    const { client, server } = await harness();
    const loop = `${server.baseUrl}/time_entries?page=2`;
    server.script(
      { status: 200, body: { time_entries: [timeEntry(1)], links: { next: loop } } },
      { status: 200, body: { time_entries: [timeEntry(2)], links: { next: loop } } },
    );
    expect(await rejection(client.listTimeEntries())).toBeInstanceOf(BadResponseError);
    expect(server.requests).toHaveLength(2);
  });

  it('stops after 1000 pages of a server that never ends', async () => {
    let page = 1;
    const endless = await startScriptedServer({
      fallback: (_request, origin) => ({
        status: 200,
        body: { time_entries: [], links: { next: `${origin}/v2/time_entries?page=${++page}` } },
      }),
    });
    servers.push(endless);
    const { client } = await harness({ baseUrl: endless.baseUrl });
    const error = await rejection(client.listTimeEntries());
    expect(error).toBeInstanceOf(BadResponseError);
    expect(error.message).toContain('1000 pages');
    expect(endless.requests).toHaveLength(1000);
  }, 60_000);

  it('refuses to send the token to a next link on another host', async () => {
    const { client, server } = await harness();
    server.script({
      status: 200,
      body: { time_entries: [timeEntry(1)], links: { next: 'http://127.0.0.2:1/v2/time_entries?page=2' } },
    });
    const error = await rejection(client.listTimeEntries());
    expect(error).toBeInstanceOf(BadResponseError);
    expect(error.message).toContain('another host');
  });

  it('returns only active assignments with their active tasks, over every page', async () => {
    const { client, server } = await harness();
    server.script(
      {
        status: 200,
        body: {
          project_assignments: [
            assignment(1, true, [
              { id: 11, active: true },
              { id: 12, active: false },
            ]),
            assignment(2, false, [{ id: 21, active: true }]),
          ],
          links: { next: `${server.baseUrl}/users/me/project_assignments?page=2&per_page=2000` },
        },
      },
      {
        status: 200,
        body: {
          project_assignments: [
            assignment(3, true, [{ id: 31, active: false }]),
            assignment(4, true, [{ id: 41, active: true }]),
          ],
          links: { next: null },
        },
      },
    );
    const assignments = await client.listMyProjectAssignments();
    expect(assignments.map((a) => [a.id, a.task_assignments.map((t) => t.id)])).toEqual([
      [1, [11]],
      [4, [41]],
    ]);
    expect(server.requests[0]!.url).toBe('/v2/users/me/project_assignments?per_page=2000');
  });

  it('asks for time reports page by page and checks the window before spending a report request', async () => {
    const { client, server } = await harness();
    server.script(
      {
        status: 200,
        body: {
          results: [
            {
              project_id: 1,
              project_name: 'P',
              client_id: 2,
              client_name: 'C',
              total_hours: 3,
              billable_hours: 2,
            },
          ],
          links: { next: null },
        },
      },
      {
        status: 200,
        body: {
          results: [{ client_id: 2, client_name: 'C', total_hours: 3, billable_hours: 2, currency: null }],
          links: { next: null },
        },
      },
    );
    await expect(client.projectTimeReport('2025-01-01', '2025-12-31')).resolves.toHaveLength(1);
    await expect(client.clientTimeReport('2024-01-01', '2024-12-31')).resolves.toHaveLength(1);
    expect(server.requests.map((r) => r.url)).toEqual([
      '/v2/reports/time/projects?from=2025-01-01&to=2025-12-31&per_page=2000',
      '/v2/reports/time/clients?from=2024-01-01&to=2024-12-31&per_page=2000',
    ]);

    expect(await rejection(client.projectTimeReport('2024-01-01', '2025-01-01'))).toBeInstanceOf(
      ValidationError,
    );
    expect(await rejection(client.clientTimeReport('2025-02-01', '2025-01-01'))).toBeInstanceOf(
      ValidationError,
    );
    expect(await rejection(client.clientTimeReport('2025-1-1', '2025-01-02'))).toBeInstanceOf(
      ValidationError,
    );
    expect(server.requests).toHaveLength(2);
  });

  it('sends every time entry call to its documented path and method', async () => {
    const { client, server } = await harness();
    const entry = { status: 200, body: timeEntry(30) };
    server.script(entry, entry, entry, entry, entry, { status: 200, body: '' });
    await client.getTimeEntry(30);
    await client.createTimeEntry({
      project_id: 1,
      task_id: 2,
      spent_date: '2025-03-04',
      started_time: '8:00am',
    });
    await client.updateTimeEntry(30, { notes: 'Kickoff', hours: 2 });
    await client.stopTimeEntry(30);
    await client.restartTimeEntry(30);
    await client.deleteTimeEntry(30);
    expect(server.requests.map((r) => `${r.method} ${r.url} ${r.body}`)).toEqual([
      'GET /v2/time_entries/30 ',
      'POST /v2/time_entries {"project_id":1,"task_id":2,"spent_date":"2025-03-04","started_time":"8:00am"}',
      'PATCH /v2/time_entries/30 {"notes":"Kickoff","hours":2}',
      'PATCH /v2/time_entries/30/stop ',
      'PATCH /v2/time_entries/30/restart ',
      'DELETE /v2/time_entries/30 ',
    ]);
  });
});

describe('client-side request budget', () => {
  it('makes the 101st request in a 15 s window wait for a slot instead of failing', async () => {
    const { client, server, sleeps } = await harness();
    const pending = Array.from({ length: 101 }, () => client.getMe());
    server.script(...Array.from({ length: 101 }, () => ({ status: 200, body: user })));
    await Promise.all(pending);
    expect(sleeps).toEqual([15_000 + EDGE_MARGIN_MS]);
    expect(server.requests).toHaveLength(101);
  });

  it('gives reports their own budget of 100 per 15 minutes', async () => {
    const { client, server, sleeps } = await harness();
    const report = { status: 200, body: { results: [], links: { next: null } } };
    server.script(...Array.from({ length: 101 }, () => report));
    // One after another: the fake sleep moves the clock at once, which concurrent callers would all observe.
    for (let i = 0; i < 101; i++) await client.clientTimeReport('2025-01-01', '2025-01-31');
    expect(sleeps).toEqual([15 * 60_000 + EDGE_MARGIN_MS]);
    expect(server.requests).toHaveLength(101);
  });
});
