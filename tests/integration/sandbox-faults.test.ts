// The sandbox's knobs for bad days: the rate limit, injected 5xx/429s, dropped and hung connections, outages,
// latency, and a handler that throws. Each must behave as described and leave the server serving.
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../electron/main/core/ports';
import { TODAY, sandboxAt } from '../fixtures/harvest/sandbox-harness';

const networkError = (promise: Promise<unknown>) => expect(promise).rejects.toThrow(/fetch failed/);

describe('rate limit', () => {
  it('allows `limit` requests per rolling window on the sandbox clock, then 429 with Retry-After', async () => {
    const { call, clock } = await sandboxAt({ rateLimit: { limit: 3, windowMs: 15_000 } });
    const first = await call('GET', '/users/me');
    expect(first.headers.get('x-rate-limit-limit')).toBe('3');
    expect(first.headers.get('x-rate-limit-remaining')).toBe('2');
    expect(first.headers.get('x-rate-limit-reset')).toBe('15');
    clock.advance(5_000);
    await call('GET', '/users/me');
    await call('GET', '/company');

    const limited = await call('GET', '/users/me');
    expect(limited.status).toBe(429);
    expect(limited.text).toBe('');
    expect(limited.headers.get('content-type')).toContain('text/html');
    expect(limited.headers.get('retry-after')).toBe('15');
    expect(limited.headers.get('x-rate-limit-remaining')).toBe('0');
    expect(limited.headers.get('x-rate-limit-reset')).toBe('10');

    // The first request leaves the window 15 s after it was made; the other two are still in it.
    clock.advance(10_000);
    expect((await call('GET', '/users/me')).status).toBe(200);
    expect((await call('GET', '/users/me')).status).toBe(429);
  });

  it('sends 429s without Retry-After when asked to', async () => {
    const { call, sandbox } = await sandboxAt({ rateLimit: { limit: 1, windowMs: 15_000 } });
    sandbox.faults.omitRetryAfter = true;
    await call('GET', '/users/me');
    const limited = await call('GET', '/users/me');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeNull();
  });
});

describe('injected faults', () => {
  it('answers 500, 503 and 429 for the matching requests only, `count` times', async () => {
    const { call, sandbox } = await sandboxAt();
    sandbox.faults.add({ kind: 500, method: 'GET', path: /\/company$/ });
    sandbox.faults.add({ kind: 503, count: 2, path: /\/users\/me$/ });
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
