// The timesheet's answer to time away from the computer, without the desktop around it: a TimerService signed in
// to the sandbox Harvest over loopback, for duration and start/end-time accounts, and what changed elsewhere while
// the person was gone (the timer stopped, the entry deleted, another timer started).
import { afterEach, describe, expect, it } from 'vitest';
import { TimerService } from '../../electron/main/core/timesheet';
import type { ClockStyle } from '../../shared/format';
import { startSandbox, type Sandbox } from '../../electron/sandbox/server';
import { FakeClock } from '../fixtures/fake-clock';
import { testClient } from '../fixtures/harvest-client';
import { wednesdayMorning } from '../fixtures/signed-in-app';

let sandbox: Sandbox | undefined;
let timer: TimerService | undefined;
afterEach(async () => {
  timer?.dispose();
  await sandbox?.close();
  timer = sandbox = undefined;
});

/** A timesheet signed in to a fresh sandbox, with a timer on the first assignment from 10:00. */
async function runningFromTen(timestamp: boolean, clockStyle: ClockStyle = '12h') {
  const clock = new FakeClock(wednesdayMorning);
  sandbox = await startSandbox({
    clock,
    rateLimit: false,
    wantsTimestampTimers: timestamp,
    timeClock: clockStyle,
  });
  const where = { baseUrl: sandbox.url, token: sandbox.token, accountId: sandbox.accountId };
  timer = new TimerService({
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
      const other = t
        .assignments()
        .find((o) => o.projectId !== option.projectId || o.taskId !== option.taskId)!;
      s.admin.stopRunning();
      const web = s.admin.createEntry({
        project_id: other.projectId,
        task_id: other.taskId,
        spent_date: '2026-11-25',
        notes: 'started on the web',
        running: true,
      });
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
