// Tests the client's request budget against the sandbox's own 100 requests per rolling 15 s: bursts of 1,000
// note edits, one after another and all at once, over a network whose trips take varying time on the clock
// the client and the sandbox share. Harvest counts a request when it arrives, not when it was sent.
import { afterEach, describe, expect, it } from 'vitest';
import type { Sleep } from '../../electron/main/core/harvest/rate-limit';
import type { Fetch } from '../../electron/main/core/ports';
import { startSandbox, type Sandbox } from '../../electron/sandbox/server';
import { FakeClock } from '../fixtures/fake-clock';
import { testClient } from '../fixtures/harvest-client';

const TODAY = '2025-03-05';
const WINDOW_MS = 15_000;

const sandboxes: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(sandboxes.splice(0).map((s) => s.close()));
});

/**
 * A network on the shared fake clock: each request takes 5–60 ms to reach the sandbox (which counts it then)
 * and 5 ms for its answer to come back. The trips vary from request to request, as they do on a real line;
 * fixed by a seed so every run is the same. Trips under way move the clock one after another, as on one line.
 */
function slowNetwork(clock: FakeClock): { fetch: Fetch; sleep: Sleep } {
  let seed = 20250305;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  let underWay = 0;
  const settled: (() => void)[] = [];
  return {
    fetch: async (input, init) => {
      underWay++;
      try {
        clock.advance(5 + Math.floor(next() * 56));
        const response = await fetch(input, init);
        const body = await response.arrayBuffer();
        clock.advance(5);
        return new Response(body.byteLength === 0 ? null : body, {
          status: response.status,
          headers: response.headers,
        });
      } finally {
        if (--underWay === 0) for (const wake of settled.splice(0)) wake();
      }
    },
    // A timer: it fires at its time, and answers still on their way arrive meanwhile (jumping the clock at once
    // would hold them back until after the wait, which real time never does).
    sleep: async (ms) => {
      const at = clock.now().getTime() + ms;
      if (underWay > 0) await new Promise<void>((resolve) => settled.push(resolve));
      if (clock.now().getTime() < at) clock.set(new Date(at));
    },
  };
}

async function burst(edits: (edit: (i: number) => Promise<unknown>) => Promise<unknown>) {
  const clock = new FakeClock(`${TODAY}T10:00:00Z`);
  const sandbox = await startSandbox({ clock, rateLimit: { limit: 100, windowMs: WINDOW_MS } });
  sandboxes.push(sandbox);
  const { client } = testClient(
    { baseUrl: sandbox.url, token: sandbox.token, accountId: sandbox.accountId },
    clock,
    slowNetwork(clock),
  );
  const assignment = sandbox.admin.assignments()[0]!;
  const entry = await client.createTimeEntry({
    project_id: assignment.project.id,
    task_id: assignment.task_assignments[0]!.task.id,
    spent_date: TODAY,
    hours: 1,
  });
  const started = clock.now().getTime();
  await edits((i) => client.updateTimeEntry(entry.id, { notes: `edit ${i}` }));
  const log = sandbox.requestLog;
  const arrivals = log.map((r) => Date.parse(r.at));
  return {
    patches: log.filter((r) => r.method === 'PATCH').length,
    tooMany: log.filter((r) => r.status === 429).length,
    busiestWindow: Math.max(
      ...arrivals.map((t) => arrivals.filter((u) => u > t - WINDOW_MS && u <= t).length),
    ),
    seconds: (clock.now().getTime() - started) / 1000,
    notes: sandbox.admin.entries().find((e) => e.id === entry.id)?.notes,
  };
}

describe('the request budget against a sandbox that allows 100 requests per rolling 15 s', () => {
  it('1,000 note edits one after another draw no 429, and take about ten windows', async () => {
    const result = await burst(async (edit) => {
      for (let i = 0; i < 1000; i++) await edit(i);
    });
    expect(result).toMatchObject({ patches: 1000, tooMany: 0, notes: 'edit 999' });
    expect(result.busiestWindow).toBeLessThanOrEqual(100);
    // 1,001 requests need ten full windows after the first hundred; each window costs its slowest trips.
    expect(result.seconds).toBeGreaterThanOrEqual(10 * 15);
    expect(result.seconds).toBeLessThan(10 * 15 + 20);
  });

  it('1,000 note edits sent all at once draw no 429 either: a request in flight holds its slot', async () => {
    const result = await burst((edit) => Promise.all(Array.from({ length: 1000 }, (_, i) => edit(i))));
    expect(result).toMatchObject({ patches: 1000, tooMany: 0 });
    expect(result.busiestWindow).toBeLessThanOrEqual(100);
  });
});
