// Tests that a stop Harvest hears of late lands where the person pressed Stop, and that correcting it never
// undoes what Harvest already knew better (a timer stopped elsewhere first).
import { describe, expect, it } from 'vitest';
import { offlineHelpers } from '../fixtures/offline-app';
import { signedInApp, type Harness } from '../fixtures/signed-in-app';

let h: Harness;
const { harvest, startOffline } = offlineHelpers(() => h);

async function sync() {
  await h.app.commands.refresh(undefined);
  await h.app.whenSynced();
}

describe('a stop Harvest hears of late', () => {
  it('on a start/end-time account, later in the same minute: the hours are the minutes between the times', async () => {
    h = await signedInApp({ seed: 'empty', wantsTimestampTimers: true });
    await startOffline('same minute');
    await h.app.whenSynced();
    h.clock.advanceMinutes(2);
    h.sandbox.faults.outage = true;
    await h.app.commands.stopTimer(undefined);
    // Harvest hears of it 50 seconds after the press, still within 10:02.
    h.clock.advance(50_000);
    h.sandbox.faults.outage = false;
    await sync();
    // Harvest counts a timer to the second: 2 min 50 s would be 0.05 h, shown as 0:03.
    expect(harvest('same minute')).toEqual([
      expect.objectContaining({
        started_time: '10:00am',
        ended_time: '10:02am',
        hours: 0.03,
        is_running: false,
      }),
    ]);
  });

  it('after the timer was stopped elsewhere earlier: keeps the earlier end instead of lengthening it', async () => {
    h = await signedInApp({ seed: 'empty' });
    await startOffline('stopped elsewhere');
    await h.app.whenSynced();
    h.sandbox.faults.outage = true;
    h.clock.advanceMinutes(12);
    // Someone stops it on harvestapp.com at 10:12; this Sheaf, offline, never hears of it and stops it at 10:30.
    h.sandbox.admin.stopRunning();
    h.clock.advanceMinutes(18);
    await h.app.commands.stopTimer(undefined);
    h.clock.advanceMinutes(5);
    h.sandbox.faults.outage = false;
    await sync();
    expect(harvest('stopped elsewhere')).toEqual([
      expect.objectContaining({ hours: 0.2, is_running: false }),
    ]);
  });
});
