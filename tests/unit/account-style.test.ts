// Checks that changes reach Harvest in the account's own style and clock, since Harvest silently ignores the other.
import { describe, expect, it } from 'vitest';
import { addedTimes, editInStyle } from '../../electron/main/core/timesheet/account-style';
import type { Intent } from '../../electron/main/core/timesheet/intents';
import { entryNames, localEntry } from '../fixtures/local-entry';

const names = entryNames;
const duration = { timestampTimers: false, clock: '12h' } as const;
const timestamps12 = { timestampTimers: true, clock: '12h' } as const;
const timestamps24 = { timestampTimers: true, clock: '24h' } as const;
/** 14:40 local time on the entries' day. */
const at = new Date(2026, 10, 25, 14, 40);

const entry = localEntry;

function added(partial: Partial<Extract<Intent, { kind: 'add' }>>): Extract<Intent, { kind: 'add' }> {
  return {
    kind: 'add',
    id: 'a',
    at: at.toISOString(),
    localRef: 'local-1',
    projectId: 1,
    taskId: 2,
    notes: '',
    names,
    spentDate: '2026-11-25',
    hours: 1.5,
    startedTime: null,
    endedTime: null,
    ...partial,
  };
}

describe('an edit in the account style', () => {
  it('sends hours on a duration account and never start or end times', () => {
    expect(editInStyle(duration, entry(), { hours: 2.255, notes: 'n' }, at)).toEqual({
      hours: 2.26,
      notes: 'n',
    });
  });

  it('turns new times on a duration account into hours, since Harvest ignores the times there', () => {
    const body = editInStyle(duration, entry(), { startedTime: '9:00am', endedTime: '10:30am' }, at);
    expect(body).toEqual({ hours: 1.5 });
  });

  it('leaves hours alone on a duration account when an edit changes only the project', () => {
    const old = entry({ startedTime: '9:00am', endedTime: '5:00pm' });
    expect(editInStyle(duration, old, { projectId: 3, taskId: 4 }, at)).toEqual({
      project_id: 3,
      task_id: 4,
    });
  });

  it('sends no hours on a start/end-time account: new hours move the end, keeping the start', () => {
    const old = entry({ startedTime: '9:00am', endedTime: '10:00am' });
    expect(editInStyle(timestamps12, old, { hours: 2.5 }, at)).toEqual({
      started_time: '9:00am',
      ended_time: '11:30am',
    });
  });

  it('writes times in the company clock on a 24-hour account, whatever style they were typed in', () => {
    const body = editInStyle(timestamps24, entry(), { startedTime: '9:05am', endedTime: '2:30pm' }, at);
    expect(body).toEqual({ started_time: '09:05', ended_time: '14:30' });
  });

  it('sets a running timer on a start/end-time account to start that many hours before the edit', () => {
    const running = entry({ runningSince: new Date(2026, 10, 25, 14), startedTime: '14:00' });
    expect(editInStyle(timestamps24, running, { hours: 1.25 }, at)).toEqual({ started_time: '13:25' });
  });

  it('keeps new hours within the day: a span that would pass midnight ends at 23:59', () => {
    const late = entry({ startedTime: '22:00', endedTime: '23:00' });
    expect(editInStyle(timestamps24, late, { hours: 3 }, at)).toEqual({
      started_time: '20:59',
      ended_time: '23:59',
    });
  });
});

describe('time added on a start/end-time account', () => {
  it('keeps the start and end that were typed, in the company clock', () => {
    const intent = added({ startedTime: '9:00am', endedTime: '10:30am' });
    expect(addedTimes('24h', intent, at)).toEqual({ started_time: '09:00', ended_time: '10:30' });
  });

  it("ends today's hours when the person added them", () => {
    expect(addedTimes('12h', added({ hours: 1.5 }), at)).toEqual({
      started_time: '1:10pm',
      ended_time: '2:40pm',
    });
  });

  it("starts another day's hours at 9:00", () => {
    expect(addedTimes('24h', added({ hours: 2, spentDate: '2026-11-20' }), at)).toEqual({
      started_time: '09:00',
      ended_time: '11:00',
    });
  });

  it('starts at midnight when the hours reach back past it', () => {
    const early = new Date(2026, 10, 25, 0, 30);
    expect(addedTimes('24h', added({ hours: 2, at: early.toISOString() }), early)).toEqual({
      started_time: '00:00',
      ended_time: '02:00',
    });
  });
});
