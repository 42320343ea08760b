// Tests the Harvest client's requests over real loopback HTTP against a scripted server: headers, credentials,
// every documented path, and lists followed page by page.
import { describe, expect, it } from 'vitest';
import { harvestConfigFromEnv } from '../../electron/main/core/harvest/client';
import { BadResponseError, ValidationError } from '../../electron/main/core/harvest/errors';
import {
  ACCOUNT_ID,
  assignment,
  harness,
  rejection,
  startServer,
  timeEntry,
  TOKEN,
  user,
} from '../fixtures/scripted-harvest';

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
    const endless = await startServer({
      fallback: (_request, origin) => ({
        status: 200,
        body: { time_entries: [], links: { next: `${origin}/v2/time_entries?page=${++page}` } },
      }),
    });
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
