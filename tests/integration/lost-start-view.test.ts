// Tests the day as it shows a start whose answer was lost, after a restart and before Sheaf has matched it to
// the entry Harvest made: one row, running, not the same entry twice (found by simulation seed 11404).
import { describe, expect, it } from 'vitest';
import { offlineHelpers } from '../fixtures/offline-app';
import { signedInApp, type Harness } from '../fixtures/signed-in-app';

let h: Harness;
const { harvest, startOffline } = offlineHelpers(() => h);
const rowsOf = (notes: string) => h.app.getState().day.entries.filter((e) => e.notes === notes);

describe('a start Harvest made but whose answer was lost', () => {
  it('shows as one running row after a restart, then is matched to the entry Harvest made', async () => {
    h = await signedInApp({ seed: 'empty' });
    // Harvest makes the entry, then the connection drops before its answer; looking it up fails for now too.
    h.sandbox.faults.add({ kind: 'drop-after', method: 'POST', count: 1 });
    h.sandbox.faults.add({ kind: 500, method: 'GET', path: /updated_since/, count: 1000 });
    await startOffline('made, answer lost');
    await expect.poll(() => harvest('made, answer lost').length).toBe(1);
    h.clock.advanceMinutes(1);
    await h.restart();
    await h.app.commands.refresh(undefined);
    const rows = rowsOf('made, answer lost');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ isRunning: true });
    expect(h.app.getState().running?.notes).toBe('made, answer lost');
    // Once Harvest can be asked, the row is matched to the entry it made: still one, and no second entry.
    h.sandbox.faults.clear();
    h.clock.advanceMinutes(1);
    await h.app.commands.refresh(undefined);
    for (let i = 0; i < 40 && h.app.getState().sync.pending > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 60));
      await h.app.whenSynced();
    }
    expect(rowsOf('made, answer lost')).toHaveLength(1);
    expect(harvest('made, answer lost')).toEqual([expect.objectContaining({ is_running: true })]);
  });
});
