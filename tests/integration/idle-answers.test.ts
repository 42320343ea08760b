// The idle answers that take a project/task, and Stop at sleep, end to end through core's commands: a simulated
// idle source and power events, a fake clock, the sandbox Harvest, both account styles, and offline (the answer
// waits in the outbox, survives a quit, and reaches Harvest once it is back).
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createSimulatedIdleSource,
  type SimulatedIdleSource,
} from '../../electron/main/adapters/simulated-idle';
import type { AssignmentOption } from '../../shared/state';
import { signedInApp, type Harness } from '../fixtures/signed-in-app';

let h: Harness;
let idle: SimulatedIdleSource;
let shown: Array<{ kind: string; title: string; body: string }>;

afterEach(async () => {
  await h?.close();
});

/** Signed in, a timer on the first pair from 10:00 ("deep work"), and the pair the time away was really for. */
async function timerRunning(timestamp: boolean, settings: { stopAtSleep?: boolean } = {}) {
  shown = [];
  idle = createSimulatedIdleSource({ now: () => h.clock.now() });
  const notifier = { show: (kind: string, title: string, body: string) => shown.push({ kind, title, body }) };
  h = await signedInApp({ wantsTimestampTimers: timestamp, app: { desktop: { idle, notifier } } });
  await h.app.commands.updateSettings(settings);
  const [option, other] = h.app.commands.listAssignments(undefined) as AssignmentOption[];
  await h.app.commands.startTimer({
    projectId: option!.projectId,
    taskId: option!.taskId,
    notes: 'deep work',
  });
  await h.app.whenSynced();
  return { option: option!, other: other!, id: h.app.getState().running!.id as number };
}

/** The computer sleeps (or shuts down): the stop it causes is saved a moment later, then sent. */
async function powerOff(event: 'suspend' | 'shutdown') {
  idle.emit(event);
  await vi.waitFor(() => expect(h.app.getState().running).toBeNull());
  await h.app.whenSynced();
}

/** An hour in, the person has been away 37 minutes (since 10:23) and comes back at 11:00. */
function awayAndBack() {
  h.clock.advanceMinutes(60);
  idle.away(37);
  h.app.desktop.check();
  idle.back();
}

const inHarvest = () => h.sandbox.admin.entries();
const onPair = (pair: AssignmentOption) =>
  inHarvest().filter((e) => e.project.id === pair.projectId && e.task.id === pair.taskId);

for (const style of ['duration', 'timestamp'] as const) {
  const timestamp = style === 'timestamp';

  describe(`a ${style} account`, () => {
    it('Add as a new entry, answered through the command: the timer stops and the time away is its own entry', async () => {
      const { other, id } = await timerRunning(timestamp);
      awayAndBack();
      await h.app.commands.answerIdle({ answer: 'addAsNew', ...other, notes: 'hallway chat' });
      expect(h.app.getState().desktop?.idleQuestion).toBeNull();
      expect(h.app.getState().running).toBeNull();
      await h.app.whenSynced();
      expect(inHarvest().find((e) => e.id === id)!.hours).toBeCloseTo(0.38, 2);
      expect(onPair(other)).toHaveLength(1);
      expect(onPair(other)[0]).toMatchObject({ notes: 'hallway chat', is_running: false });
      expect(onPair(other)[0]!.hours).toBeCloseTo(37 / 60, 2);
    });

    it('Give it to something else, offline: the answer waits in the outbox through a quit and reaches Harvest later', async () => {
      const { option, other, id } = await timerRunning(timestamp);
      awayAndBack();
      h.sandbox.faults.outage = true;
      await h.app.commands.answerIdle({ answer: 'giveToOther', ...other });
      h.clock.advanceMinutes(10);
      await h.restart();
      expect(onPair(other)).toHaveLength(0); // Harvest hasn't heard yet.
      h.sandbox.faults.outage = false;
      await h.app.commands.refresh(undefined);
      await h.app.whenSynced();
      expect(onPair(other)).toHaveLength(1);
      expect(onPair(other)[0]!.hours).toBeCloseTo(37 / 60, 2);
      const running = inHarvest().filter((e) => e.is_running);
      expect(running).toHaveLength(1);
      expect(running[0]).toMatchObject({ project: { id: option.projectId }, notes: 'deep work' });
      // At 11:10, sent late: 70 minutes since 10:00 less the 37 away, counted from when the person answered.
      if (timestamp) expect(running[0]).toMatchObject({ started_time: '11:00am' });
      else expect(running[0]).toMatchObject({ id });
      expect(running[0]!.hours).toBeCloseTo(timestamp ? 10 / 60 : 33 / 60, 2);
    });

    it('a pair that is not assigned is refused and the question stays, announced once', async () => {
      await timerRunning(timestamp);
      awayAndBack();
      const question = h.app.getState().desktop?.idleQuestion;
      await expect(
        h.app.commands.answerIdle({ answer: 'addAsNew', projectId: 999_999, taskId: 1 }),
      ).rejects.toThrow("aren't among your Harvest assignments");
      expect(h.app.getState().desktop?.idleQuestion).toEqual(question);
      expect(h.app.getState().running).not.toBeNull();
      expect(shown.filter((s) => s.kind === 'idle')).toHaveLength(1);
    });

    it('Stop at sleep: the timer stops when the computer sleeps, and Sheaf says so when the person is back', async () => {
      const { id } = await timerRunning(timestamp, { stopAtSleep: true });
      h.clock.set(new Date(2026, 10, 25, 18, 12));
      await powerOff('suspend');
      expect(shown).toEqual([]); // Nobody is there to read it yet.
      h.clock.advanceMinutes(14 * 60); // The next morning.
      idle.emit('resume');
      const said = 'Sheaf stopped Mobile App — Design at 6:12pm when your computer went to sleep';
      expect(h.app.getState().notices).toContain(said);
      expect(shown).toEqual([{ kind: 'idle', title: 'Timer stopped', body: said }]);
      // Stopped, so there is no time away to ask about.
      expect(h.app.getState().desktop?.idleQuestion).toBeNull();
      const entry = inHarvest().find((e) => e.id === id)!;
      expect(entry.is_running).toBe(false);
      expect(entry.hours).toBeCloseTo(8.2, 2);
      if (timestamp) expect(entry.ended_time).toBe('6:12pm');
    });

    it('Stop at sleep offline: the stop carries the moment of sleep and reaches Harvest after waking', async () => {
      const { id } = await timerRunning(timestamp, { stopAtSleep: true });
      h.sandbox.faults.outage = true;
      h.clock.advanceMinutes(30);
      await powerOff('suspend');
      h.clock.advanceMinutes(120);
      idle.emit('resume');
      h.sandbox.faults.outage = false;
      await h.app.commands.refresh(undefined);
      await h.app.whenSynced();
      const entry = inHarvest().find((e) => e.id === id)!;
      expect(entry.is_running).toBe(false);
      expect(entry.hours).toBeCloseTo(0.5, 2);
      if (timestamp) expect(entry.ended_time).toBe('10:30am');
    });

    it('Stop at sleep when the computer shuts down', async () => {
      await timerRunning(timestamp, { stopAtSleep: true });
      h.clock.advanceMinutes(45);
      await powerOff('shutdown');
      expect(h.sandbox.admin.entries().filter((e) => e.is_running)).toHaveLength(0);
      idle.emit('user-active');
      expect(h.app.getState().notices).toContain(
        'Sheaf stopped Mobile App — Design at 10:45am when your computer shut down',
      );
    });
  });
}

describe('Stop at sleep', () => {
  it('is off by default: the timer keeps running through sleep and the person is asked on return', async () => {
    const { id } = await timerRunning(false);
    h.clock.advanceMinutes(30);
    idle.emit('suspend');
    h.clock.advanceMinutes(60);
    idle.emit('resume');
    await h.app.whenSynced();
    expect(inHarvest().find((e) => e.id === id)!.is_running).toBe(true);
    expect(h.app.getState().desktop?.idleQuestion).toMatchObject({ minutes: 60 });
    expect(h.app.getState().notices).toEqual([]);
  });

  it('with nothing running, does nothing and says nothing', async () => {
    await timerRunning(false, { stopAtSleep: true });
    await h.app.commands.stopTimer(undefined);
    idle.emit('suspend');
    idle.emit('resume');
    expect(h.app.getState().notices).toEqual([]);
    expect(shown).toEqual([]);
  });
});
