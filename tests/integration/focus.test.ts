// Focus sessions end to end: Sheaf's core signed in to the sandbox Harvest with a fake clock, for duration and
// start/end-time accounts: a notification at each boundary, the Harvest timer left alone by breaks unless the
// person chose "stop the timer during breaks" (then stopped and carried on through the durable commands, offline
// too), a sleep through boundaries, midnight, and today's count in the snapshot.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createSimulatedIdleSource,
  type SimulatedIdleSource,
} from '../../electron/main/adapters/simulated-idle';
import type { Notifier } from '../../electron/main/core/ports';
import type { AssignmentOption } from '../../shared/state';
import { signedInApp, type Harness } from '../fixtures/signed-in-app';

let h: Harness;
let idle: SimulatedIdleSource;
let notified: Array<{ kind: string; title: string; body: string }>;
/** The focus notifications (the reminders have their own tests). */
const shown = () => notified.filter((n) => n.kind === 'focus');

afterEach(async () => {
  await h?.close();
});

async function setup(timestamp: boolean, options: { start?: Date; stopTimerDuringBreaks?: boolean } = {}) {
  notified = [];
  const notifier: Notifier = { show: (kind, title, body) => notified.push({ kind, title, body }) };
  idle = createSimulatedIdleSource({ now: () => h.clock.now() });
  h = await signedInApp({ wantsTimestampTimers: timestamp, app: { desktop: { idle, notifier } } });
  if (options.start) {
    h.clock.set(options.start);
    await h.app.commands.refresh(undefined);
  }
  await h.app.commands.updateSettings({
    focus: { stopTimerDuringBreaks: options.stopTimerDuringBreaks ?? false },
  });
  const [option, other] = h.app.commands.listAssignments(undefined) as AssignmentOption[];
  await h.app.commands.startTimer({
    projectId: option!.projectId,
    taskId: option!.taskId,
    notes: 'deep work',
  });
  await h.app.whenSynced();
  await h.app.commands.startFocus(undefined);
  return { option: option!, other: other!, id: h.app.getState().running!.id as number };
}

/** Minutes pass with the computer awake; the boundary's check runs as its timer would. */
async function pass(minutes: number) {
  h.clock.advanceMinutes(minutes);
  await crossing(() => h.app.desktop.check());
}

/**
 * Runs `wake` and, when the clock is past the phase's end, waits for the boundary to be shown (the snapshot
 * follows once the timer's commands are saved), then for Harvest to have them.
 */
async function crossing(wake: () => void) {
  const before = focus().endsAt;
  wake();
  if (before && Date.parse(before) <= h.clock.now().getTime()) {
    await vi.waitFor(() => expect(focus().endsAt).not.toBe(before));
  }
  await h.app.whenSynced();
}

const focus = () => h.app.getState().focus;
const running = () => h.sandbox.admin.entries().filter((e) => e.is_running);
const changesSent = () => h.takeRequests().filter((r) => !r.startsWith('GET'));

for (const style of ['duration', 'timestamp'] as const) {
  const timestamp = style === 'timestamp';

  describe(`focus on a ${style} account`, () => {
    it('tells at each boundary and counts the work session done; the Harvest timer is left alone', async () => {
      const { id } = await setup(timestamp);
      expect(focus()).toMatchObject({ phase: 'work', endsAt: new Date(2026, 10, 25, 10, 25).toISOString() });
      changesSent();
      await pass(25);
      expect(focus()).toMatchObject({ phase: 'break', completedToday: 1 });
      expect(shown()).toEqual([
        { kind: 'focus', title: 'Break: 5 min', body: '1 focus session done today.' },
      ]);
      await pass(5);
      expect(focus().phase).toBe('work');
      expect(shown()[1]).toMatchObject({ title: 'Focus: 25 min', body: "Break's over." });
      expect(changesSent()).toEqual([]);
      expect(running().map((e) => e.id)).toEqual([id]);
    });

    it('stop the timer during breaks: stopped as the break starts, carried on as work starts', async () => {
      const { id, option } = await setup(timestamp, { stopTimerDuringBreaks: true });
      await pass(25); // 10:25
      expect(h.app.getState().running).toBeNull();
      expect(running()).toEqual([]);
      expect(shown()[0]!.body).toBe('1 focus session done today. The timer is stopped until the break ends.');
      await pass(5); // 10:30
      const { projectName, taskName } = h.app.getState().running!;
      expect(shown()[1]!.body).toBe(`Break's over. The timer carries on: ${projectName} — ${taskName}.`);
      const [now] = running();
      expect(now).toMatchObject({
        project: { id: option.projectId },
        task: { id: option.taskId },
        notes: 'deep work',
      });
      if (timestamp) {
        // One start and end per entry: work after the break is a new entry from 10:30.
        expect(now!.id).not.toBe(id);
        expect(now!.started_time).toBe('10:30am');
        expect(h.sandbox.admin.entries().find((e) => e.id === id)).toMatchObject({ ended_time: '10:25am' });
      } else {
        // Harvest resumes the same entry: 25 minutes before the break, the break not counted.
        expect(now!.id).toBe(id);
        h.clock.advanceMinutes(10);
        await h.app.commands.stopTimer(undefined);
        await h.app.whenSynced();
        // 35 minutes (Harvest keeps hundredths of an hour); with the break it would be 40.
        const hours = h.sandbox.admin.entries().find((e) => e.id === id)!.hours;
        expect(hours).toBeGreaterThanOrEqual(0.58);
        expect(hours).toBeLessThan(0.6);
      }
    });

    it('offline: the stop and the restart are saved at once and reach Harvest when it answers', async () => {
      const { option } = await setup(timestamp, { stopTimerDuringBreaks: true });
      h.sandbox.faults.outage = true;
      h.clock.advanceMinutes(25);
      h.app.desktop.check();
      await vi.waitFor(() => expect(h.app.getState().running).toBeNull());
      h.clock.advanceMinutes(5);
      h.app.desktop.check();
      await vi.waitFor(() => expect(h.app.getState().running).not.toBeNull());
      expect(h.app.getState().sync.pending).toBeGreaterThan(0);
      h.sandbox.faults.outage = false;
      await h.app.commands.refresh(undefined);
      await h.app.whenSynced();
      const [now] = running();
      expect(now).toMatchObject({ project: { id: option.projectId }, notes: 'deep work' });
      if (timestamp) expect(now!.started_time).toBe('10:30am');
    });

    it('a timer started on something else during the break keeps running when work starts', async () => {
      const { other } = await setup(timestamp, { stopTimerDuringBreaks: true });
      await pass(25);
      await h.app.commands.startTimer({ projectId: other.projectId, taskId: other.taskId, notes: 'a call' });
      await h.app.whenSynced();
      await pass(5);
      expect(running().map((e) => e.notes)).toEqual(['a call']);
    });

    it('woken from sleep in a break, the timer stops then; slept through a whole break, it keeps running', async () => {
      const { id } = await setup(timestamp, { stopTimerDuringBreaks: true });
      // Asleep from 10:10 to 10:27: the wake-up, not a tick, finds the break.
      h.clock.set(new Date(2026, 10, 25, 10, 27));
      await crossing(() => idle.emit('resume'));
      expect(h.app.getState().running).toBeNull();
      expect(focus()).toMatchObject({ phase: 'break', endsAt: new Date(2026, 10, 25, 10, 30).toISOString() });
      // Slept through the session's end: nobody saw it worked, so it isn't counted.
      expect(focus().completedToday).toBe(0);
      expect(shown()).toHaveLength(1);

      await h.app.commands.stopFocus(undefined);
      await h.app.commands.restartEntry({ entryId: id });
      await h.app.commands.startFocus(undefined); // 10:27, work to 10:52
      await h.app.whenSynced();
      h.clock.set(new Date(2026, 10, 25, 11, 0)); // asleep 10:40 to 11:00: the break (10:52 to 10:57) slept through
      await crossing(() => idle.emit('resume'));
      expect(focus().phase).toBe('work');
      expect(focus().endsAt).toBe(new Date(2026, 10, 25, 11, 22).toISOString());
      expect(running()).toHaveLength(1);
    });

    it('a break across midnight: the timer carries on as a new entry on the new day', async () => {
      const { id } = await setup(timestamp, {
        start: new Date(2026, 10, 25, 23, 30),
        stopTimerDuringBreaks: true,
      });
      await pass(25); // 23:55, break to 00:00
      expect(focus().completedToday).toBe(1);
      await pass(5);
      expect(focus()).toMatchObject({ phase: 'work', completedToday: 0 }); // a new day's count
      const [now] = running();
      expect(now!.id).not.toBe(id);
      expect(now!.spent_date).toBe('2026-11-26');
      expect(h.sandbox.admin.entries().find((e) => e.id === id)).toMatchObject({
        spent_date: '2026-11-25',
        is_running: false,
      });
    });

    it('skipping ends the phase now; stopping ends the session and leaves the timer as it is', async () => {
      await setup(timestamp, { stopTimerDuringBreaks: true });
      h.clock.advanceMinutes(10);
      await h.app.commands.skipFocusPhase(undefined);
      await h.app.whenSynced();
      expect(focus()).toMatchObject({ phase: 'break', completedToday: 0 });
      expect(running()).toEqual([]);
      await h.app.commands.stopFocus(undefined);
      expect(focus()).toMatchObject({ phase: null, endsAt: null });
      await pass(30);
      expect(running()).toEqual([]);
      expect(shown().map((s) => s.title)).toEqual(['Break: 5 min']);
    });
  });
}

describe('the focus beep', () => {
  it('is marked in the snapshot at a boundary only when the sound setting is on', async () => {
    await setup(false);
    await pass(25);
    expect(focus().beepAt).toBeNull();
    await h.app.commands.updateSettings({ focus: { sound: true } });
    await pass(5);
    expect(focus().beepAt).toBe(h.clock.now().toISOString());
  });

  it('the notification can be turned off; the phase still changes', async () => {
    await setup(false);
    await h.app.commands.updateSettings({ notifications: { focus: false } });
    await pass(25);
    expect(focus().phase).toBe('break');
    expect(shown()).toEqual([]);
  });
});
