// Tests the focus cycle with a fake clock: work and breaks of the set lengths, the long break every so many work
// sessions, skipping, a changed setting from the next phase, a sleep through boundaries landing in the right phase
// (and not counting sessions nobody saw end), and today's count reset at local midnight.
import { describe, expect, it } from 'vitest';
import { FocusCycle, type FocusIntervals } from '../../electron/main/core/desktop/focus';
import { FakeClock } from '../fixtures/fake-clock';

const defaults: FocusIntervals = {
  workMinutes: 25,
  breakMinutes: 5,
  longBreakMinutes: 15,
  longBreakEvery: 4,
};
// Wednesday 25 November 2026, local time.
const at = (h: number, m = 0) => new Date(2026, 10, 25, h, m);

function cycle(intervals: FocusIntervals = defaults, start = at(9)) {
  const clock = new FakeClock(start);
  const focus = new FocusCycle();
  const now = () => clock.now().getTime();
  focus.start(now(), intervals);
  const advance = (minutes: number) => {
    clock.advanceMinutes(minutes);
    return focus.advance(now(), intervals).map((b) => b.to);
  };
  const view = () => focus.view(now(), null);
  return { clock, focus, now, advance, view };
}

describe('a focus session', () => {
  it('works 25 minutes, breaks 5, and ends each phase at an instant fixed when it began', () => {
    const c = cycle();
    expect(c.view()).toEqual({
      phase: 'work',
      endsAt: at(9, 25).toISOString(),
      completedToday: 0,
      beepAt: null,
    });
    expect(c.advance(24)).toEqual([]);
    expect(c.advance(1)).toEqual(['break']);
    expect(c.view()).toMatchObject({ phase: 'break', endsAt: at(9, 30).toISOString(), completedToday: 1 });
    expect(c.advance(5)).toEqual(['work']);
    expect(c.view()).toMatchObject({ phase: 'work', endsAt: at(9, 55).toISOString() });
  });

  it('takes a long break after every fourth work session, then starts counting again', () => {
    const c = cycle();
    const phases: string[] = [];
    // Four work sessions with their breaks, then the fifth: each step lands exactly on a boundary.
    for (const minutes of [25, 5, 25, 5, 25, 5, 25, 15, 25, 5]) phases.push(...c.advance(minutes));
    expect(phases).toEqual([
      'break',
      'work',
      'break',
      'work',
      'break',
      'work',
      'longBreak',
      'work',
      'break',
      'work',
    ]);
    expect(c.view().completedToday).toBe(5);
  });

  it('follows the set lengths, and a changed setting applies from the next phase, not the running one', () => {
    const short = { workMinutes: 10, breakMinutes: 2, longBreakMinutes: 7, longBreakEvery: 2 };
    const c = cycle(short);
    expect(c.advance(10)).toEqual(['break']);
    expect(c.view().endsAt).toBe(at(9, 12).toISOString());
    // Breaks get longer while this one runs: it still ends at 9:12, the next one is the new length.
    const longer = { ...short, breakMinutes: 4 };
    expect(c.focus.advance(at(9, 12).getTime(), longer).map((b) => b.to)).toEqual(['work']);
    expect(c.focus.advance(at(9, 22).getTime(), longer).map((b) => b.to)).toEqual(['longBreak']);
    expect(c.focus.view(at(9, 22).getTime(), null).endsAt).toBe(at(9, 29).toISOString());
  });

  it('skips work to a short break without counting it, and skips a break straight back to work', () => {
    const c = cycle();
    c.clock.advanceMinutes(10);
    expect(c.focus.skip(c.now(), defaults)).toEqual({ from: 'work', to: 'break', at: at(9, 10).getTime() });
    expect(c.view()).toMatchObject({ phase: 'break', endsAt: at(9, 15).toISOString(), completedToday: 0 });
    c.clock.advanceMinutes(1);
    expect(c.focus.skip(c.now(), defaults)?.to).toBe('work');
    expect(c.view()).toMatchObject({ phase: 'work', endsAt: at(9, 36).toISOString() });
  });

  it('stopped, it shows no phase and keeps today’s count; skipping then does nothing', () => {
    const c = cycle();
    c.advance(25);
    c.focus.stop();
    expect(c.view()).toEqual({ phase: null, endsAt: null, completedToday: 1, beepAt: null });
    expect(c.focus.skip(c.now(), defaults)).toBeNull();
    expect(c.advance(60)).toEqual([]);
  });
});

describe('across sleep', () => {
  it('a computer that slept through boundaries wakes in the phase the clock says', () => {
    const c = cycle();
    // Asleep at 9:10, awake at 10:07: work to 9:25, break to 9:30, work to 9:55, break to 10:00, work to 10:25.
    c.clock.set(at(10, 7));
    const passed = c.focus.advance(c.now(), defaults);
    expect(passed.map((b) => [b.to, new Date(b.at).getHours(), new Date(b.at).getMinutes()])).toEqual([
      ['break', 9, 25],
      ['work', 9, 30],
      ['break', 9, 55],
      ['work', 10, 0],
    ]);
    expect(c.view()).toMatchObject({ phase: 'work', endsAt: at(10, 25).toISOString() });
  });

  it('counts no work session that ended while the computer slept: nobody saw it worked', () => {
    const c = cycle();
    c.advance(25); // seen on time: counted
    c.clock.set(at(11, 0)); // slept from 9:26 to 11:00 through two more work sessions
    c.focus.advance(c.now(), defaults);
    expect(c.view().completedToday).toBe(1);
    // A boundary noticed within the minute (a busy moment, not a sleep) still counts.
    const d = cycle();
    d.clock.set(new Date(at(9, 25).getTime() + 30_000));
    d.focus.advance(d.now(), defaults);
    expect(d.view().completedToday).toBe(1);
  });

  it('after a long sleep the long break still comes after the fourth work session by the clock', () => {
    const c = cycle();
    c.clock.set(at(10, 51)); // 25+5+25+5+25+5+25 = 115 min: 10:55 ends the fourth work session
    c.focus.advance(c.now(), defaults);
    expect(c.view()).toMatchObject({ phase: 'work', endsAt: at(10, 55).toISOString() });
    expect(c.advance(4)).toEqual(['longBreak']);
    expect(c.view().endsAt).toBe(at(11, 10).toISOString());
  });
});

describe('today’s count', () => {
  it('resets at local midnight', () => {
    const c = cycle(defaults, at(23, 0));
    expect(c.advance(25)).toEqual(['break']); // 23:25
    expect(c.view().completedToday).toBe(1);
    c.advance(5); // work from 23:30 to 23:55
    c.advance(25);
    expect(c.view().completedToday).toBe(2);
    c.advance(10); // 00:05 on Thursday, in the work session that began at midnight
    expect(c.view().completedToday).toBe(0);
    c.advance(20);
    expect(c.view().completedToday).toBe(1);
  });

  it('a work session that ends just after midnight counts for the new day', () => {
    const c = cycle(defaults, at(23, 40));
    c.advance(25); // ends 00:05
    expect(c.view().completedToday).toBe(1);
  });
});
