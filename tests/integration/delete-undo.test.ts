// Delete with undo, end to end against the sandbox: core saves the delete at once (the entry and its hours leave
// the view), holds it back from Harvest for the undo window by the clock, and a restart in between keeps it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { localDate } from '../../electron/main/core/base/dates';
import { undoDeleteMs } from '../../shared/rules';
import type { EntryView } from '../../shared/state';
import { signedInApp, type Harness } from '../fixtures/signed-in-app';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

/** A finished, unlocked entry of today's from the demo seed, with some hours. */
function todaysEntry(): EntryView {
  const e = h.app
    .getState()
    .day.entries.find((x) => !x.isRunning && !x.isLocked && typeof x.id === 'number' && x.hours > 0);
  if (!e) throw new Error('the seed has no finished entry today');
  return e;
}

const inHarvest = (id: EntryView['id']) => h.sandbox.admin.entries().some((e) => e.id === id);
const changesSent = () => h.takeRequests().filter((r) => !r.startsWith('GET'));
/** Real time for the queue's wake-up timer to fire (it looks at the clock at least once a second). */
const letTimersRun = () => new Promise((resolve) => setTimeout(resolve, 1200));

async function deleteUndoably(e: EntryView) {
  await h.app.commands.deleteEntry({ entryId: e.id, undoable: true });
}

describe('delete with undo', () => {
  it('hides the entry and its hours at once, sends nothing while held, and Undo brings it back unsent', async () => {
    h = await signedInApp();
    expect(localDate(h.clock.now())).toBe(h.app.getState().today.date);
    const before = h.app.getState();
    const e = todaysEntry();
    h.takeRequests();

    await deleteUndoably(e);
    const during = h.app.getState();
    expect(during.day.entries.some((x) => x.id === e.id)).toBe(false);
    expect(during.day.entries.some((x) => x.id === e.id)).toBe(false);
    expect(during.today.totalHours).toBeCloseTo(before.today.totalHours - e.hours, 2);
    expect(during.week.totalHours).toBeCloseTo(before.week.totalHours - e.hours, 2);

    h.clock.advance(undoDeleteMs - 100);
    await letTimersRun();
    expect(changesSent()).toEqual([]);
    expect(inHarvest(e.id)).toBe(true);

    await h.app.commands.undoDelete({ entryId: e.id });
    const after = h.app.getState();
    expect(after.day.entries.some((x) => x.id === e.id)).toBe(true);
    expect(after.today.totalHours).toBeCloseTo(before.today.totalHours, 2);
    h.clock.advance(undoDeleteMs * 2);
    await letTimersRun();
    await h.app.whenSynced();
    expect(changesSent()).toEqual([]);
    expect(inHarvest(e.id)).toBe(true);
  });

  it('without Undo, the DELETE goes once the hold is over', async () => {
    h = await signedInApp();
    const e = todaysEntry();
    h.takeRequests();
    await deleteUndoably(e);
    await letTimersRun();
    expect(changesSent()).toEqual([]);
    h.clock.advance(undoDeleteMs);
    await vi.waitFor(() => expect(inHarvest(e.id)).toBe(false), { timeout: 3000 });
    expect(changesSent()).toEqual([`DELETE /v2/time_entries/${e.id}`]);
    await expect(h.app.commands.undoDelete({ entryId: e.id })).rejects.toThrow(/too late/i);
  });

  it('a plain delete (no undo asked) is sent at once', async () => {
    h = await signedInApp();
    const e = todaysEntry();
    h.takeRequests();
    await h.app.commands.deleteEntry({ entryId: e.id });
    await h.app.whenSynced();
    expect(changesSent()).toEqual([`DELETE /v2/time_entries/${e.id}`]);
  });

  it('a restart during the hold keeps the delete: still hidden, sent when the hold is over', async () => {
    h = await signedInApp();
    const e = todaysEntry();
    await deleteUndoably(e);
    h.takeRequests();
    await h.restart();
    await vi.waitFor(() => expect(h.app.getState().session.status).toBe('signed_in'));
    expect(h.app.getState().day.entries.some((x) => x.id === e.id)).toBe(false);
    await letTimersRun();
    expect(changesSent()).toEqual([]);
    expect(inHarvest(e.id)).toBe(true);
    h.clock.advance(undoDeleteMs);
    await vi.waitFor(() => expect(inHarvest(e.id)).toBe(false), { timeout: 3000 });
  });
});
