// Sheaf against the sandbox behaving as the real Harvest does: times in the company's clock, fields of the other
// account style ignored, restarts that answer with a new entry, members without /company, profile time zones.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { localDate } from '../../electron/main/core/base/dates';
import type { Intent, SendNote } from '../../electron/main/core/timesheet/intents';
import { Sender } from '../../electron/main/core/timesheet/sender';
import { startSandbox } from '../../electron/sandbox/server';
import { FakeClock } from '../fixtures/fake-clock';
import { testClient } from '../fixtures/harvest-client';
import type { AssignmentOption } from '../../shared/state';
import { signedInApp, wednesdayMorning, type Harness, type HarnessOptions } from '../fixtures/signed-in-app';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

function firstOption(): AssignmentOption {
  const options = h.app.commands.listAssignments(undefined) as AssignmentOption[];
  return options[0]!;
}

/** Signs in as a member: /company answers 403, so the style, clock and week start can't come from there. */
async function member(options: HarnessOptions) {
  h = await signedInApp({ ...options, signIn: false });
  h.sandbox.admin.setCompanyForbidden(true);
  await h.app.commands.signIn({ token: h.sandbox.token, accountId: h.sandbox.accountId });
}

const today = () => localDate(h.clock.now());

/** A finished entry made today on the web (Harvest has it; Sheaf hears of it on its next read). */
function enteredToday(
  option: AssignmentOption,
  time: { hours?: number; started_time?: string; ended_time?: string },
) {
  return h.sandbox.admin.createEntry({
    project_id: option.projectId,
    task_id: option.taskId,
    spent_date: today(),
    ...time,
  });
}

describe('a 24-hour start/end-time account', () => {
  it('finds a timer whose create answer was lost (Harvest wrote "10:00" for "10:00am"), never creating it twice', async () => {
    h = await signedInApp({ wantsTimestampTimers: true, timeClock: '24h', seed: 'empty' });
    const option = firstOption();
    h.sandbox.faults.add({ kind: 'drop-after', method: 'POST', path: /time_entries/ });
    await h.app.commands.startTimer({
      projectId: option.projectId,
      taskId: option.taskId,
      notes: 'lost answer',
    });
    await h.app.whenSynced();
    const entries = h.sandbox.admin.entries();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ is_running: true, started_time: '10:00', notes: 'lost answer' });
    expect(h.app.getState().running?.id).toBe(entries[0]!.id);
  });

  it('sends the times a person typed in the 24-hour clock Harvest answers in', async () => {
    h = await signedInApp({ wantsTimestampTimers: true, timeClock: '24h', seed: 'empty' });
    const option = firstOption();
    h.takeRequests();
    await h.app.commands.addEntry({
      projectId: option.projectId,
      taskId: option.taskId,
      spentDate: today(),
      startedTime: '8:30am',
      endedTime: '9:15am',
    });
    await h.app.whenSynced();
    const post = h.sandbox.requestLog.find((r) => r.method === 'POST');
    expect(post?.body).toMatchObject({ started_time: '08:30', ended_time: '09:15' });
    expect(h.sandbox.admin.entries()[0]).toMatchObject({ hours: 0.75, is_running: false });
  });
});

describe("only the account style's own fields reach Harvest", () => {
  it('hours added on a start/end-time account become a finished span, not a running timer', async () => {
    h = await signedInApp({ wantsTimestampTimers: true, seed: 'empty' });
    const option = firstOption();
    await h.app.commands.addEntry({
      projectId: option.projectId,
      taskId: option.taskId,
      spentDate: today(),
      hours: 1.5,
    });
    await h.app.whenSynced();
    expect(h.sandbox.admin.entries()).toEqual([
      expect.objectContaining({
        is_running: false,
        hours: 1.5,
        started_time: '8:30am',
        ended_time: '10:00am',
      }),
    ]);
    expect(h.app.getState().running).toBeNull();
  });

  it('new hours on a finished start/end-time entry move its end, so Harvest keeps them', async () => {
    h = await signedInApp({ wantsTimestampTimers: true, seed: 'empty' });
    const option = firstOption();
    const entry = enteredToday(option, { started_time: '8:00am', ended_time: '9:00am' });
    await h.app.commands.refresh(undefined);
    await h.app.commands.editEntry({ entryId: entry.id, changes: { hours: 1.75 } });
    await h.app.whenSynced();
    expect(h.sandbox.admin.entries()[0]).toMatchObject({
      hours: 1.75,
      started_time: '8:00am',
      ended_time: '9:45am',
    });
  });

  it('new times on a duration entry become its hours, since Harvest ignores times there', async () => {
    h = await signedInApp({ seed: 'empty' });
    const option = firstOption();
    const entry = enteredToday(option, { hours: 1 });
    await h.app.commands.refresh(undefined);
    await h.app.commands.editEntry({
      entryId: entry.id,
      changes: { startedTime: '9:00am', endedTime: '11:30am' },
    });
    await h.app.whenSynced();
    expect(h.sandbox.admin.entries()[0]).toMatchObject({ hours: 2.5 });
  });
});

describe('a restart Harvest answers with a new entry', () => {
  it('is found as the new running entry after its answer is lost, and later changes go to that entry', async () => {
    // A member on a start/end-time account with nothing yet to learn the style from: Sheaf restarts in place.
    await member({ wantsTimestampTimers: true, seed: 'empty' });
    const option = firstOption();
    const old = enteredToday(option, { hours: 1 });
    await h.app.commands.refresh(undefined);
    expect(h.app.getState().prefs.timestampTimers).toBe(false);
    h.sandbox.faults.add({ kind: 'drop-after', method: 'PATCH', path: /restart/ });
    await h.app.commands.restartEntry({ entryId: old.id });
    await h.app.whenSynced();
    const running = h.sandbox.admin.entries().filter((e) => e.is_running);
    expect(running).toHaveLength(1);
    expect(running[0]!.id).not.toBe(old.id);
    expect(h.app.getState().running?.id).toBe(running[0]!.id);
    await h.app.commands.stopTimer(undefined);
    await h.app.whenSynced();
    expect(h.sandbox.admin.entries().filter((e) => e.is_running)).toHaveLength(0);
    expect(h.sandbox.admin.entries()).toHaveLength(2);
    expect(h.app.getState().setAside).toEqual([]);
  });
});

describe('a member, who may not read /company', () => {
  it('learns the 24-hour clock and the timer style from the times Harvest returns', async () => {
    await member({ wantsTimestampTimers: true, timeClock: '24h' });
    expect(h.app.getState().prefs).toMatchObject({
      timestampTimers: true,
      clock: '24h',
      weekStartChosenHere: true,
    });
  });

  it('keeps the 12-hour clock when Harvest writes times with am and pm', async () => {
    await member({ wantsTimestampTimers: true, timeClock: '12h' });
    expect(h.app.getState().prefs.clock).toBe('12h');
  });

  it('sets the day the week starts in Settings, and the week Sheaf reads from Harvest follows', async () => {
    await member({});
    expect(h.app.getState().week.start).toBe('2026-11-23'); // Monday
    await h.app.commands.updateSettings({ weekStartDay: 'Wednesday' });
    await vi.waitFor(() =>
      expect(h.app.getState().week).toMatchObject({ start: '2026-11-25', end: '2026-12-01' }),
    );
    // The new week is read from Harvest, from its first day.
    await vi.waitFor(() =>
      expect(h.sandbox.requestLog.some((r) => r.path.includes('from=2026-11-25&to=2026-12-01'))).toBe(true),
    );
    expect(h.app.getState().prefs.weekStartDay).toBe('Wednesday');
  });

  it("follows the company's week start when /company is readable, whatever day that is", async () => {
    h = await signedInApp({ weekStartDay: 'Thursday' });
    expect(h.app.getState().prefs).toMatchObject({ weekStartDay: 'Thursday', weekStartChosenHere: false });
    expect(h.app.getState().week.start).toBe('2026-11-19');
  });
});

describe('the profile time zone', () => {
  it("says once, plainly, when the computer's zone differs from the Harvest profile's", async () => {
    h = await signedInApp({ timezone: 'Tokyo', app: { timeZone: 'Europe/Berlin' } });
    const notice = (s = h.app.getState()) => s.notices.filter((n) => n.includes('time zone'));
    expect(notice()).toEqual([expect.stringContaining('Tokyo')]);
    expect(notice()[0]).toContain('Europe/Berlin');
    const app = await h.restart();
    await vi.waitFor(() =>
      expect(
        h.sandbox.requestLog.filter((r) => r.path.startsWith('/v2/users/me?') || r.path === '/v2/users/me'),
      ).toHaveLength(2),
    );
    await app.whenSynced();
    expect(notice(app.getState())).toEqual([]);
  });

  it('says nothing when both keep the same clock', async () => {
    h = await signedInApp({ timezone: 'Eastern Time (US & Canada)', app: { timeZone: 'America/Detroit' } });
    expect(h.app.getState().notices.filter((n) => n.includes('time zone'))).toEqual([]);
  });
});

describe('a create sent in one clock and answered in the other', () => {
  it('is still recognised by its minute (an outbox from an older Sheaf wrote "10:00am" for a 24-hour account)', async () => {
    const clock = new FakeClock(wednesdayMorning);
    const sandbox = await startSandbox({
      clock,
      rateLimit: false,
      wantsTimestampTimers: true,
      timeClock: '24h',
    });
    try {
      const { client } = testClient(
        { baseUrl: sandbox.url, token: sandbox.token, accountId: sandbox.accountId },
        clock,
        { sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 20))) },
      );
      const pair = sandbox.admin.assignments()[0]!;
      const ids = new Map<string, number>();
      const ledger = {
        entries: new Map(),
        ids,
        style: { timestampTimers: true, clock: '12h' as const },
        userId: sandbox.userId,
        hasRead: true,
      };
      const sender = new Sender(() => client, clock, ledger);
      const notes: SendNote[] = [];
      const start: Intent = {
        kind: 'start',
        id: 'a',
        at: clock.now().toISOString(),
        localRef: 'local-1',
        projectId: pair.project.id,
        taskId: pair.task_assignments[0]!.task.id,
        notes: '',
        names: { clientName: '', projectName: '', projectCode: null, taskName: '' },
      };
      sandbox.faults.add({ kind: 'drop-after', method: 'POST', path: /time_entries/ });
      await sender.send([start], {
        annotate: async (_intent, note) => void notes.push(note),
        heard: () => undefined,
        created: async (localRef, news) => void ids.set(localRef, news.entry.id),
      });
      const [made] = sandbox.admin.entries().filter((e) => e.is_running);
      expect(made?.started_time).toBe('10:00');
      // The sender reports how it sent the create (kept by the queue) rather than writing on the intent.
      expect(notes).toContainEqual(expect.objectContaining({ sentStartedTime: '10:00am' }));
      expect(start.sentStartedTime).toBeUndefined();
      expect(ids.get('local-1')).toBe(made!.id);
      expect(sandbox.admin.entries().filter((e) => e.is_running)).toHaveLength(1);
    } finally {
      await sandbox.close();
    }
  });
});
