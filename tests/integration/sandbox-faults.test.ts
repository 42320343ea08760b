// The sandbox's knobs for bad days: the rate limit, injected 5xx/429s, dropped and hung connections, outages,
// latency, and a handler that throws. Each must behave as described and leave the server serving.
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../electron/main/core/ports';
import { TODAY, sandboxAt } from '../fixtures/harvest/sandbox-harness';

const networkError = (promise: Promise<unknown>) => expect(promise).rejects.toThrow(/fetch failed/);

describe('rate limit', () => {
  it('allows `limit` requests per rolling window on the sandbox clock, then a bare 429 like Harvest’s', async () => {
    const { call, clock } = await sandboxAt({ rateLimit: { limit: 3, windowMs: 15_000 } });
    const first = await call('GET', '/users/me');
    // Harvest's recorded responses carry no X-Rate-Limit-* headers.
    expect([...first.headers.keys()].filter((h) => h.startsWith('x-rate-limit'))).toEqual([]);
    clock.advance(5_000);
    await call('GET', '/users/me');
    await call('GET', '/company');

    const limited = await call('GET', '/users/me');
    expect(limited.status).toBe(429);
    expect(limited.text).toBe('');
    expect(limited.headers.get('content-type')).toContain('text/html');
    expect(limited.headers.get('retry-after')).toBeNull();
    expect([...limited.headers.keys()].filter((h) => h.startsWith('x-rate-limit'))).toEqual([]);

    // The first request leaves the window 15 s after it was made; the other two are still in it.
    clock.advance(10_000);
    expect((await call('GET', '/users/me')).status).toBe(200);
    expect((await call('GET', '/users/me')).status).toBe(429);
  });

  it('sends Retry-After only when a test turns omitRetryAfter off', async () => {
    const { call, sandbox } = await sandboxAt({ rateLimit: { limit: 1, windowMs: 15_000 } });
    expect(sandbox.faults.omitRetryAfter).toBe(true);
    await call('GET', '/users/me');
    expect((await call('GET', '/users/me')).headers.get('retry-after')).toBeNull();
    sandbox.faults.omitRetryAfter = false;
    sandbox.faults.retryAfterSeconds = 9;
    const limited = await call('GET', '/users/me');
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '9']);
  });

  it('gives the Reports API its own budget of 100 requests per 15 minutes, on top of the general one', async () => {
    const { call, clock } = await sandboxAt();
    const report = () => call('GET', '/reports/time/projects?from=20250301&to=20250305');
    // Spread over 5 minutes so the general 100 per 15 s never binds.
    for (let i = 0; i < 100; i++) {
      expect((await report()).status).toBe(200);
      clock.advance(3_000);
    }
    const limited = await report();
    expect([limited.status, limited.text, limited.headers.get('retry-after')]).toEqual([429, '', null]);
    // Other routes still answer: only the Reports budget is spent.
    expect((await call('GET', '/users/me')).status).toBe(200);
    // The first report leaves the 15-minute window; one more fits.
    clock.advance(15 * 60_000 - 300_000 + 1);
    expect((await report()).status).toBe(200);
    expect((await report()).status).toBe(429);
  });

  it('counts a report against the general budget too, and can do without a Reports budget', async () => {
    const { call } = await sandboxAt({
      rateLimit: { limit: 2, windowMs: 15_000 },
      reportsRateLimit: false,
    });
    expect((await call('GET', '/reports/time/clients?from=20250301&to=20250305')).status).toBe(200);
    expect((await call('GET', '/reports/time/clients?from=20250301&to=20250305')).status).toBe(200);
    expect((await call('GET', '/users/me')).status).toBe(429);
  });
});

describe('injected faults', () => {
  it('answers 500, 503 and 429 for the matching requests only, `count` times', async () => {
    const { call, sandbox } = await sandboxAt();
    sandbox.faults.add({ kind: 500, method: 'GET', path: /\/company$/ });
    sandbox.faults.add({ kind: 503, count: 2, path: /\/users\/me$/ });
    sandbox.faults.omitRetryAfter = false;
    sandbox.faults.retryAfterSeconds = 7;
    sandbox.faults.add({ kind: 429, method: 'POST' });

    expect((await call('GET', '/users/me/project_assignments')).status).toBe(200);
    expect((await call('GET', '/company')).status).toBe(500);
    expect((await call('GET', '/company')).status).toBe(200);
    expect((await call('GET', '/users/me')).status).toBe(503);
    expect((await call('GET', '/users/me')).status).toBe(503);
    expect((await call('GET', '/users/me')).status).toBe(200);
    const limited = await call('POST', '/time_entries', { body: {} });
    expect([limited.status, limited.headers.get('retry-after'), limited.text]).toEqual([429, '7', '']);
    expect(sandbox.requestLog.map((r) => r.status)).toEqual([200, 500, 200, 503, 503, 200, 429]);
  });

  it('drop-before loses the request; drop-after applies it and loses the answer', async () => {
    const { call, sandbox, trackable } = await sandboxAt({ seed: 'empty' });
    const create = () =>
      call('POST', '/time_entries', { body: { ...trackable(), spent_date: TODAY, hours: 1 } });

    sandbox.faults.add({ kind: 'drop-before', method: 'POST' });
    await networkError(create());
    expect(sandbox.admin.entries()).toHaveLength(0);

    sandbox.faults.add({ kind: 'drop-after', method: 'POST' });
    await networkError(create());
    expect(sandbox.admin.entries()).toHaveLength(1);

    expect((await create()).status).toBe(201);
    expect(sandbox.requestLog.map((r) => [r.method, r.status])).toEqual([
      ['POST', 0],
      ['POST', 0],
      ['POST', 201],
    ]);
    expect(sandbox.requestLog[0]!.body).toMatchObject({ hours: 1, spent_date: TODAY });
  });

  it('hangs a request until the client gives up, and still closes promptly', async () => {
    const { call, sandbox } = await sandboxAt();
    sandbox.faults.add({ kind: 'hang', path: /\/users\/me$/ });
    const hung = fetch(`${sandbox.url}/users/me`, {
      headers: { Authorization: `Bearer ${sandbox.token}`, 'Harvest-Account-Id': sandbox.accountId },
      signal: AbortSignal.timeout(300),
    });
    await expect(hung).rejects.toThrow(/abort|timeout/i);
    expect((await call('GET', '/users/me')).status).toBe(200);
  });

  it('drops every connection during an outage, and recovers when it ends', async () => {
    const { call, sandbox } = await sandboxAt();
    sandbox.faults.outage = true;
    await networkError(call('GET', '/users/me'));
    sandbox.faults.clear();
    expect((await call('GET', '/users/me')).status).toBe(200);
  });

  it('adds latency before answering', async () => {
    const { call, sandbox } = await sandboxAt();
    sandbox.faults.latencyMs = 150;
    const started = performance.now();
    expect((await call('GET', '/users/me')).status).toBe(200);
    // A lower bound only: a busy machine may be slower, never faster.
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    sandbox.faults.clear();
    expect(sandbox.faults.latencyMs).toBe(0);
  });

  it('turns a handler exception into a 500 JSON body, logs it, and keeps serving', async () => {
    let broken = false;
    const clock: Clock = {
      now: () => {
        if (broken) throw new Error('clock fell off the wall');
        return new Date(2025, 2, 5, 10, 0);
      },
    };
    const lines: string[] = [];
    const { call } = await sandboxAt({ clock, log: (line) => lines.push(line) });
    broken = true;
    const res = await call('GET', '/time_entries');
    expect([res.status, res.json]).toEqual([500, { status: 500, error: 'Internal Server Error' }]);
    expect(lines.some((l) => l.includes('clock fell off the wall'))).toBe(true);
    broken = false;
    expect((await call('GET', '/time_entries')).status).toBe(200);
  });

  it('keeps a request log on the sandbox clock, and can reset it', async () => {
    const { call, sandbox, clock } = await sandboxAt();
    await call('GET', '/time_entries?page=2&per_page=1');
    expect(sandbox.requestLog).toEqual([
      {
        method: 'GET',
        path: '/v2/time_entries?page=2&per_page=1',
        status: 200,
        at: clock.now().toISOString(),
      },
    ]);
    sandbox.admin.resetRequestLog();
    expect(sandbox.requestLog).toEqual([]);
  });
});
