// Mistakes refused before they are acknowledged: impossible dates at the contract, an edit whose one new time
// falls on the wrong side of the entry's other, settings out of order and commands while signed out, in core.
// Harvest never sees any of them.
import { afterEach, describe, expect, it } from 'vitest';
import { commands as contract, type CommandHandlers } from '../../shared/ipc';
import { endBeforeStart } from '../../shared/wall-clock';
import type { AssignmentOption } from '../../shared/state';
import { localDate } from '../../electron/main/core/base/dates';
import { dispatch } from '../../electron/main/dispatch';
import { signedInApp, type Harness } from '../fixtures/signed-in-app';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

const handlers = (): CommandHandlers => ({ ...h.app.commands, openHarvest: () => {}, hidePopover: () => {} });
const pick = () => (h.app.commands.listAssignments(undefined) as AssignmentOption[])[0]!;

/** Adds 9:00am–11:00am today and waits until Harvest has it; returns its id. */
async function addedEntry(): Promise<number> {
  const o = pick();
  await h.app.commands.addEntry({
    projectId: o.projectId,
    taskId: o.taskId,
    spentDate: localDate(h.clock.now()),
    startedTime: '9:00am',
    endedTime: '11:00am',
    notes: 'to edit',
  });
  await h.app.whenSynced();
  return h.sandbox.admin.entries().find((e) => e.notes === 'to edit')!.id;
}

describe('impossible dates', () => {
  it.each(['2025-02-30', '0000-00-00', '2025-12-32', '9999-99-99'])(
    'showDay(%s) is refused with bad_input and the popover keeps showing the day it showed',
    async (date) => {
      h = await signedInApp();
      const before = h.app.getState().day;
      const result = await dispatch(handlers(), 'showDay', { date });
      expect(result).toMatchObject({ ok: false, error: { code: 'bad_input' } });
      expect(h.app.getState().day).toEqual(before);
    },
  );

  it('addEntry on 2025-02-30 is refused before it is acknowledged, and nothing reaches Harvest', async () => {
    h = await signedInApp();
    const o = pick();
    const before = h.sandbox.admin.entries();
    const result = await dispatch(handlers(), 'addEntry', {
      projectId: o.projectId,
      taskId: o.taskId,
      spentDate: '2025-02-30',
      hours: 1,
    });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'bad_input',
        message: "spentDate: 2025-02-30 isn't a day on the calendar. Pick a date like 2025-01-31",
      },
    });
    await h.app.whenSynced();
    expect(h.app.getState().sync.pending).toBe(0);
    expect(h.sandbox.admin.entries()).toEqual(before);
  });
});

describe('editing one time of an entry', () => {
  it.each([
    ['a new end before its 9:00am start', { endedTime: '8:00am' }],
    ['a new start after its 11:00am end', { startedTime: '11:30am' }],
  ])('refuses %s with a clear message, and Harvest keeps the entry as it was', async (_what, changes) => {
    h = await signedInApp({ wantsTimestampTimers: true });
    const id = await addedEntry();
    const before = h.sandbox.admin.entries();
    // Both times given are ordered at the contract; one time given passes it and is ordered by core.
    expect(contract.editEntry.input.safeParse({ entryId: id, changes }).success).toBe(true);
    const result = await dispatch(handlers(), 'editEntry', { entryId: id, changes });
    expect(result).toEqual({ ok: false, error: { code: 'validation', message: endBeforeStart } });
    await h.app.whenSynced();
    expect(h.app.getState().sync.pending).toBe(0);
    expect(h.sandbox.admin.entries()).toEqual(before);
  });

  it.each([
    [
      'a new end after its start',
      { endedTime: '11:30am' },
      { started_time: '9:00am', ended_time: '11:30am' },
    ],
    [
      'a new start before its end',
      { startedTime: '8:00am' },
      { started_time: '8:00am', ended_time: '11:00am' },
    ],
    [
      'a new end equal to its start',
      { endedTime: '9:00am' },
      { started_time: '9:00am', ended_time: '9:00am' },
    ],
  ])('takes %s and sends it to Harvest', async (_what, changes, harvest) => {
    h = await signedInApp({ wantsTimestampTimers: true });
    const id = await addedEntry();
    expect(await dispatch(handlers(), 'editEntry', { entryId: id, changes })).toEqual({
      ok: true,
      value: undefined,
    });
    await h.app.whenSynced();
    expect(h.sandbox.admin.entries().find((e) => e.id === id)).toMatchObject(harvest);
  });

  it("orders a running timer's new start against nothing, since it has no end yet", async () => {
    h = await signedInApp({ wantsTimestampTimers: true });
    const o = pick();
    await h.app.commands.startTimer({ projectId: o.projectId, taskId: o.taskId });
    await h.app.whenSynced();
    const running = h.app.getState().running!;
    const result = await dispatch(handlers(), 'editEntry', {
      entryId: running.id,
      changes: { startedTime: '9:30am' },
    });
    expect(result).toEqual({ ok: true, value: undefined });
  });
});

describe('local refusals as the popover gets them', () => {
  it('settings whose working hours end before they start come back as validation, in the settings words', async () => {
    h = await signedInApp();
    const result = await dispatch(handlers(), 'updateSettings', { noTimerReminder: { start: '19:00' } });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'validation',
        message: expect.stringContaining('Working hours must end after they start'),
      },
    });
  });

  it('a timer command while signed out comes back as unauthorized, asking to sign in first', async () => {
    h = await signedInApp({ signIn: false });
    const o = { projectId: 1, taskId: 2 };
    for (const [name, input] of [
      ['startTimer', o],
      ['pinAssignment', o],
      ['getReport', { period: 'week' }],
    ] as const) {
      expect(await dispatch(handlers(), name, input)).toEqual({
        ok: false,
        error: { code: 'unauthorized', message: 'Sign in to Harvest first.' },
      });
    }
  });
});
