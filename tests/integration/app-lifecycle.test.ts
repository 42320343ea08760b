// Disposing the app stops everything it started (the refresh, midnight, the cache save, the idle poll, the
// timesheet's retries, the background check-in): no timer of its is left, and afterwards it stays silent.
import { request } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Fetch } from '../../electron/main/core/ports';
import type { AppState, AssignmentOption } from '../../shared/state';
import { signedInApp, type Harness } from '../fixtures/signed-in-app';

let h: Harness | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await h?.close();
  h = undefined;
});

/**
 * Harvest over plain node:http: Node's own fetch keeps its sockets' timers on the global setTimeout, which
 * vi.getTimerCount() would count as the app's. This one has none, so every timer counted is the app's own.
 */
const httpFetch: Fetch = (input, init) =>
  new Promise((resolve, reject) => {
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const req = request(
      input,
      { method: init?.method ?? 'GET', headers, signal: init?.signal ?? undefined, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const status = res.statusCode ?? 500;
          const body = status === 204 || status === 304 ? null : Buffer.concat(chunks);
          const answer = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            for (const one of [value ?? []].flat()) answer.append(name, one);
          }
          resolve(new Response(body, { status, headers: answer }));
        });
      },
    );
    req.on('error', reject);
    req.end(typeof init?.body === 'string' ? init.body : undefined);
  });

/** Timers faked from here on (time still passes as it really does), so vi.getTimerCount() sees every one. */
function countTimers(): void {
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'],
    shouldAdvanceTime: true,
  });
}

function option(): AssignmentOption {
  return (h!.app.commands.listAssignments(undefined) as AssignmentOption[])[0]!;
}

describe('disposing the app', () => {
  it('leaves no timer running: not the refresh, midnight, the cache save or the idle poll', async () => {
    countTimers();
    h = await signedInApp({ app: { fetch: httpFetch } });
    // A started app (the idle poll), back from its cache and confirmed by Harvest (refresh and midnight).
    const app = await h.restart();
    await vi.waitFor(() => expect(h!.takeRequests()).toContain('GET /v2/users/me'));
    await app.commands.startTimer({ projectId: option().projectId, taskId: option().taskId, notes: 'x' });
    await app.whenSynced();
    expect(vi.getTimerCount()).toBeGreaterThanOrEqual(3);
    await app.dispose();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('offline, with changes waiting and the check-in retrying, stops them all and stays silent after', async () => {
    countTimers();
    h = await signedInApp({ app: { fetch: httpFetch, retryDelayMs: 20 } });
    h.sandbox.faults.outage = true;
    const app = await h.restart();
    expect(app.getState().session.status).toBe('signed_in');
    await app.commands.startTimer({ projectId: option().projectId, taskId: option().taskId, notes: 'y' });
    const seen: AppState[] = [];
    app.subscribe((state) => seen.push(state));
    await vi.advanceTimersByTimeAsync(200);
    expect(vi.getTimerCount()).toBeGreaterThan(0);

    await app.dispose({ waitForSyncMs: 0 });
    // A request on its way may still end its short back-off, whenever its real socket answers (later on a busy
    // machine); then nothing is left to run.
    for (let i = 0; i < 50 && vi.getTimerCount() > 0; i++) await vi.advanceTimersByTimeAsync(100);
    expect(vi.getTimerCount()).toBe(0);

    const requests = h.sandbox.requestLog.length;
    const pushed = seen.length;
    h.sandbox.faults.outage = false;
    // Past the retries' minute, two refreshes and a midnight.
    h.clock.advance(25 * 60 * 60_000);
    await vi.advanceTimersByTimeAsync(25 * 60 * 60_000);
    expect(h.sandbox.requestLog.slice(requests)).toEqual([]);
    expect(seen.length).toBe(pushed);
  });
});
