// Tests billed time where the company rounds, against the sandbox's Time Rounding: the day and week carry what
// Harvest will bill (each entry rounded on its own), and nothing is said where the company doesn't round.
import { describe, expect, it } from 'vitest';
import { offlineHelpers } from '../fixtures/offline-app';
import { signedInApp, type Harness } from '../fixtures/signed-in-app';

let h: Harness;
const { pick } = offlineHelpers(() => h);

async function addHours(hours: number, notes: string) {
  const o = pick();
  const spentDate = h.app.getState().day.date;
  await h.app.commands.addEntry({ projectId: o.projectId, taskId: o.taskId, spentDate, hours, notes });
}

describe('billed hours', () => {
  it('adds each entry rounded up to the quarter hour, so 1.1 h and 1.1 h bill 2.5 h, and reads the rule', async () => {
    h = await signedInApp({ seed: 'empty', timeRounding: { minutes: 15, mode: 'up' } });
    await addHours(1.1, 'one');
    await addHours(1.1, 'two');
    await h.app.whenSynced();
    await h.app.commands.refresh(undefined);
    const { day } = h.app.getState();
    expect(day.totalHours).toBeCloseTo(2.2);
    expect(day.billed).toEqual({ rounding: { minutes: 15, mode: 'up' }, dayHours: 2.5, weekHours: 2.5 });
  });

  it('bills a change not yet in Harvest by the rule read from the rest', async () => {
    h = await signedInApp({ seed: 'empty', timeRounding: { minutes: 15, mode: 'up' } });
    await addHours(1.1, 'answered');
    await h.app.whenSynced();
    h.sandbox.faults.outage = true;
    await addHours(0.3, 'offline');
    expect(h.app.getState().day.billed).toMatchObject({ dayHours: 1.75 });
  });

  it('says nothing of billing where the company doesn’t round', async () => {
    h = await signedInApp({ seed: 'empty', timeRounding: false });
    await addHours(1.1, 'plain');
    await h.app.whenSynced();
    expect(h.app.getState().day.billed ?? null).toBeNull();
  });
});
