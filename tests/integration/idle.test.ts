// The idle question end to end: Sheaf's core with a simulated idle source, signed in to the sandbox Harvest, for
// duration and timestamp accounts: each answer, a timer stopped or replaced elsewhere, idle across midnight.
import { afterEach, describe, expect, it } from 'vitest';
import type { Notifier } from '../../electron/main/core/ports';
import {
  createSimulatedIdleSource,
  type SimulatedIdleSource,
} from '../../electron/main/adapters/simulated-idle';
import type { AssignmentOption } from '../../shared/state';
import { signedInApp, type Harness } from '../fixtures/signed-in-app';

let h: Harness;
let idle: SimulatedIdleSource;
let shown: Array<{ kind: string; title: string; body: string; onClick?: () => void }>;
let popoverShown: number;

afterEach(async () => {
  await h?.close();
});

async function setup(timestamp: boolean, start?: Date) {
  shown = [];
  popoverShown = 0;
  const notifier: Notifier = {
    show: (kind, title, body, onClick) => shown.push({ kind, title, body, onClick }),
  };
  // The source is created before the harness's clock exists; it reads the clock through this box.
  const clockBox: { now(): Date } = { now: () => h.clock.now() };
  idle = createSimulatedIdleSource(clockBox);
  h = await signedInApp({
    wantsTimestampTimers: timestamp,
    app: { desktop: { idle, notifier, showPopover: () => popoverShown++ } },
  });
  if (start) {
    h.clock.set(start);
    await h.app.commands.refresh(undefined);
  }
  const option = (h.app.commands.listAssignments(undefined) as AssignmentOption[])[0]!;
  await h.app.commands.startTimer({ projectId: option.projectId, taskId: option.taskId, notes: 'deep work' });
  await h.app.whenSynced();
  return { option, id: h.app.getState().running!.id as number };
}

/** Works `minutes`, then is away for `away` of them and comes back (one poll sees the idle time). */
function workThenLeave(minutes: number, away: number) {
  h.clock.advanceMinutes(minutes);
  idle.away(away);
  h.app.desktop.check();
  idle.back();
}

const harvestEntry = (id: number) => h.sandbox.admin.entries().find((e) => e.id === id)!;
const running = () => h.sandbox.admin.entries().filter((e) => e.is_running);

for (const style of ['duration', 'timestamp'] as const) {
  const timestamp = style === 'timestamp';

  describe(`a ${style} account`, () => {
    it('asks in the popover and in a notification; clicking it opens the popover', async () => {
      await setup(timestamp);
      workThenLeave(60, 37); // Timer from 10:00, away since 10:23, back at 11:00.
      expect(h.app.getState().desktop?.idleQuestion).toMatchObject({
        since: new Date(2026, 10, 25, 10, 23).toISOString(),
        minutes: 37,
      });
      expect(shown).toHaveLength(1);
      expect(shown[0]).toMatchObject({ kind: 'idle', title: 'You were away since 10:23am (37 min)' });
      shown[0]!.onClick?.();
      expect(popoverShown).toBe(1);
    });

    it('Keep the time: nothing changes in Harvest', async () => {
      const { id } = await setup(timestamp);
      workThenLeave(60, 37);
      h.takeRequests();
      await h.app.commands.answerIdle({ answer: 'keep' });
      await h.app.whenSynced();
      expect(h.takeRequests()).toEqual([]);
      expect(h.app.getState().desktop?.idleQuestion).toBeNull();
      expect(harvestEntry(id).is_running).toBe(true);
    });

    it('Discard it: the entry ends when the person left', async () => {
      const { id } = await setup(timestamp);
      workThenLeave(60, 37);
      await h.app.commands.answerIdle({ answer: 'discard' });
      // At once in the popover, before Harvest hears of it.
      expect(h.app.getState().running).toBeNull();
      expect(h.app.getState().day.entries.find((e) => e.id === id)?.hours).toBeCloseTo(23 / 60, 4);
      await h.app.whenSynced();
      const e = harvestEntry(id);
      expect(e.is_running).toBe(false);
      expect(e.hours).toBeCloseTo(0.38, 2);
      if (timestamp) expect(e.ended_time).toBe('10:23am');
      expect(running()).toHaveLength(0);
    });

    it('Discard and continue: the entry ends when the person left and a new timer runs from now', async () => {
      const { id, option } = await setup(timestamp);
      workThenLeave(60, 37);
      await h.app.commands.answerIdle({ answer: 'discardAndContinue' });
      await h.app.whenSynced();
      expect(harvestEntry(id)).toMatchObject({ is_running: false });
      expect(harvestEntry(id).hours).toBeCloseTo(0.38, 2);
      const now = running();
      expect(now).toHaveLength(1);
      expect(now[0]).toMatchObject({
        project: { id: option.projectId },
        task: { id: option.taskId },
        notes: 'deep work',
      });
      expect(now[0]!.id).not.toBe(id);
      expect(h.app.getState().running?.runningSince).toBe(h.clock.now().toISOString());
    });

    it('Discard and continue answered later: the new timer counts from when the person came back', async () => {
      const { id } = await setup(timestamp);
      workThenLeave(60, 37); // back at 11:00
      const back = h.clock.now();
      h.clock.advanceMinutes(20); // works on, answers at 11:20
      await h.app.commands.answerIdle({ answer: 'discardAndContinue' });
      expect(h.app.getState().running?.runningSince).toBe(back.toISOString());
      await h.app.whenSynced();
      expect(harvestEntry(id).hours).toBeCloseTo(0.38, 2);
      const [now] = running();
      expect(now!.id).not.toBe(id);
      // The 20 minutes worked before answering are on the new entry, not lost.
      expect(now!.hours).toBeCloseTo(20 / 60, 2);
      if (timestamp) expect(now!.started_time).toBe('11:00am');
    });

    it('asks even when the timer got its Harvest id while the person was away', async () => {
      await setup(timestamp);
      await h.app.commands.stopTimer(undefined);
      await h.app.whenSynced();
      h.sandbox.faults.outage = true;
      const o = (h.app.commands.listAssignments(undefined) as AssignmentOption[])[1]!;
      await h.app.commands.startTimer({ projectId: o.projectId, taskId: o.taskId, notes: 'offline start' });
      expect(typeof h.app.getState().running?.id).toBe('string'); // a local id until Harvest confirms it
      h.clock.advanceMinutes(30);
      idle.away(20);
      h.app.desktop.check();
      h.sandbox.faults.outage = false;
      await h.app.commands.refresh(undefined);
      await h.app.whenSynced();
      expect(typeof h.app.getState().running?.id).toBe('number');
      idle.back();
      expect(h.app.getState().desktop?.idleQuestion).toMatchObject({ minutes: 20 });
    });

    it('a timer stopped elsewhere meanwhile: the same entry is trimmed back, nothing new starts', async () => {
      const { id } = await setup(timestamp);
      workThenLeave(60, 37);
      h.clock.advanceMinutes(5);
      h.sandbox.admin.stopRunning(); // Stopped from the phone at 11:05.
      await h.app.commands.refresh(undefined);
      await h.app.commands.answerIdle({ answer: 'discardAndContinue' });
      await h.app.whenSynced();
      expect(harvestEntry(id).hours).toBeCloseTo(0.38, 2);
      if (timestamp) expect(harvestEntry(id).ended_time).toBe('10:23am');
      // Nothing ran when the person answered, so continuing starts the same work again.
      expect(running()).toHaveLength(1);
    });

    it('a timer replaced elsewhere meanwhile: the old entry is trimmed, the new one is left alone', async () => {
      const { id, option } = await setup(timestamp);
      workThenLeave(60, 37);
      const other = (h.app.commands.listAssignments(undefined) as AssignmentOption[]).find(
        (o) => o.taskId !== option.taskId || o.projectId !== option.projectId,
      )!;
      h.sandbox.admin.stopRunning();
      const web = h.startElsewhere(other, 'started on the web');
      await h.app.commands.refresh(undefined);
      await h.app.commands.answerIdle({ answer: 'discardAndContinue' });
      await h.app.whenSynced();
      expect(harvestEntry(id).hours).toBeCloseTo(0.38, 2);
      expect(running().map((e) => e.id)).toEqual([web.id]);
    });

    it('idle across midnight: the old entry stays on its day, the new timer starts today', async () => {
      const { id } = await setup(timestamp, new Date(2026, 10, 25, 23, 0));
      workThenLeave(100, 70); // Away since 23:30, back at 00:40.
      expect(h.app.getState().desktop?.idleQuestion).toMatchObject({ minutes: 70 });
      await h.app.commands.answerIdle({ answer: 'discardAndContinue' });
      await h.app.whenSynced();
      expect(harvestEntry(id)).toMatchObject({ spent_date: '2026-11-25', is_running: false });
      expect(harvestEntry(id).hours).toBeCloseTo(0.5, 2);
      if (timestamp) expect(harvestEntry(id).ended_time).toBe('11:30pm');
      expect(running()).toHaveLength(1);
      expect(running()[0]!.spent_date).toBe('2026-11-26');
    });

    it('a timer started offline and sent an hour late is still trimmed to when the person left', async () => {
      shown = [];
      idle = createSimulatedIdleSource({ now: () => h.clock.now() });
      h = await signedInApp({ wantsTimestampTimers: timestamp, app: { desktop: { idle } } });
      const option = (h.app.commands.listAssignments(undefined) as AssignmentOption[])[0]!;
      h.sandbox.faults.outage = true;
      await h.app.commands.startTimer({
        projectId: option.projectId,
        taskId: option.taskId,
        notes: 'offline',
      });
      h.clock.advanceMinutes(60);
      h.sandbox.faults.outage = false;
      await h.app.commands.refresh(undefined);
      await h.app.whenSynced();
      const id = h.app.getState().running!.id as number;
      expect(typeof id).toBe('number');
      idle.away(37);
      h.app.desktop.check();
      idle.back();
      expect(h.app.getState().desktop?.idleQuestion).toMatchObject({ minutes: 37 });
      await h.app.commands.answerIdle({ answer: 'discard' });
      await h.app.whenSynced();
      expect(harvestEntry(id).is_running).toBe(false);
      expect(harvestEntry(id).hours).toBeCloseTo(0.38, 2);
      if (timestamp) expect(harvestEntry(id).ended_time).toBe('10:23am');
    });

    it('no answer: nothing changes and the question waits', async () => {
      const { id } = await setup(timestamp);
      workThenLeave(60, 37);
      const question = h.app.getState().desktop?.idleQuestion;
      h.takeRequests();
      h.clock.advanceMinutes(90);
      h.app.desktop.check();
      idle.away(40);
      h.app.desktop.check();
      idle.back();
      await h.app.whenSynced();
      expect(h.takeRequests()).toEqual([]);
      expect(harvestEntry(id).is_running).toBe(true);
      expect(h.app.getState().desktop?.idleQuestion).toEqual(question);
      expect(shown.filter((s) => s.kind === 'idle')).toHaveLength(1);
    });
  });
}

describe('answers without a question', () => {
  it('are ignored', async () => {
    const { id } = await setup(false);
    await h.app.commands.answerIdle({ answer: 'discard' });
    await h.app.whenSynced();
    expect(harvestEntry(id).is_running).toBe(true);
  });
});
