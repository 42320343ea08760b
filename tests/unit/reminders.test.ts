// Tests the reminders with a fake clock: "still running" once per timer after N hours, "no timer running" only
// while active in working hours, at most once per interval, and each one switchable off.
import { describe, expect, it } from 'vitest';
import { inWorkingHours, Reminders, type ReminderCheck } from '../../electron/main/core/desktop/reminders';
import { defaultSettings, type Settings } from '../../shared/settings';
import type { EntryView } from '../../shared/state';
import { entryView } from '../fixtures/app-state';
import { FakeClock } from '../fixtures/fake-clock';

// Wednesday 25 November 2026, local time.
const wednesday = (h: number, m = 0) => new Date(2026, 10, 25, h, m);

function runningEntry(since: Date, id: number | string = 1): EntryView {
  return entryView({
    id,
    spentDate: '2026-11-25',
    projectId: 1,
    projectCode: null,
    taskId: 2,
    hours: 0,
    isRunning: true,
    runningSince: since.toISOString(),
  });
}

function checker(settings: Settings = defaultSettings) {
  const clock = new FakeClock(wednesday(9));
  const reminders = new Reminders();
  const check = (over: Partial<ReminderCheck> = {}) =>
    reminders.check({ now: clock.now(), settings, signedIn: true, running: null, idleSeconds: 0, ...over });
  return { clock, check };
}

describe('still running', () => {
  it('tells once per timer when it passes the set hours', () => {
    const { clock, check } = checker();
    const e = runningEntry(wednesday(9));
    clock.set(wednesday(16, 59));
    expect(check({ running: e })).toBeNull();
    clock.set(wednesday(17, 0));
    expect(check({ running: e })).toEqual({
      kind: 'stillRunning',
      title: 'Timer still running (8:00)',
      body: "Website — Design. Stop it if you're done.",
    });
    clock.set(wednesday(18));
    expect(check({ running: e })).toBeNull();
    // A different long timer is told about again.
    expect(check({ running: runningEntry(wednesday(9), 2) })?.kind).toBe('stillRunning');
  });

  it('follows the set number of hours and can be turned off', () => {
    const two = { ...defaultSettings, stillRunningHours: 2 };
    const a = checker(two);
    a.clock.set(wednesday(11));
    expect(a.check({ running: runningEntry(wednesday(9)) })?.kind).toBe('stillRunning');
    const off = checker({ ...two, notifications: { ...two.notifications, stillRunning: false } });
    off.clock.set(wednesday(20));
    expect(off.check({ running: runningEntry(wednesday(9)) })).toBeNull();
  });
});

describe('no timer running', () => {
  it('reminds while active in working hours, at most once per interval', () => {
    const { clock, check } = checker();
    expect(check()).toMatchObject({ kind: 'noTimer', title: 'No timer running' });
    clock.advanceMinutes(30);
    expect(check()).toBeNull();
    clock.advanceMinutes(29);
    expect(check()).toBeNull();
    clock.advanceMinutes(1);
    expect(check()?.kind).toBe('noTimer');
  });

  it('stays quiet while the person is away from the computer', () => {
    const { check } = checker();
    expect(check({ idleSeconds: 300 })).toBeNull();
    expect(check({ idleSeconds: 5 })?.kind).toBe('noTimer');
  });

  it('stays quiet outside working hours and days, when off, and when signed out', () => {
    const { clock, check } = checker();
    clock.set(wednesday(8, 59));
    expect(check()).toBeNull();
    clock.set(wednesday(17, 0));
    expect(check()).toBeNull();
    clock.set(new Date(2026, 10, 28, 11)); // Saturday
    expect(check()).toBeNull();
    clock.set(wednesday(11));
    expect(check({ signedIn: false })).toBeNull();
    const off = checker({
      ...defaultSettings,
      notifications: { ...defaultSettings.notifications, noTimer: false },
    });
    expect(off.check()).toBeNull();
  });

  it('a running timer means no reminder', () => {
    const { check } = checker();
    expect(check({ running: runningEntry(wednesday(9)) })).toBeNull();
  });
});

describe('inWorkingHours', () => {
  it('uses the set days and the start (inclusive) to end (exclusive)', () => {
    const r = { days: [0, 6], start: '10:00', end: '12:30', intervalMinutes: 60 };
    expect(inWorkingHours(new Date(2026, 10, 29, 10, 0), r)).toBe(true); // Sunday
    expect(inWorkingHours(new Date(2026, 10, 29, 12, 29), r)).toBe(true);
    expect(inWorkingHours(new Date(2026, 10, 29, 12, 30), r)).toBe(false);
    expect(inWorkingHours(wednesday(11), r)).toBe(false);
  });
});
