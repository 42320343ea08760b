// Tests the Harvest client's rate limits over real loopback HTTP against a scripted server: waiting out a 429,
// and the client-side request budget that keeps it from getting one.
import { describe, expect, it } from 'vitest';
import { RateLimitedError } from '../../electron/main/core/harvest/errors';
import { EDGE_MARGIN_MS } from '../../electron/main/core/harvest/rate-limit';
import { harness, rejection, timeEntry, user } from '../fixtures/scripted-harvest';

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
