// Tests that a timer switch Harvest hears of late, though it was sent on time (its POST or restart held back by
// 429s and the client's waits), still ends the timer it replaced when the person switched, not when Harvest heard;
// also right after a crash, when the cache does not yet show the timer the crashed run had started.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SheafAppOptions } from '../../electron/main/core/app';
import { localDate } from '../../electron/main/core/base/dates';
import { accountDir } from '../../electron/main/core/storage/local-store';
import { offlineHelpers } from '../fixtures/offline-app';
import { coreApp, signedInApp, type Harness } from '../fixtures/signed-in-app';

let h: Harness;
const { pick, harvest, startOffline } = offlineHelpers(() => h);

/**
 * The client's rate-limit waits (15 s and more) pass on the shared fake clock, shorter back-offs at once: three
 * 429s in a row with no Retry-After make it wait 15 + 30 + 60 s, so a request sent at 10:10 lands at 10:11:45.
 */
const waitsOnTheClock: Partial<SheafAppOptions> = {
  harvest: { sleep: (ms) => Promise.resolve(ms >= 15_000 ? h.clock.advance(ms) : undefined) },
};

async function appWaitingOnTheClock(timestamp: boolean) {
  h = await signedInApp({ wantsTimestampTimers: timestamp, app: waitsOnTheClock });
}

const rateLimitNext = (method: string) => h.sandbox.faults.add({ kind: 429, count: 3, method });

describe('a timer started while another runs, Harvest hearing of the start late', () => {
  for (const timestamp of [false, true]) {
    it(`${timestamp ? 'timestamp' : 'duration'} account: the one it replaced ends when the person switched`, async () => {
      await appWaitingOnTheClock(timestamp);
      await startOffline('first');
      await h.app.whenSynced();
      h.clock.advanceMinutes(10);
      rateLimitNext('POST');
      await startOffline('second', 1);
      await h.app.whenSynced();
      const [first, ...more] = harvest('first');
      expect(more).toEqual([]);
      expect(first).toMatchObject({ is_running: false, hours: 0.17 });
      if (timestamp) expect([first!.started_time, first!.ended_time]).toEqual(['10:00am', '10:10am']);
      expect(harvest('second')).toEqual([expect.objectContaining({ is_running: true })]);
    });
  }
});

describe('an entry restarted while another runs, Harvest hearing of the restart late', () => {
  it('duration account: the one it replaced ends when the person restarted', async () => {
    await appWaitingOnTheClock(false);
    const o = pick(1);
    await h.app.commands.addEntry({
      projectId: o.projectId,
      taskId: o.taskId,
      spentDate: localDate(h.clock.now()),
      hours: 0.5,
      notes: 'earlier',
    });
    await startOffline('running');
    await h.app.whenSynced();
    h.clock.advanceMinutes(10);
    rateLimitNext('PATCH');
    await h.app.commands.restartEntry({ entryId: harvest('earlier')[0]!.id });
    await h.app.whenSynced();
    expect(harvest('running')).toEqual([expect.objectContaining({ is_running: false, hours: 0.17 })]);
    expect(harvest('earlier')).toEqual([expect.objectContaining({ is_running: true })]);
  });
});

describe('a timer started right after a crash, before Sheaf has read Harvest again, Harvest hearing of it late', () => {
  for (const timestamp of [false, true]) {
    it(`${timestamp ? 'timestamp' : 'duration'} account: the timer the crashed run started ends when the person switched`, async () => {
      await appWaitingOnTheClock(timestamp);
      const cacheFile = join(accountDir(h.dataDir, h.sandbox.accountId, h.sandbox.userId), 'cache.json');
      await h.restart(); // Quitting saves the cache: nothing runs in it.
      const withNothingRunning = readFileSync(cacheFile, 'utf8');
      await startOffline('first');
      await h.app.whenSynced();
      // Killed right after Harvest confirmed it: the cache, saved a second after a change, never showed it.
      await h.app.dispose({ waitForSyncMs: 0 });
      writeFileSync(cacheFile, withNothingRunning);
      // Opened from that cache; its check-in with Harvest keeps failing, so this week is not read again.
      h.sandbox.faults.add({ kind: 500, path: /^\/v2\/users\/me$/, count: 10_000 });
      h.app = coreApp(h.sandbox, h.clock, h.dataDir, h.secrets, waitsOnTheClock);
      await h.app.start();
      expect(h.app.getState().running).toBeNull();
      h.clock.advanceMinutes(10);
      rateLimitNext('POST');
      await startOffline('second', 1);
      await h.app.whenSynced();
      expect(harvest('first')).toEqual([expect.objectContaining({ is_running: false, hours: 0.17 })]);
      if (timestamp) expect(harvest('first')[0]!.ended_time).toBe('10:10am');
      expect(harvest('second')).toEqual([expect.objectContaining({ is_running: true })]);
    });
  }
});

describe('a start whose answer was lost, Harvest read again before it is looked for', () => {
  it('timestamp account: its own entry is not taken for the timer it replaces', async () => {
    h = await signedInApp({ wantsTimestampTimers: true });
    // The POST lands but its answer is lost, and looking for it fails until Harvest is read again later.
    h.sandbox.faults.add({ kind: 'drop-after', method: 'POST' });
    h.sandbox.faults.add({ kind: 500, method: 'GET', path: /^\/v2\/time_entries$/, count: 5 });
    await startOffline('mine');
    await h.app.whenSynced();
    h.clock.advanceMinutes(5);
    await h.app.commands.refresh(undefined);
    await h.app.whenSynced();
    expect(harvest('mine')).toEqual([
      expect.objectContaining({ is_running: true, started_time: '10:00am', ended_time: null }),
    ]);
  });
});
