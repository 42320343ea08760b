// The sync line while Harvest can't be reached: it says "offline" once and keeps saying it through every retry,
// with when the next try is, until Harvest answers.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SyncStatus } from '../../shared/state';
import { offlineHelpers } from '../fixtures/offline-app';
import { signedInApp, type Harness } from '../fixtures/signed-in-app';

let h: Harness | undefined;
const { startOffline } = offlineHelpers(() => h!);

afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('the sync line offline', () => {
  it('stays "offline" through its retries, says when the next one is, and is up to date once Harvest answers', async () => {
    h = await signedInApp();
    h.sandbox.faults.outage = true;
    const seen: SyncStatus[] = [];
    h.app.subscribe((s) => seen.push(s.sync));
    await startOffline('while offline');
    await vi.waitFor(() => expect(h!.app.getState().sync).toMatchObject({ state: 'offline', pending: 1 }));
    const firstTry = h.app.getState().sync.retryAt;
    expect(firstTry).toEqual(expect.any(String));

    // Two more tries, both failing.
    seen.length = 0;
    let lastTry = firstTry;
    for (let i = 0; i < 2; i++) {
      h.clock.advanceMinutes(1);
      await vi.waitFor(() => expect(h!.app.getState().sync.retryAt).not.toBe(lastTry));
      lastTry = h.app.getState().sync.retryAt;
    }
    expect(seen.map((s) => s.state)).not.toContain('syncing');
    expect(Date.parse(h.app.getState().sync.retryAt!)).toBeGreaterThan(h.clock.now().getTime());

    h.sandbox.faults.outage = false;
    h.clock.advanceMinutes(2);
    await vi.waitFor(() =>
      expect(h!.app.getState().sync).toMatchObject({ state: 'idle', pending: 0, retryAt: null }),
    );
  });
});
