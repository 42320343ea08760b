// Tests Timesheet Approval as the popover meets it, against the sandbox: submitted and approved entries carry
// their standing and a reason in words, edits to them are refused before Harvest is asked, and a change queued
// before the entry was submitted is kept and shown, never dropped.
import { describe, expect, it } from 'vitest';
import type { EntryView } from '../../shared/state';
import { offlineHelpers } from '../fixtures/offline-app';
import { signedInApp, type Harness } from '../fixtures/signed-in-app';

let h: Harness;
const { startOffline } = offlineHelpers(() => h);

/** Starts and stops a timer that reaches Harvest; its Harvest id. */
async function finishedEntry(notes: string): Promise<number> {
  await startOffline(notes);
  h.clock.advanceMinutes(30);
  await h.app.commands.stopTimer(undefined);
  await h.app.whenSynced();
  return h.app.getState().day.entries.find((e) => e.notes === notes)!.id as number;
}

const shown = (id: number): EntryView => h.app.getState().day.entries.find((e) => e.id === id)!;

describe('submitted and approved entries', () => {
  it('shows a submitted entry as submitted and locked, saying why in words rather than Harvest’s', async () => {
    h = await signedInApp();
    const submitted = await finishedEntry('submitted');
    const approved = await finishedEntry('approved');
    h.sandbox.admin.submitEntry(submitted);
    h.sandbox.admin.closeEntry(approved);
    await h.app.commands.refresh(undefined);
    expect(shown(submitted)).toMatchObject({
      approval: 'submitted',
      isLocked: true,
      lockedReason: "Submitted for approval: it can't change until it's approved or sent back",
    });
    expect(shown(approved)).toMatchObject({
      approval: 'approved',
      isLocked: true,
      lockedReason: 'Approved in Harvest',
    });
  });

  it('refuses an edit to a submitted entry without asking Harvest', async () => {
    h = await signedInApp();
    const id = await finishedEntry('frozen');
    h.sandbox.admin.submitEntry(id);
    await h.app.commands.refresh(undefined);
    h.takeRequests();
    await expect(h.app.commands.updateNotes({ entryId: id, notes: 'changed' })).rejects.toThrow(
      /^Submitted for approval: it can't change until it's approved or sent back\.$/,
    );
    await expect(h.app.commands.editEntry({ entryId: id, changes: { hours: 2 } })).rejects.toThrow(
      /Submitted for approval/,
    );
    expect(h.takeRequests().filter((r) => !r.startsWith('GET'))).toEqual([]);
    expect(shown(id).notes).toBe('frozen');
  });

  it('keeps and shows a change queued before the entry was submitted, with Harvest’s refusal', async () => {
    h = await signedInApp();
    const id = await finishedEntry('before submitting');
    h.sandbox.faults.outage = true;
    await h.app.commands.updateNotes({ entryId: id, notes: 'written offline' });
    h.sandbox.admin.submitEntry(id);
    h.sandbox.faults.outage = false;
    await h.app.commands.refresh(undefined);
    await h.app.whenSynced();
    const { setAside } = h.app.getState();
    expect(setAside).toHaveLength(1);
    expect(setAside[0]).toMatchObject({
      reason: expect.stringMatching(/submitted/i),
      canApplyElsewhere: true,
    });
    expect(h.sandbox.admin.entries().find((e) => e.id === id)!.notes).toBe('before submitting');
  });
});
