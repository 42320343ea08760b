// The timesheet end to end: Sheaf's core signed in to the sandbox Harvest over loopback, a shared fake clock.
import { afterEach, describe, expect, it } from 'vitest';
import { localDate } from '../../electron/main/core/base/dates';
import { addDays } from '../../shared/calendar';
import type { AssignmentOption } from '../../shared/state';
import { signedInApp, type Harness } from '../fixtures/signed-in-app';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

function firstOption(): AssignmentOption[] {
  const options = h.app.commands.listAssignments(undefined) as AssignmentOption[];
  expect(options.length).toBeGreaterThan(3);
  return options;
}

function harvestEntry(id: number | string) {
  const e = h.sandbox.admin.entries().find((x) => x.id === id);
  if (!e) throw new Error(`no entry ${id} in Harvest`);
  return e;
}

async function start(index = 0, notes = 'Writing the spec') {
  const o = firstOption()[index]!;
  await h.app.commands.startTimer({ projectId: o.projectId, taskId: o.taskId, notes });
  return o;
}

for (const style of ['duration', 'timestamp'] as const) {
  const timestamp = style === 'timestamp';

  describe(`a ${style} account`, () => {
    it('signs in, loads assignments and this week, and reads the account settings', async () => {
      h = await signedInApp({ wantsTimestampTimers: timestamp });
      const s = h.app.getState();
      expect(s.session.status).toBe('signed_in');
      expect(s.prefs.timestampTimers).toBe(timestamp);
      const today = localDate(h.clock.now());
      const mine = h.sandbox.admin.entries().filter((e) => e.spent_date === today);
      expect(s.day.entries.map((e) => e.id).sort()).toEqual(mine.map((e) => e.id).sort());
      // Only active assignments are offered.
      const active = h.sandbox.admin
        .assignments()
        .filter((a) => a.is_active)
        .flatMap((a) => a.task_assignments.filter((t) => t.is_active));
      expect(firstOption()).toHaveLength(active.length);
    });

    it('starts a timer at once, with exactly one request to Harvest', async () => {
      h = await signedInApp({ wantsTimestampTimers: timestamp });
      h.takeRequests();
      const o = await start(0, 'Kick-off');
      // Optimistic: running before Harvest has answered.
      const s = h.app.getState();
      expect(s.running).toMatchObject({
        projectId: o.projectId,
        taskId: o.taskId,
        notes: 'Kick-off',
        isRunning: true,
      });
      expect(s.running?.runningSince).toBe(h.clock.now().toISOString());
      await h.app.whenSynced();
      expect(h.takeRequests()).toEqual(['POST /v2/time_entries']);
      const running = h.sandbox.admin.entries().filter((e) => e.is_running);
      expect(running).toHaveLength(1);
      expect(running[0]).toMatchObject({
        project: { id: o.projectId },
        task: { id: o.taskId },
        notes: 'Kick-off',
      });
      if (timestamp) expect(running[0]!.started_time).toBe('10:00am');
      else expect(running[0]!.timer_started_at).toBeTruthy();
      expect(h.app.getState().running?.id).toBe(running[0]!.id);
    });

    it('stops after 30 minutes: half an hour recorded, exactly one request, totals move', async () => {
      h = await signedInApp({ wantsTimestampTimers: timestamp });
      const before = h.app.getState();
      await start();
      await h.app.whenSynced();
      h.clock.advanceMinutes(30);
      h.takeRequests();
      await h.app.commands.stopTimer(undefined);
      expect(h.app.getState().running).toBeNull();
      await h.app.whenSynced();
      expect(h.takeRequests()).toEqual([expect.stringMatching(/^PATCH \/v2\/time_entries\/\d+\/stop$/)]);
      const stopped = h.sandbox.admin.entries().find((e) => e.notes === 'Writing the spec')!;
      expect(stopped.is_running).toBe(false);
      expect(stopped.hours).toBeCloseTo(0.5, 2);
      if (timestamp) expect(stopped.ended_time).toBe('10:30am');
      const after = h.app.getState();
      expect(after.today.totalHours - before.today.totalHours).toBeCloseTo(0.5, 2);
      expect(after.week.totalHours - before.week.totalHours).toBeCloseTo(0.5, 2);
    });

    it("restarts today's entry the account's way", async () => {
      h = await signedInApp({ wantsTimestampTimers: timestamp });
      await start(1, 'Reviews');
      h.clock.advanceMinutes(15);
      await h.app.commands.stopTimer(undefined);
      await h.app.whenSynced();
      const first = h.app.getState().day.entries.find((e) => e.notes === 'Reviews')!;
      h.clock.advanceMinutes(10);
      h.takeRequests();
      await h.app.commands.restartEntry({ entryId: first.id });
      await h.app.whenSynced();
      const running = h.sandbox.admin.entries().filter((e) => e.is_running);
      expect(running).toHaveLength(1);
      if (timestamp) {
        // One start/end pair per entry: a new entry with the same project, task and notes.
        expect(h.takeRequests()).toEqual(['POST /v2/time_entries']);
        expect(running[0]!.id).not.toBe(first.id);
        expect(running[0]).toMatchObject({ notes: 'Reviews', project: { id: first.projectId } });
      } else {
        expect(h.takeRequests()).toEqual([`PATCH /v2/time_entries/${first.id}/restart`]);
        expect(running[0]!.id).toBe(first.id);
        h.clock.advanceMinutes(15);
        await h.app.commands.stopTimer(undefined);
        await h.app.whenSynced();
        expect(harvestEntry(first.id).hours).toBeCloseTo(0.5, 2);
      }
    });

    it('restarting an entry from an earlier day starts a new entry today with the same project, task and notes', async () => {
      h = await signedInApp({ wantsTimestampTimers: timestamp });
      const today = localDate(h.clock.now());
      const earlier = h.sandbox.admin
        .entries()
        .find((e) => e.spent_date < today && !e.is_locked && !e.is_closed && !e.is_running);
      expect(earlier, 'the demo seed has entries earlier this week').toBeTruthy();
      await h.app.commands.restartEntry({ entryId: earlier!.id });
      await h.app.whenSynced();
      const running = h.sandbox.admin.entries().filter((e) => e.is_running);
      expect(running).toHaveLength(1);
      expect(running[0]!.id).not.toBe(earlier!.id);
      expect(running[0]).toMatchObject({
        spent_date: today,
        project: { id: earlier!.project.id },
        task: { id: earlier!.task.id },
        notes: earlier!.notes,
      });
    });

    it('toggles: stops what runs, else restarts the last entry', async () => {
      h = await signedInApp({ wantsTimestampTimers: timestamp });
      await start(2, 'Toggle me');
      await h.app.whenSynced();
      h.clock.advanceMinutes(5);
      await h.app.commands.toggleTimer(undefined);
      expect(h.app.getState().running).toBeNull();
      h.clock.advanceMinutes(5);
      await h.app.commands.toggleTimer(undefined);
      expect(h.app.getState().running).toMatchObject({ notes: 'Toggle me' });
      await h.app.whenSynced();
      expect(h.sandbox.admin.entries().filter((e) => e.is_running)).toHaveLength(1);
    });

    it('updates the running timer’s notes', async () => {
      h = await signedInApp({ wantsTimestampTimers: timestamp });
      await start(0, 'draft');
      const id = h.app.getState().running!.id;
      await h.app.commands.updateNotes({ entryId: id, notes: 'final words' });
      expect(h.app.getState().running?.notes).toBe('final words');
      await h.app.whenSynced();
      const runningId = h.app.getState().running!.id;
      expect(harvestEntry(runningId).notes).toBe('final words');
    });

    it('picks up a timer started, changed and stopped elsewhere on refresh', async () => {
      h = await signedInApp({ wantsTimestampTimers: timestamp });
      const o = firstOption()[3]!;
      const web = h.startElsewhere(o, 'from the phone');
      await h.app.commands.refresh(undefined);
      expect(h.app.getState().running).toMatchObject({ id: web.id, notes: 'from the phone' });
      h.clock.advanceMinutes(20);
      h.sandbox.admin.updateEntry(web.id, { notes: 'edited on the web' });
      await h.app.commands.refresh(undefined);
      expect(h.app.getState().running?.notes).toBe('edited on the web');
      h.sandbox.admin.stopRunning();
      // Stopping here what was already stopped there is not an error: Harvest's view wins.
      await h.app.commands.stopTimer(undefined);
      await h.app.whenSynced();
      expect(h.app.getState().error).toBeNull();
      expect(h.app.getState().running).toBeNull();
      expect(harvestEntry(web.id).hours).toBeCloseTo(20 / 60, 2);
    });
  });
}

describe('trouble', () => {
  it('a member whose token may not read /company still signs in, with defaults, and learns the timer style', async () => {
    h = await signedInApp({ wantsTimestampTimers: true, signIn: false });
    h.sandbox.admin.setCompanyForbidden(true);
    await h.app.commands.signIn({ token: h.sandbox.token, accountId: h.sandbox.accountId });
    const s = h.app.getState();
    expect(s.session.status).toBe('signed_in');
    expect(s.prefs).toMatchObject({
      weekStartDay: 'Monday',
      timeFormat: 'hours_minutes',
      timestampTimers: true,
    });
  });

  it('a wrong token is refused with a message that says what to check', async () => {
    h = await signedInApp({ signIn: false });
    await expect(
      h.app.commands.signIn({ token: 'not-the-token-at-all', accountId: h.sandbox.accountId }),
    ).rejects.toThrow();
    const s = h.app.getState().session;
    expect(s.status).toBe('signed_out');
    expect(s.status === 'signed_out' && s.message).toMatch(/token and account ID/);
    expect(h.secrets.values.size).toBe(0);
  });

  it('remembers the token in the secret store and restores the session on start', async () => {
    h = await signedInApp();
    expect([...h.secrets.values.values()][0]).toContain(h.sandbox.token);
    expect(JSON.stringify(h.app.getState())).not.toContain(h.sandbox.token);
  });

  it('a revoked token signs out with a message and keeps the unsent change', async () => {
    h = await signedInApp();
    h.sandbox.admin.revokeToken();
    await start(0, 'kept');
    await h.app.whenSynced();
    const s = h.app.getState();
    expect(s.session.status).toBe('signed_out');
    expect(s.session.status === 'signed_out' && s.session.message).toMatch(/no longer accepts your token/);
    expect(s.sync.pending).toBe(1);
  });

  it('offline: the change shows at once, waits, and reaches Harvest when it is back', async () => {
    h = await signedInApp();
    h.sandbox.faults.outage = true;
    await start(0, 'on the train');
    await h.app.whenSynced();
    let s = h.app.getState();
    expect(s.running?.notes).toBe('on the train');
    expect(s.sync).toMatchObject({ state: 'offline', pending: 1 });
    h.sandbox.faults.outage = false;
    await h.app.commands.refresh(undefined);
    await h.app.whenSynced();
    s = h.app.getState();
    expect(s.sync).toMatchObject({ state: 'idle', pending: 0 });
    expect(h.sandbox.admin.entries().filter((e) => e.notes === 'on the train')).toHaveLength(1);
  });

  it('a create whose answer was lost is found, not sent twice', async () => {
    h = await signedInApp();
    h.sandbox.faults.add({ kind: 'drop-after', method: 'POST' });
    await start(0, 'exactly once');
    await h.app.whenSynced();
    const created = h.sandbox.admin.entries().filter((e) => e.notes === 'exactly once');
    expect(created).toHaveLength(1);
    expect(h.app.getState().running?.id).toBe(created[0]!.id);
    expect(h.app.getState().sync.pending).toBe(0);
  });

  it('Harvest refusing a change (locked elsewhere) shows its reason and drops only that change', async () => {
    h = await signedInApp();
    await start(0, 'lock me');
    h.clock.advanceMinutes(5);
    await h.app.commands.stopTimer(undefined);
    await h.app.whenSynced();
    const id = h.app.getState().day.entries.find((e) => e.notes === 'lock me')!.id as number;
    h.sandbox.admin.lockEntry(id, 'Item Approved and Locked for this Time Period');
    await h.app.commands.updateNotes({ entryId: id, notes: 'too late' });
    await h.app.whenSynced();
    expect(h.app.getState().setAside).toMatchObject([{ reason: expect.stringMatching(/locked/i) }]);
    expect(h.app.getState().error).toBeNull();
    expect(harvestEntry(id).notes).toBe('lock me');
  });

  it('refuses a project/task that is not among the assignments', async () => {
    h = await signedInApp();
    await expect(h.app.commands.startTimer({ projectId: 999999, taskId: 1 })).rejects.toThrow(/assignments/);
  });
});

describe('time is recorded when the person acted, not when the network came back', () => {
  for (const timestamp of [false, true]) {
    it(`${timestamp ? 'timestamp' : 'duration'} account: a start sent 30 min late has 30 min elapsed; a stop sent an hour late ends when pressed`, async () => {
      h = await signedInApp({ wantsTimestampTimers: timestamp });
      h.sandbox.faults.outage = true;
      await start(0, 'late start');
      await h.app.whenSynced();
      h.clock.advanceMinutes(30);
      h.sandbox.faults.outage = false;
      await h.app.commands.refresh(undefined);
      await h.app.whenSynced();
      const entry = h.sandbox.admin.entries().find((e) => e.notes === 'late start')!;
      expect(entry.is_running).toBe(true);
      expect(entry.hours).toBeCloseTo(0.5, 1);
      if (timestamp) expect(entry.started_time).toBe('10:00am');
      const running = h.app.getState().running!;
      const elapsedHours =
        running.hours + (h.clock.now().getTime() - Date.parse(running.runningSince!)) / 3.6e6;
      expect(elapsedHours).toBeCloseTo(0.5, 1);

      h.clock.advanceMinutes(30); // 10:60 = 11:00, the person stops now…
      h.sandbox.faults.outage = true;
      await h.app.commands.stopTimer(undefined);
      await h.app.whenSynced();
      h.clock.advanceMinutes(60); // …and Harvest hears of it at 12:00.
      h.sandbox.faults.outage = false;
      await h.app.commands.refresh(undefined);
      await h.app.whenSynced();
      const stopped = h.sandbox.admin.entries().find((e) => e.id === entry.id)!;
      expect(stopped.is_running).toBe(false);
      expect(stopped.hours).toBeCloseTo(1, 1);
      if (timestamp) expect(stopped.ended_time).toBe('11:00am');
    });
  }

  it('a start and stop made offline reach Harvest as one finished entry', async () => {
    h = await signedInApp();
    h.sandbox.faults.outage = true;
    await start(0, 'offline pair');
    h.clock.advanceMinutes(45);
    await h.app.commands.stopTimer(undefined);
    await h.app.whenSynced();
    h.clock.advanceMinutes(120);
    h.sandbox.faults.outage = false;
    h.takeRequests();
    await h.app.commands.refresh(undefined);
    await h.app.whenSynced();
    expect(h.takeRequests().filter((r) => !r.startsWith('GET'))).toEqual(['POST /v2/time_entries']);
    const e = h.sandbox.admin.entries().find((x) => x.notes === 'offline pair')!;
    expect(e).toMatchObject({ is_running: false, hours: 0.75 });
  });
});

describe('recent pairs', () => {
  it('lists recent pairs once each, newest first, with their names for the tray', async () => {
    h = await signedInApp();
    const [a, b] = [firstOption()[4]!, firstOption()[5]!];
    await h.app.commands.startTimer({ projectId: a.projectId, taskId: a.taskId });
    h.clock.advanceMinutes(5);
    await h.app.commands.startTimer({ projectId: b.projectId, taskId: b.taskId });
    h.clock.advanceMinutes(5);
    await h.app.commands.startTimer({ projectId: a.projectId, taskId: a.taskId });
    const s = h.app.getState();
    const pair = (o: { projectId: number; taskId: number }) => `${o.projectId}/${o.taskId}`;
    expect(s.recent.slice(0, 2).map(pair)).toEqual([pair(a), pair(b)]);
    expect(s.recent[0]).toEqual(a);
    expect(new Set(s.recent.map(pair)).size).toBe(s.recent.length);
  });

  it('toggle restarts the entry behind the first recent pair, not one made later for an earlier week', async () => {
    h = await signedInApp();
    const [a, b] = [firstOption()[4]!, firstOption()[5]!];
    await h.app.commands.startTimer({ projectId: a.projectId, taskId: a.taskId, notes: 'today’s work' });
    h.clock.advanceMinutes(20);
    await h.app.commands.stopTimer(undefined);
    await h.app.whenSynced();
    // Later, time is added on the web to last week; the person steps back to look at it.
    h.clock.advanceMinutes(5);
    const lastWeek = addDays(localDate(h.clock.now()), -7);
    h.sandbox.admin.createEntry({
      project_id: b.projectId,
      task_id: b.taskId,
      spent_date: lastWeek,
      notes: 'catching up',
      hours: 1,
    });
    await h.app.commands.showDay({ date: lastWeek });
    expect(h.app.getState().day.entries.map((e) => e.notes)).toContain('catching up');

    await h.app.commands.toggleTimer(undefined);
    const s = h.app.getState();
    const pair = (o: { projectId: number; taskId: number }) => `${o.projectId}/${o.taskId}`;
    expect(s.running && pair(s.running)).toBe(pair(a));
    expect(s.running?.notes).toBe('today’s work');
    expect(s.recent[0] && pair(s.recent[0])).toBe(pair(a));
  });
});
