// Tests snoozing the reminders with a fake clock: quiet for 15 minutes or an hour, then the snoozed reminder comes
// back once (not on every check after); snoozed for today, nothing until the next local day.
import { describe, expect, it } from 'vitest';
import { Reminders, snoozeEnds, type ReminderCheck } from '../../electron/main/core/desktop/reminders';
import { defaultSettings } from '../../shared/settings';
import type { EntryView } from '../../shared/state';
import { entryView } from '../fixtures/app-state';
import { FakeClock } from '../fixtures/fake-clock';

// Wednesday 25 November 2026, local time.
const wednesday = (h: number, m = 0) => new Date(2026, 10, 25, h, m);

function runningSince(since: Date): EntryView {
  return entryView({
    id: 1,
    spentDate: '2026-11-25',
    isRunning: true,
    hours: 0,
    runningSince: since.toISOString(),
  });
}

function checker(start = wednesday(10)) {
  const clock = new FakeClock(start);
  const reminders = new Reminders();
  const check = (over: Partial<ReminderCheck> = {}) =>
    reminders.check({
      now: clock.now(),
      settings: defaultSettings,
      signedIn: true,
      running: null,
      idleSeconds: 0,
      ...over,
    })?.kind ?? null;
  const snooze = (length: '15m' | '1h' | 'today') => reminders.snooze(clock.now(), length);
  return { clock, check, snooze };
}

describe('a snoozed reminder', () => {
  it('"no timer running" snoozed 15 minutes comes back once after them, then keeps its interval', () => {
    const t = checker();
    expect(t.check()).toBe('noTimer');
    t.snooze('15m');
    t.clock.advanceMinutes(14);
    expect(t.check()).toBeNull();
    t.clock.advanceMinutes(1);
    expect(t.check()).toBe('noTimer'); // back, though the hourly interval hasn't passed
    t.clock.advanceMinutes(1);
    expect(t.check()).toBeNull(); // once, not on every check after
    t.clock.advanceMinutes(58);
    expect(t.check()).toBeNull();
    t.clock.advanceMinutes(1);
    expect(t.check()).toBe('noTimer'); // an hour after it came back
  });

  it('"timer still running" snoozed an hour comes back once, though it is otherwise told once per timer', () => {
    const t = checker(wednesday(17));
    const long = runningSince(wednesday(9));
    expect(t.check({ running: long })).toBe('stillRunning');
    t.snooze('1h');
    t.clock.advanceMinutes(59);
    expect(t.check({ running: long })).toBeNull();
    t.clock.advanceMinutes(1);
    expect(t.check({ running: long })).toBe('stillRunning');
    for (let i = 0; i < 5; i++) {
      t.clock.advanceMinutes(30);
      expect(t.check({ running: long })).toBeNull();
    }
  });

  it('comes back only if it still applies: a timer started meanwhile means no "no timer running"', () => {
    const t = checker();
    expect(t.check()).toBe('noTimer');
    t.snooze('15m');
    t.clock.advanceMinutes(15);
    expect(t.check({ running: runningSince(wednesday(10, 5)) })).toBeNull();
    // Out of working hours when the snooze ends: not then either.
    const late = checker(wednesday(16, 50));
    expect(late.check()).toBe('noTimer');
    late.snooze('15m');
    late.clock.set(wednesday(17, 5));
    expect(late.check()).toBeNull();
  });

  it('waits for the person to be back at the computer, then comes back', () => {
    const t = checker();
    expect(t.check()).toBe('noTimer');
    t.snooze('15m');
    t.clock.advanceMinutes(20);
    expect(t.check({ idleSeconds: 600 })).toBeNull();
    t.clock.advanceMinutes(1);
    expect(t.check()).toBe('noTimer');
  });

  it('snoozed for today, none comes back today; the next working day starts as usual', () => {
    const t = checker();
    expect(t.check()).toBe('noTimer');
    t.snooze('today');
    for (const h of [11, 13, 16]) {
      t.clock.set(wednesday(h));
      expect(t.check()).toBeNull();
      expect(t.check({ running: runningSince(wednesday(1)) })).toBeNull();
    }
    t.clock.set(new Date(2026, 10, 26, 0, 1)); // past midnight, but outside working hours
    expect(t.check()).toBeNull();
    t.clock.set(new Date(2026, 10, 26, 9, 0));
    expect(t.check()).toBe('noTimer');
  });

  it('a snooze before any reminder was shown just keeps things quiet for a while', () => {
    const t = checker();
    t.snooze('15m');
    t.clock.advanceMinutes(10);
    expect(t.check()).toBeNull();
    t.clock.advanceMinutes(5);
    expect(t.check()).toBe('noTimer');
  });
});

describe('snoozeEnds', () => {
  it('is 15 minutes, an hour, or the next local midnight', () => {
    const now = wednesday(22, 50);
    expect(snoozeEnds(now, '15m')).toBe(wednesday(23, 5).getTime());
    expect(snoozeEnds(now, '1h')).toBe(wednesday(23, 50).getTime());
    expect(snoozeEnds(now, 'today')).toBe(new Date(2026, 10, 26).getTime());
  });
});
