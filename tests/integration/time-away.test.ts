// The timesheet's answers to time away from the computer, without the desktop around it: a Timesheet signed in
// to the sandbox Harvest over loopback, for duration and start/end-time accounts: discarding it, adding it as a new
// entry, giving it to another project/task while the timer runs on, across midnight, and what changed elsewhere
// while the person was gone (the timer stopped, the entry deleted, another timer started).
import { afterEach, describe, expect, it } from 'vitest';
import { Timesheet } from '../../electron/main/core/timesheet';
import type { ClockStyle } from '../../shared/format';
import { startSandbox, type Sandbox } from '../../electron/sandbox/server';
import { FakeClock } from '../fixtures/fake-clock';
import { testClient } from '../fixtures/harvest-client';
import { wednesdayMorning } from '../fixtures/signed-in-app';

let sandbox: Sandbox | undefined;
let timer: Timesheet | undefined;
afterEach(async () => {
  timer?.dispose();
  await sandbox?.close();
  timer = sandbox = undefined;
});

/** A timesheet signed in to a fresh sandbox, with a timer on the first assignment from 10:00 (or `from`). */
async function runningFromTen(timestamp: boolean, clockStyle: ClockStyle = '12h', from = wednesdayMorning) {
  const clock = new FakeClock(from);
  sandbox = await startSandbox({
    clock,
    rateLimit: false,
    wantsTimestampTimers: timestamp,
    timeClock: clockStyle,
  });
  const where = { baseUrl: sandbox.url, token: sandbox.token, accountId: sandbox.accountId };
  timer = new Timesheet({
    api: testClient(where, clock).client,
    clock,
    userId: sandbox.userId,
    timestampTimers: timestamp,
    clockStyle,
    weekStartDay: 'Monday',
    learnTimerStyle: false,
    onChange: () => {},
    onUnauthorized: () => {},
    retryDelayMs: 50,
  });
  await timer.load();
  const option = timer.assignments()[0]!;
  await timer.startTimer({ projectId: option.projectId, taskId: option.taskId, notes: 'deep work' });
  await timer.whenIdle();
  const id = timer.running()!.id as number;
  return { clock, option, id, t: timer, s: sandbox };
}

/** Away from 10:23 to 11:00, 23 minutes into the timer. */
function awayFrom1023(clock: FakeClock, id: number) {
  clock.advanceMinutes(60);
  return { since: new Date(2026, 10, 25, 10, 23), entryId: id, hoursAtSince: 23 / 60 };
}

/** The timer stopped and another started on the web while the person was away. */
function startedOnTheWeb(s: Sandbox, pair: { projectId: number; taskId: number }) {
  s.admin.stopRunning();
  return s.admin.createEntry({
    project_id: pair.projectId,
    task_id: pair.taskId,
    spent_date: '2026-11-25',
    notes: 'started on the web',
    running: true,
  });
}

/** Another assigned project/task than the timer's, for the time away. */
function otherPair(t: Timesheet, option: { projectId: number; taskId: number }) {
  return t.assignments().find((o) => o.projectId !== option.projectId || o.taskId !== option.taskId)!;
}

const harvestEntry = (s: Sandbox, id: number) => s.admin.entries().find((e) => e.id === id);
const runningInHarvest = (s: Sandbox) => s.admin.entries().filter((e) => e.is_running);

for (const style of ['duration', 'timestamp'] as const) {
  const timestamp = style === 'timestamp';

  describe(`discarding time away on a ${style} account`, () => {
    it('ends the entry when the person left, at once and then in Harvest', async () => {
      const { clock, id, t, s } = await runningFromTen(timestamp);
      await t.discardTimeAway(awayFrom1023(clock, id));
      expect(t.running()).toBeNull();
      expect(t.entry(id)?.hours).toBeCloseTo(23 / 60, 4);
      await t.whenIdle();
      expect(harvestEntry(s, id)).toMatchObject({ is_running: false, hours: 0.38 });
      if (timestamp) expect(harvestEntry(s, id)?.ended_time).toBe('10:23am');
      expect(runningInHarvest(s)).toHaveLength(0);
    });

    it('continues the same project, task and notes from when the person came back', async () => {
      const { clock, option, id, t, s } = await runningFromTen(timestamp);
      const away = awayFrom1023(clock, id);
      const back = clock.now();
      clock.advanceMinutes(20); // Answered at 11:20: the 20 minutes since coming back stay worked.
      await t.discardTimeAway(away, { continueAt: back });
      expect(t.running()).toMatchObject({
        projectId: option.projectId,
        taskId: option.taskId,
        notes: 'deep work',
      });
      expect(t.running()?.runningSince).toBe(back.toISOString());
      await t.whenIdle();
      expect(harvestEntry(s, id)?.hours).toBeCloseTo(0.38, 2);
      const [now] = runningInHarvest(s);
      expect(now!.id).not.toBe(id);
      expect(now!.hours).toBeCloseTo(20 / 60, 2);
    });

    it('trims an entry stopped elsewhere meanwhile back to when the person left', async () => {
      const { clock, id, t, s } = await runningFromTen(timestamp);
      const away = awayFrom1023(clock, id);
      clock.advanceMinutes(5);
      s.admin.stopRunning(); // Stopped from the phone at 11:05.
      await t.refresh();
      await t.discardTimeAway(away, { continueAt: new Date(2026, 10, 25, 11, 0) });
      await t.whenIdle();
      expect(harvestEntry(s, id)?.hours).toBeCloseTo(0.38, 2);
      if (timestamp) expect(harvestEntry(s, id)?.ended_time).toBe('10:23am');
      // Nothing ran when the person answered, so the same work carries on.
      expect(runningInHarvest(s)).toHaveLength(1);
      expect(runningInHarvest(s)[0]!.id).not.toBe(id);
    });

    it('leaves everything alone when the entry was deleted elsewhere meanwhile', async () => {
      const { clock, id, t, s } = await runningFromTen(timestamp);
      const away = awayFrom1023(clock, id);
      s.admin.deleteEntry(id);
      await t.refresh();
      const before = s.requestLog.length;
      await t.discardTimeAway(away, { continueAt: clock.now() });
      await t.whenIdle();
      expect(s.requestLog.slice(before).filter((r) => r.method !== 'GET')).toEqual([]);
      expect(t.running()).toBeNull();
      expect(runningInHarvest(s)).toHaveLength(0);
    });

    it('trims the old entry but continues nothing when another timer was started meanwhile', async () => {
      const { clock, option, id, t, s } = await runningFromTen(timestamp);
      const away = awayFrom1023(clock, id);
      const web = startedOnTheWeb(s, otherPair(t, option));
      await t.refresh();
      await t.discardTimeAway(away, { continueAt: clock.now() });
      await t.whenIdle();
      expect(harvestEntry(s, id)?.hours).toBeCloseTo(0.38, 2);
      expect(runningInHarvest(s).map((e) => e.id)).toEqual([web.id]);
      expect(t.running()?.id).toBe(web.id);
    });
  });
}

describe('discarding time away on a 24-hour start/end-time account', () => {
  it('ends the entry at the minute the person left, written in the company clock', async () => {
    const { clock, id, t, s } = await runningFromTen(true, '24h');
    await t.discardTimeAway(awayFrom1023(clock, id));
    await t.whenIdle();
    expect(harvestEntry(s, id)).toMatchObject({ is_running: false, ended_time: '10:23' });
    expect(harvestEntry(s, id)?.hours).toBeCloseTo(0.38, 2);
  });
});

const back = new Date(2026, 10, 25, 11, 0);
const on = (pair: { projectId: number; taskId: number }, notes = 'client call') => ({
  projectId: pair.projectId,
  taskId: pair.taskId,
  notes,
});
const awayEntries = (s: Sandbox, pair: { projectId: number; taskId: number }) =>
  s.admin.entries().filter((e) => e.project.id === pair.projectId && e.task.id === pair.taskId);

for (const style of ['duration', 'timestamp'] as const) {
  const timestamp = style === 'timestamp';

  describe(`adding time away as a new entry on a ${style} account`, () => {
    it('stops the timer where the person left and records the time away on the picked pair, with notes', async () => {
      const { clock, option, id, t, s } = await runningFromTen(timestamp);
      const other = otherPair(t, option);
      await t.addTimeAwayAsEntry(awayFrom1023(clock, id), on(other), back);
      // At once in the popover, before Harvest hears of it.
      expect(t.running()).toBeNull();
      expect(t.view().day.entries.find((e) => e.projectId === other.projectId)).toMatchObject({
        notes: 'client call',
        isRunning: false,
      });
      await t.whenIdle();
      expect(harvestEntry(s, id)).toMatchObject({ is_running: false, hours: 0.38 });
      const [away] = awayEntries(s, other);
      expect(away).toMatchObject({ is_running: false, notes: 'client call', spent_date: '2026-11-25' });
      expect(away!.hours).toBeCloseTo(37 / 60, 2);
      if (timestamp) expect(away).toMatchObject({ started_time: '10:23am', ended_time: '11:00am' });
      expect(runningInHarvest(s)).toHaveLength(0);
    });

    it('still records the time away when the timer was stopped elsewhere meanwhile, and trims that entry', async () => {
      const { clock, option, id, t, s } = await runningFromTen(timestamp);
      const away = awayFrom1023(clock, id);
      clock.advanceMinutes(5);
      s.admin.stopRunning(); // Stopped from the phone at 11:05.
      await t.refresh();
      await t.addTimeAwayAsEntry(away, on(otherPair(t, option)), back);
      await t.whenIdle();
      expect(harvestEntry(s, id)?.hours).toBeCloseTo(0.38, 2);
      expect(awayEntries(s, otherPair(t, option))[0]!.hours).toBeCloseTo(37 / 60, 2);
      expect(runningInHarvest(s)).toHaveLength(0);
    });

    it('still records the time away when the entry was deleted elsewhere meanwhile', async () => {
      const { clock, option, id, t, s } = await runningFromTen(timestamp);
      const away = awayFrom1023(clock, id);
      s.admin.deleteEntry(id);
      await t.refresh();
      await t.addTimeAwayAsEntry(away, on(otherPair(t, option)), back);
      await t.whenIdle();
      expect(harvestEntry(s, id)).toBeUndefined();
      expect(awayEntries(s, otherPair(t, option))).toHaveLength(1);
    });

    it('refuses a pair that is not assigned, before the timer is touched', async () => {
      const { clock, id, t, s } = await runningFromTen(timestamp);
      const before = s.requestLog.length;
      await expect(
        t.addTimeAwayAsEntry(awayFrom1023(clock, id), { projectId: 999_999, taskId: 1 }, back),
      ).rejects.toThrow("aren't among your Harvest assignments");
      await t.whenIdle();
      expect(t.running()?.id).toBe(id);
      expect(s.requestLog.slice(before).filter((r) => r.method !== 'GET')).toEqual([]);
    });

    it('splits time away across midnight into an entry on each day', async () => {
      const { clock, option, id, t, s } = await runningFromTen(
        timestamp,
        '12h',
        new Date(2026, 10, 25, 23, 0),
      );
      clock.advanceMinutes(100); // Away since 23:30, back at 00:40.
      const away = { since: new Date(2026, 10, 25, 23, 30), entryId: id, hoursAtSince: 0.5 };
      const other = otherPair(t, option);
      await t.addTimeAwayAsEntry(away, on(other), new Date(2026, 10, 26, 0, 40));
      await t.whenIdle();
      expect(harvestEntry(s, id)).toMatchObject({ spent_date: '2026-11-25', is_running: false, hours: 0.5 });
      const parts = awayEntries(s, other).sort((a, b) => a.spent_date.localeCompare(b.spent_date));
      expect(parts.map((e) => e.spent_date)).toEqual(['2026-11-25', '2026-11-26']);
      // Harvest's times stay within one day: the first part ends a minute short of midnight.
      expect(parts[0]!.hours).toBeCloseTo(timestamp ? 29 / 60 : 0.5, 2);
      expect(parts[1]!.hours).toBeCloseTo(40 / 60, 2);
      if (timestamp) {
        expect(parts[0]).toMatchObject({ started_time: '11:30pm', ended_time: '11:59pm' });
        expect(parts[1]).toMatchObject({ started_time: '12:00am', ended_time: '12:40am' });
      }
    });
  });

  describe(`giving time away to something else on a ${style} account`, () => {
    it('puts the time away on the picked pair and keeps the timer going without those minutes', async () => {
      const { clock, option, id, t, s } = await runningFromTen(timestamp);
      const away = awayFrom1023(clock, id);
      clock.advanceMinutes(20); // Answered at 11:20.
      const other = otherPair(t, option);
      await t.giveTimeAwayTo(away, on(other), back);
      await t.whenIdle();
      expect(awayEntries(s, other)).toHaveLength(1);
      expect(awayEntries(s, other)[0]!.hours).toBeCloseTo(37 / 60, 2);
      const [now] = runningInHarvest(s);
      expect(now).toMatchObject({ project: { id: option.projectId }, notes: 'deep work' });
      if (timestamp) {
        // One stretch per entry: the old one ends when the person left, the same work runs again from 11:00.
        expect(harvestEntry(s, id)).toMatchObject({ is_running: false, ended_time: '10:23am' });
        expect(now).toMatchObject({ started_time: '11:00am' });
        expect(now!.hours).toBeCloseTo(20 / 60, 2);
      } else {
        // The same entry runs on: 80 minutes since 10:00, less the 37 away.
        expect(now!.id).toBe(id);
        expect(now!.hours).toBeCloseTo(43 / 60, 2);
        expect(t.running()?.id).toBe(id);
      }
    });

    it('across midnight: the away time is split by day and the timer carries on', async () => {
      const { clock, option, id, t, s } = await runningFromTen(
        timestamp,
        '12h',
        new Date(2026, 10, 25, 23, 0),
      );
      clock.advanceMinutes(100);
      const away = { since: new Date(2026, 10, 25, 23, 30), entryId: id, hoursAtSince: 0.5 };
      const other = otherPair(t, option);
      await t.giveTimeAwayTo(away, on(other), new Date(2026, 10, 26, 0, 40));
      await t.whenIdle();
      expect(
        awayEntries(s, other)
          .map((e) => e.spent_date)
          .sort(),
      ).toEqual(['2026-11-25', '2026-11-26']);
      const [now] = runningInHarvest(s);
      if (timestamp) {
        expect(harvestEntry(s, id)).toMatchObject({ is_running: false, ended_time: '11:30pm' });
        expect(now).toMatchObject({ spent_date: '2026-11-26', started_time: '12:40am' });
      } else {
        // A running duration timer stays on the day it started, as in Harvest.
        expect(now).toMatchObject({ id, spent_date: '2026-11-25' });
        expect(now!.hours).toBeCloseTo(30 / 60, 2);
      }
    });

    it('when the timer was stopped elsewhere meanwhile: trims it, adds the time away, carries the work on', async () => {
      const { clock, option, id, t, s } = await runningFromTen(timestamp);
      const away = awayFrom1023(clock, id);
      clock.advanceMinutes(5);
      s.admin.stopRunning();
      await t.refresh();
      await t.giveTimeAwayTo(away, on(otherPair(t, option)), back);
      await t.whenIdle();
      // Nothing is taken that isn't there: the entry goes back to when the person left, not 37 minutes below.
      expect(harvestEntry(s, id)?.hours).toBeCloseTo(0.38, 2);
      expect(awayEntries(s, otherPair(t, option))).toHaveLength(1);
      expect(runningInHarvest(s)).toHaveLength(1);
      expect(runningInHarvest(s)[0]!.id).not.toBe(id);
    });

    it('when another timer was started elsewhere: the old entry is trimmed and the new one left alone', async () => {
      const { clock, option, id, t, s } = await runningFromTen(timestamp);
      const away = awayFrom1023(clock, id);
      const other = otherPair(t, option);
      const web = startedOnTheWeb(s, option);
      await t.refresh();
      await t.giveTimeAwayTo(away, on(other), back);
      await t.whenIdle();
      expect(harvestEntry(s, id)?.hours).toBeCloseTo(0.38, 2);
      expect(awayEntries(s, other)).toHaveLength(1);
      expect(runningInHarvest(s).map((e) => e.id)).toEqual([web.id]);
    });
  });
}
