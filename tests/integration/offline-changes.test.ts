// Tests changes made offline on their way to Harvest: conflicts shown and never dropped, manual entries, edits and
// deletes, and Harvest's rate limit never hit however fast the person clicks.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { localDate } from '../../electron/main/core/base/dates';
import { offlineHelpers } from '../fixtures/offline-app';
import { signedInApp, type Harness } from '../fixtures/signed-in-app';

let h: Harness;
const { pick, outboxFile, harvest, startOffline } = offlineHelpers(() => h);

describe('conflicts are shown, never dropped', () => {
  it('a queued change to an entry locked on the web waits with Harvest’s reason; apply elsewhere keeps the time', async () => {
    h = await signedInApp();
    await startOffline('will be locked');
    await h.app.whenSynced();
    const id = h.app.getState().running!.id as number;
    h.sandbox.faults.outage = true;
    h.clock.advanceMinutes(45);
    await h.app.commands.stopTimer(undefined);
    h.sandbox.admin.stopRunning();
    h.sandbox.admin.lockEntry(id, 'Item Approved and Locked for this Time Period');
    h.sandbox.faults.outage = false;
    await Promise.resolve(h.app.commands.updateNotes({ entryId: id, notes: 'edited offline' })).catch(
      () => undefined,
    );
    await h.app.commands.refresh(undefined);
    await h.app.whenSynced();
    const s = h.app.getState();
    expect(s.setAside).toHaveLength(1);
    expect(s.setAside[0]).toMatchObject({
      reason: expect.stringMatching(/locked/i),
      canApplyElsewhere: true,
    });
    await h.app.commands.resolveSetAside({ id: s.setAside[0]!.id, action: 'applyElsewhere' });
    await h.app.whenSynced();
    expect(h.app.getState().setAside).toEqual([]);
    expect(harvest('edited offline')).toMatchObject([
      { spent_date: localDate(h.clock.now()), is_running: false },
    ]);
  });

  it('a change to an entry deleted on the web is set aside; discard drops it', async () => {
    h = await signedInApp();
    await startOffline('will vanish');
    await h.app.whenSynced();
    const id = h.app.getState().running!.id as number;
    h.sandbox.faults.outage = true;
    await h.app.commands.updateNotes({ entryId: id, notes: 'too late' });
    h.sandbox.admin.deleteEntry(id);
    h.sandbox.faults.outage = false;
    await h.app.commands.refresh(undefined);
    await h.app.whenSynced();
    const [item] = h.app.getState().setAside;
    expect(item?.reason).toMatch(/find/i);
    await h.app.commands.resolveSetAside({ id: item!.id, action: 'discard' });
    expect(h.app.getState().setAside).toEqual([]);
    expect(readFileSync(outboxFile(), 'utf8')).not.toContain('too late');
  });
});

describe('manual entries, edits and deletes', () => {
  for (const timestamp of [false, true]) {
    it(`${timestamp ? 'timestamp' : 'duration'} account: add, edit and delete reach Harvest`, async () => {
      h = await signedInApp({ wantsTimestampTimers: timestamp });
      const o = pick(2);
      const today = localDate(h.clock.now());
      await h.app.commands.addEntry(
        timestamp
          ? {
              projectId: o.projectId,
              taskId: o.taskId,
              spentDate: today,
              startedTime: '8:00am',
              endedTime: '9:30am',
              notes: 'manual',
            }
          : { projectId: o.projectId, taskId: o.taskId, spentDate: today, hours: 1.5, notes: 'manual' },
      );
      const local = h.app.getState().day.entries.find((e) => e.notes === 'manual')!;
      expect(local).toMatchObject({ hours: 1.5, pending: true });
      await h.app.commands.editEntry({
        entryId: local.id,
        changes: { notes: 'manual, edited', ...(timestamp ? { endedTime: '10:00am' } : { hours: 2 }) },
      });
      await h.app.whenSynced();
      expect(harvest('manual, edited')).toMatchObject([{ hours: 2, is_running: false }]);
      const id = harvest('manual, edited')[0]!.id;
      await h.app.commands.deleteEntry({ entryId: id });
      expect(h.app.getState().day.entries.some((e) => e.id === id)).toBe(false);
      await h.app.whenSynced();
      expect(harvest('manual, edited')).toEqual([]);
    });
  }
});

describe('the rate limit', () => {
  it('200 start/stop presses in a row stay within 100 requests per 15 s and no 429 reaches the person', async () => {
    h = await signedInApp({ rateLimit: { limit: 100, windowMs: 15_000 } });
    // The client's waits move the shared fake clock, so a 15-second window passes without real waiting,
    // and nothing else moves it: every press lands in the same instant unless the client holds it back.
    let waited = 0;
    await h.restart({
      harvest: {
        sleep: async (ms) => {
          waited += ms;
          h.clock.advance(ms);
        },
      },
    });
    const o = pick(0);
    const before = h.sandbox.requestLog.length;
    for (let i = 0; i < 100; i++) {
      await h.app.commands.startTimer({ projectId: o.projectId, taskId: o.taskId, notes: `press ${i}` });
      // Each press reaches Harvest on its own (nothing queued to merge with), as when clicking online.
      await h.app.whenSynced();
      await h.app.commands.stopTimer(undefined);
      await h.app.whenSynced();
    }
    const log = h.sandbox.requestLog.slice(before);
    // One create and one stop per press (held-back ones may add a correction of their time).
    expect(log.filter((r) => r.method === 'POST')).toHaveLength(100);
    expect(log.filter((r) => r.path.endsWith('/stop'))).toHaveLength(100);
    expect(log.filter((r) => r.status === 429)).toEqual([]);
    // The client held requests back to stay inside Harvest's budget…
    expect(waited).toBeGreaterThan(0);
    // …and no rolling 15 s window saw more than 100.
    const times = log.map((r) => Date.parse(r.at));
    const busiest = Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 15_000).length));
    expect(busiest).toBeLessThanOrEqual(100);
    expect(h.app.getState().error).toBeNull();
    expect(h.sandbox.admin.entries().filter((e) => e.notes?.startsWith('press '))).toHaveLength(100);
  });
});
