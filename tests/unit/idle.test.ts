// Tests the idle policy with a fake clock and the simulated idle source: threshold, sleep and lock, the question
// on return, and that an unanswered question just waits.
import { describe, expect, it } from 'vitest';
import { IdlePolicy } from '../../electron/main/core/desktop/idle';
import { createSimulatedIdleSource } from '../../electron/main/adapters/simulated-idle';
import type { IdleQuestion } from '../../shared/settings';
import type { EntryView } from '../../shared/state';
import { entryView } from '../fixtures/app-state';
import { FakeClock } from '../fixtures/fake-clock';

const nine = new Date(2026, 10, 25, 9, 0, 0);

function entry(overrides: Partial<EntryView> = {}): EntryView {
  return entryView({
    id: 42,
    spentDate: '2026-11-25',
    projectId: 1,
    projectCode: null,
    taskId: 2,
    hours: 0.5,
    isRunning: true,
    runningSince: nine.toISOString(),
    ...overrides,
  });
}

function setup(threshold = 10) {
  const clock = new FakeClock(nine);
  const source = createSimulatedIdleSource(clock);
  let running: EntryView | null = entry();
  let minutes = threshold;
  const asked: Array<IdleQuestion | null> = [];
  const policy = new IdlePolicy({
    clock,
    source,
    thresholdMinutes: () => minutes,
    running: () => running,
    onQuestion: (q) => asked.push(q),
  });
  return {
    clock,
    source,
    policy,
    asked,
    setRunning: (e: EntryView | null) => (running = e),
    setThreshold: (m: number) => (minutes = m),
  };
}

describe('idle policy', () => {
  it('asks on return after idle past the threshold, with the time the person left and the minutes away', () => {
    const t = setup();
    t.clock.advanceMinutes(60); // 10:00
    t.source.away(37);
    t.policy.check();
    expect(t.asked).toEqual([]); // Still away: nothing to ask yet.
    t.clock.advanceMinutes(1);
    t.source.back();
    expect(t.asked).toHaveLength(1);
    expect(t.policy.pending()?.question).toEqual({
      since: new Date(2026, 10, 25, 9, 23).toISOString(),
      minutes: 38,
      entryId: 42,
      projectName: 'Website',
      taskName: 'Design',
    });
    // Hours as of leaving: 0.5 before the timer + 23 minutes of it.
    expect(t.policy.pending()?.away.hoursAtSince).toBeCloseTo(0.5 + 23 / 60, 6);
  });

  it('notices the return on the next poll too (no activity event on Windows and Linux)', () => {
    const t = setup();
    t.clock.advanceMinutes(60);
    t.source.away(30);
    t.policy.check();
    // Input again: idle seconds reset, but no event is sent.
    t.source.away(0);
    t.policy.check();
    expect(t.policy.question()?.minutes).toBe(30);
  });

  it('ignores idle shorter than the threshold', () => {
    const t = setup();
    t.clock.advanceMinutes(60);
    t.source.away(9);
    t.policy.check();
    t.source.back();
    expect(t.asked).toEqual([]);
  });

  it('does nothing when the threshold is 0 (off)', () => {
    const t = setup(0);
    t.clock.advanceMinutes(60);
    t.source.away(50);
    t.policy.check();
    t.source.emit('suspend');
    t.clock.advanceMinutes(30);
    t.source.emit('resume');
    t.source.back();
    expect(t.asked).toEqual([]);
  });

  it('does nothing while no timer runs', () => {
    const t = setup();
    t.setRunning(null);
    t.clock.advanceMinutes(60);
    t.source.away(30);
    t.policy.check();
    t.source.back();
    expect(t.asked).toEqual([]);
  });

  it.each([
    ['suspend', 'resume'],
    ['lock-screen', 'unlock-screen'],
  ] as const)('%s counts as the start of idle; %s brings the question', (leave, back) => {
    const t = setup();
    t.clock.advanceMinutes(30); // 9:30
    t.source.emit(leave);
    t.clock.advanceMinutes(45);
    t.source.emit(back);
    expect(t.policy.question()).toMatchObject({
      since: new Date(2026, 10, 25, 9, 30).toISOString(),
      minutes: 45,
    });
  });

  it('a poll while locked does not end the time away, even when the system reports no idle time (Wayland)', () => {
    const t = setup();
    t.clock.advanceMinutes(30); // 9:30
    t.source.emit('lock-screen');
    t.clock.advanceMinutes(1);
    t.policy.check(); // idle seconds read 0 while locked
    t.clock.advanceMinutes(44);
    t.policy.check();
    expect(t.asked).toEqual([]);
    t.source.emit('unlock-screen');
    expect(t.policy.question()).toMatchObject({
      since: new Date(2026, 10, 25, 9, 30).toISOString(),
      minutes: 45,
    });
    expect(t.policy.pending()?.back).toEqual(new Date(2026, 10, 25, 10, 15));
  });

  it('a short lock asks nothing', () => {
    const t = setup();
    t.clock.advanceMinutes(30);
    t.source.emit('lock-screen');
    t.clock.advanceMinutes(3);
    t.source.emit('unlock-screen');
    expect(t.asked).toEqual([]);
  });

  it('idle that began before the timer started counts from the timer start', () => {
    const t = setup();
    t.setRunning(entry({ hours: 0 }));
    t.clock.advanceMinutes(40);
    t.source.away(90); // Away since 8:10, but the timer started at 9:00.
    t.policy.check();
    t.source.back();
    expect(t.policy.question()).toMatchObject({ since: nine.toISOString(), minutes: 40 });
  });

  it('a timer Harvest heard of late (hours carried, restarted "now") counts from when it really began', () => {
    const t = setup();
    t.clock.advanceMinutes(60); // 10:00: sent late, so Harvest says 1 h so far, running since 10:00.
    t.setRunning(entry({ hours: 1, runningSince: t.clock.now().toISOString() }));
    t.source.away(37);
    t.policy.check();
    t.source.back();
    expect(t.policy.question()).toMatchObject({
      since: new Date(2026, 10, 25, 9, 23).toISOString(),
      minutes: 37,
    });
    expect(t.policy.pending()?.away.hoursAtSince).toBeCloseTo(23 / 60, 6);
  });

  it('does not ask when the timer was stopped or replaced while the person was away', () => {
    const t = setup();
    t.clock.advanceMinutes(60);
    t.source.away(30);
    t.policy.check();
    t.setRunning(entry({ id: 43, runningSince: t.clock.now().toISOString(), hours: 0 }));
    t.source.back();
    expect(t.asked).toEqual([]);
  });

  it('an unanswered question waits: more idle, polls and returns change nothing', () => {
    const t = setup();
    t.clock.advanceMinutes(60);
    t.source.away(20);
    t.policy.check();
    t.source.back();
    const first = t.policy.question();
    t.clock.advanceMinutes(120);
    t.source.away(60);
    t.policy.check();
    t.source.back();
    t.source.emit('suspend');
    t.source.emit('resume');
    expect(t.policy.question()).toEqual(first);
    expect(t.asked).toHaveLength(1);
    t.policy.clear();
    expect(t.policy.question()).toBeNull();
    expect(t.asked).toEqual([first, null]);
  });

  it('stops listening once disposed', () => {
    const t = setup();
    t.policy.dispose();
    t.clock.advanceMinutes(30);
    t.source.emit('lock-screen');
    t.clock.advanceMinutes(30);
    t.source.emit('unlock-screen');
    expect(t.asked).toEqual([]);
  });
});
