// Tests that time done offline lands in Harvest as it was spent: a restarted timer heard of a day later, hours
// set on a running timer, and a one-hour offline session in simulated time.
import { describe, expect, it } from 'vitest';
import { localDate } from '../../electron/main/core/base/dates';
import { offlineHelpers } from '../fixtures/offline-app';
import { signedInApp, type Harness } from '../fixtures/signed-in-app';

let h: Harness;
const { pick, harvest, startOffline } = offlineHelpers(() => h);

/** Half an hour logged today (found again by its notes), then restarted while Harvest is out of reach. */
async function restartOffline(notes: string) {
  h = await signedInApp({ seed: 'empty' });
  const o = pick();
  await h.app.commands.addEntry({
    projectId: o.projectId,
    taskId: o.taskId,
    spentDate: localDate(h.clock.now()),
    hours: 0.5,
    notes,
  });
  await h.app.whenSynced();
  h.sandbox.faults.outage = true;
  await h.app.commands.restartEntry({ entryId: harvest(notes)[0]!.id });
}

/** Harvest hears of everything a day later (past its 24 h cap on a running timer). */
async function backADayLater() {
  h.clock.advanceMinutes(25 * 60);
  h.sandbox.faults.outage = false;
  await h.app.commands.refresh(undefined);
  await h.app.whenSynced();
}

describe('a timer restarted while offline, Harvest hearing of it a day later', () => {
  it('stopped again: keeps the minutes it really ran', async () => {
    await restartOffline('ran twice');
    h.clock.advanceMinutes(12);
    await h.app.commands.stopTimer(undefined);
    await backADayLater();
    expect(harvest('ran twice')).toEqual([expect.objectContaining({ is_running: false, hours: 0.7 })]);
  });

  it('followed by another timer: ends when the other began', async () => {
    await restartOffline('ran until the next');
    h.clock.advanceMinutes(18);
    const other = pick(1);
    await h.app.commands.startTimer({ projectId: other.projectId, taskId: other.taskId, notes: 'the next' });
    await backADayLater();
    expect(harvest('ran until the next')).toEqual([
      expect.objectContaining({ is_running: false, hours: 0.8 }),
    ]);
    expect(harvest('the next')).toEqual([expect.objectContaining({ is_running: true })]);
  });
});

describe('hours set on a running timer while offline', () => {
  it('count on from when they were set, not from when Harvest heard of them', async () => {
    h = await signedInApp();
    await startOffline('set hours');
    await h.app.whenSynced();
    h.clock.advanceMinutes(10);
    h.sandbox.faults.outage = true;
    await h.app.commands.editEntry({ entryId: h.app.getState().running!.id, changes: { hours: 2 } });
    h.clock.advanceMinutes(60);
    h.sandbox.faults.outage = false;
    await h.app.commands.refresh(undefined);
    await h.app.whenSynced();
    await h.app.commands.stopTimer(undefined);
    await h.app.whenSynced();
    expect(harvest('set hours')[0]!.hours).toBeCloseTo(3, 2);
  });
});

describe('a one-hour offline session in simulated time', () => {
  for (const timestamp of [false, true]) {
    it(`${timestamp ? 'timestamp' : 'duration'} account: everything lands with the time it was done`, async () => {
      h = await signedInApp({ wantsTimestampTimers: timestamp });
      h.sandbox.faults.outage = true;
      const today = localDate(h.clock.now());
      const [a, b, c] = [pick(0), pick(1), pick(2)];
      // 10:00 start A; 10:05 notes; 10:15 stop; 10:20 start B; 10:40 start C (stops B); 10:55 stop; 11:00 add 0.5 h.
      await h.app.commands.startTimer({ projectId: a.projectId, taskId: a.taskId, notes: 'train A' });
      h.clock.advanceMinutes(5);
      await h.app.commands.updateNotes({
        entryId: h.app.getState().running!.id,
        notes: 'train A, wifi down',
      });
      h.clock.advanceMinutes(10);
      await h.app.commands.stopTimer(undefined);
      h.clock.advanceMinutes(5);
      await h.app.commands.startTimer({ projectId: b.projectId, taskId: b.taskId, notes: 'train B' });
      h.clock.advanceMinutes(20);
      await h.app.commands.startTimer({ projectId: c.projectId, taskId: c.taskId, notes: 'train C' });
      h.clock.advanceMinutes(15);
      await h.app.commands.stopTimer(undefined);
      h.clock.advanceMinutes(5);
      await h.app.commands.addEntry(
        timestamp
          ? {
              projectId: a.projectId,
              taskId: a.taskId,
              spentDate: today,
              startedTime: '8:00am',
              endedTime: '8:30am',
              notes: 'train manual',
            }
          : { projectId: a.projectId, taskId: a.taskId, spentDate: today, hours: 0.5, notes: 'train manual' },
      );
      await h.app.whenSynced();
      const offline = h.app.getState();
      expect(offline.sync).toMatchObject({ state: 'offline', pending: 7 });
      expect(offline.today.totalHours).toBeGreaterThanOrEqual(0.25 + 1 / 3 + 0.25 + 0.5 - 0.001);

      h.clock.advanceMinutes(60); // back online at noon
      h.sandbox.faults.outage = false;
      h.takeRequests();
      await h.app.commands.refresh(undefined);
      await h.app.whenSynced();
      const expected: [string, number, string | null, string | null][] = [
        ['train A, wifi down', 0.25, '10:00am', '10:15am'],
        ['train B', 1 / 3, '10:20am', '10:40am'],
        ['train C', 0.25, '10:40am', '10:55am'],
        ['train manual', 0.5, '8:00am', '8:30am'],
      ];
      for (const [notes, hours, started, ended] of expected) {
        const [e, ...more] = harvest(notes);
        expect(more).toEqual([]);
        expect(e).toMatchObject({ is_running: false, spent_date: today });
        expect(e!.hours).toBeCloseTo(hours, 2);
        if (timestamp) expect([e!.started_time, e!.ended_time]).toEqual([started, ended]);
      }
      // Each entry is one create carrying its own end: nothing to correct afterwards.
      expect(h.takeRequests().filter((r) => !r.startsWith('GET'))).toEqual(
        Array(4).fill('POST /v2/time_entries'),
      );
      expect(h.app.getState().sync).toMatchObject({ state: 'idle', pending: 0 });
    });
  }
});
