// Tests Stop at sleep in the idle policy with a fake clock and the simulated power events (the timer stops at the
// moment of sleep or shutdown and the person is told once on return; lock, a setting that is off, or no timer stop
// nothing), putting a question back after a refused answer, and cutting time away at local midnight.
import { describe, expect, it } from 'vitest';
import { IdlePolicy, type SleepStop } from '../../electron/main/core/desktop/idle';
import { createSimulatedIdleSource } from '../../electron/main/adapters/simulated-idle';
import { partsByDay } from '../../electron/main/core/timesheet/away-days';
import type { IdleQuestion } from '../../shared/settings';
import type { EntryView } from '../../shared/state';
import { entryView } from '../fixtures/app-state';
import { FakeClock } from '../fixtures/fake-clock';

const nine = new Date(2026, 10, 25, 9, 0, 0);

function withStopAtSleep(
  on = true,
  running: EntryView | null = entryView({ id: 7, isRunning: true, runningSince: nine.toISOString() }),
) {
  const clock = new FakeClock(nine);
  const source = createSimulatedIdleSource(clock);
  const stopped: SleepStop[] = [];
  const told: SleepStop[] = [];
  const asked: Array<IdleQuestion | null> = [];
  const policy = new IdlePolicy({
    clock,
    source,
    thresholdMinutes: () => 10,
    running: () => (stopped.length ? null : running),
    onQuestion: (q) => asked.push(q),
    stopAtSleep: () => on,
    onSleep: (stop) => stopped.push(stop),
    onBackAfterSleep: (stop) => told.push(stop),
  });
  return { clock, source, policy, stopped, told, asked };
}

describe('stop at sleep', () => {
  it('stops the running timer at the moment the computer sleeps and tells once on return, asking nothing', () => {
    const t = withStopAtSleep();
    t.clock.advanceMinutes(90);
    t.source.emit('suspend');
    expect(t.stopped).toEqual([
      { entry: expect.objectContaining({ id: 7 }), at: t.clock.now(), why: 'sleep' },
    ]);
    expect(t.told).toEqual([]);
    t.clock.advanceMinutes(600);
    t.source.emit('resume');
    t.source.emit('unlock-screen');
    expect(t.told).toHaveLength(1);
    expect(t.told[0]!.at).toEqual(new Date(2026, 10, 25, 10, 30));
    expect(t.asked).toEqual([]);
  });

  it('says "shut down" for a shutdown', () => {
    const t = withStopAtSleep();
    t.source.emit('shutdown');
    t.source.emit('user-active');
    expect(t.told.map((s) => s.why)).toEqual(['shutdown']);
  });

  it('a screen lock stops nothing: the person is asked about the time away as before', () => {
    const t = withStopAtSleep();
    t.source.emit('lock-screen');
    t.clock.advanceMinutes(30);
    t.source.emit('unlock-screen');
    expect(t.stopped).toEqual([]);
    expect(t.asked).toHaveLength(1);
  });

  it('with the setting off, sleep is time away to ask about, and a shutdown does nothing', () => {
    const t = withStopAtSleep(false);
    t.source.emit('shutdown');
    t.source.emit('suspend');
    t.clock.advanceMinutes(30);
    t.source.emit('resume');
    expect(t.stopped).toEqual([]);
    expect(t.told).toEqual([]);
    expect(t.asked[0]).toMatchObject({ minutes: 30 });
  });

  it('with no timer running, stops and tells nothing', () => {
    const t = withStopAtSleep(true, null);
    t.source.emit('suspend');
    t.source.emit('resume');
    expect(t.stopped).toEqual([]);
    expect(t.told).toEqual([]);
  });
});

describe('a refused answer', () => {
  it('puts the same question back, unless another is open', () => {
    const t = withStopAtSleep(false);
    t.source.emit('lock-screen');
    t.clock.advanceMinutes(30);
    t.source.emit('unlock-screen');
    const asked = t.policy.pending()!;
    t.policy.clear();
    t.policy.reopen(asked);
    expect(t.policy.pending()).toBe(asked);
    t.policy.reopen({ ...asked, back: t.clock.now() });
    expect(t.policy.pending()).toBe(asked);
  });
});

describe('time away by day', () => {
  it('stays one part within a day', () => {
    const from = new Date(2026, 10, 25, 10, 23);
    const to = new Date(2026, 10, 25, 11, 0);
    expect(partsByDay(from, to)).toEqual([{ spentDate: '2026-11-25', from, to }]);
  });

  it('is cut at each local midnight it crosses, each part on its own day', () => {
    const parts = partsByDay(new Date(2026, 10, 25, 23, 30), new Date(2026, 10, 27, 0, 40));
    expect(parts.map((p) => [p.spentDate, (p.to.getTime() - p.from.getTime()) / 60_000])).toEqual([
      ['2026-11-25', 30],
      ['2026-11-26', 1440],
      ['2026-11-27', 40],
    ]);
  });

  it('has no parts when nothing was away', () => {
    expect(partsByDay(nine, nine)).toEqual([]);
  });
});
