// Days and weeks, changes made on the web, pins and reports: Sheaf's core against the sandbox Harvest.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/calendar';
import { localDate } from '../../electron/main/core/base/dates';
import { accountDir } from '../../electron/main/core/storage/local-store';
import { reportFreshMs } from '../../electron/main/core/account/reports';
import type { AssignmentOption } from '../../shared/state';
import { signedInApp, type Harness } from '../fixtures/signed-in-app';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

const options = () => h.app.commands.listAssignments(undefined) as AssignmentOption[];
const today = () => localDate(h.clock.now());

describe('showDay', () => {
  it('shows another day of this week from what is loaded, with every day total of the week', async () => {
    h = await signedInApp();
    const s0 = h.app.getState();
    expect(s0.day.isToday).toBe(true);
    expect(s0.day.date).toBe(today());
    expect(s0.day.date).toBe(s0.today.date);
    expect(s0.day.week.days).toHaveLength(7);
    // The harness's day is a Wednesday and the demo company starts weeks on Monday.
    expect(s0.day.week.start).toBe(addDays(today(), -2));
    expect(s0.day.week.totalHours).toBeCloseTo(s0.week.totalHours, 6);
    h.takeRequests();

    const monday = addDays(today(), -2);
    await h.app.commands.showDay({ date: monday });
    const s1 = h.app.getState();
    expect(h.takeRequests()).toEqual([]);
    expect(s1.day.date).toBe(monday);
    expect(s1.day.isToday).toBe(false);
    const harvestMonday = h.sandbox.admin.entries().filter((e) => e.spent_date === monday);
    expect(s1.day.entries.map((e) => e.id).sort()).toEqual(harvestMonday.map((e) => e.id).sort());
    const mondayHours = harvestMonday.reduce((t, e) => t + e.hours, 0);
    expect(s1.day.totalHours).toBeCloseTo(mondayHours, 6);
    expect(s1.day.week.days[0]).toEqual({ date: monday, totalHours: s1.day.totalHours });
    // Today's list is still today's.
    expect(s1.today.date).toBe(today());
  });

  it("fetches an earlier week from Harvest, keeps today's running timer, and steps back to today", async () => {
    h = await signedInApp();
    const o = options()[0]!;
    const lastWeek = addDays(today(), -7);
    h.sandbox.admin.createEntry({
      project_id: o.projectId,
      task_id: o.taskId,
      spent_date: lastWeek,
      hours: 2.5,
    });
    await h.app.commands.startTimer({ projectId: o.projectId, taskId: o.taskId, notes: 'Now' });
    await h.app.whenSynced();
    h.takeRequests();

    await h.app.commands.showDay({ date: lastWeek });
    expect(h.takeRequests()).toEqual(['GET /v2/time_entries']);
    const s = h.app.getState();
    expect(s.day.date).toBe(lastWeek);
    expect(s.day.loading).toBe(false);
    expect(s.day.entries.map((e) => e.hours)).toEqual([2.5]);
    expect(s.day.week.start).toBe(addDays(lastWeek, -2));
    expect(s.day.week.days.find((d) => d.date === lastWeek)?.totalHours).toBe(2.5);
    expect(s.running?.notes).toBe('Now');

    // A full refresh keeps the shown week complete.
    await h.app.commands.refresh(undefined);
    expect(h.app.getState().day.entries.map((e) => e.hours)).toEqual([2.5]);

    await h.app.commands.showDay({ date: today() });
    expect(h.app.getState().day.isToday).toBe(true);
    expect(h.app.getState().day.entries.some((e) => e.isRunning)).toBe(true);
  });

  it('refuses a date that is not a date', async () => {
    h = await signedInApp();
    const { commands } = await import('../../shared/ipc');
    expect(commands.showDay.input.safeParse({ date: 'tomorrow' }).success).toBe(false);
  });
});

describe('refreshChanges (the popover opened)', () => {
  it('asks only for what changed since the last read and shows a timer started on the web as running', async () => {
    h = await signedInApp();
    h.clock.advance(5 * 60_000);
    const o = options()[1]!;
    const web = h.startElsewhere(o, 'Started on the web');
    const edited = h.app.getState().day.entries.find((e) => !e.isLocked)!;
    h.sandbox.admin.updateEntry(edited.id as number, { notes: 'Edited on the phone' });
    h.takeRequests();

    await h.app.commands.refreshChanges(undefined);
    const requests = h.sandbox.requestLog.slice(-1)[0]!;
    expect(h.takeRequests()).toEqual(['GET /v2/time_entries']);
    expect(requests.path).toContain('updated_since=');
    const s = h.app.getState();
    expect(s.running?.id).toBe(web.id);
    expect(s.running?.notes).toBe('Started on the web');
    expect(s.day.entries.find((e) => e.id === edited.id)?.notes).toBe('Edited on the phone');
  });
});

describe('favourites', () => {
  it('pins and unpins pairs, in the order pinned, and keeps them across a restart', async () => {
    h = await signedInApp();
    const [a, b] = options();
    await h.app.commands.pinAssignment({ projectId: b!.projectId, taskId: b!.taskId });
    await h.app.commands.pinAssignment({ projectId: a!.projectId, taskId: a!.taskId });
    await h.app.commands.pinAssignment({ projectId: a!.projectId, taskId: a!.taskId });
    const pairs = [
      { projectId: b!.projectId, taskId: b!.taskId },
      { projectId: a!.projectId, taskId: a!.taskId },
    ];
    expect(h.app.getState().favourites).toEqual(pairs);
    const user = h.app.getState().session;
    expect(user.status).toBe('signed_in');
    const file = join(
      accountDir(h.dataDir, h.sandbox.accountId, (user as { user: { id: number } }).user.id),
      'favourites.json',
    );
    expect(existsSync(file)).toBe(true);

    const app = await h.restart();
    expect(app.getState().favourites).toEqual(pairs);
    await app.commands.unpinAssignment({ projectId: b!.projectId, taskId: b!.taskId });
    expect(app.getState().favourites).toEqual([pairs[1]]);
    const again = await h.restart();
    expect(again.getState().favourites).toEqual([pairs[1]]);
  });

  it('lists recent pairs newest first, each once', async () => {
    h = await signedInApp();
    const recent = h.app.getState().recent;
    expect(recent.length).toBeGreaterThan(0);
    expect(new Set(recent.map((r) => `${r.projectId}/${r.taskId}`)).size).toBe(recent.length);
    const o = options()[5]!;
    await h.app.commands.startTimer({ projectId: o.projectId, taskId: o.taskId });
    expect(h.app.getState().recent[0]).toEqual(o);
  });
});

describe('getReport', () => {
  it('reads hours by project and client, serves a fresh saved copy without asking, and the saved copy offline', async () => {
    h = await signedInApp();
    h.takeRequests();
    const week = await h.app.commands.getReport({ period: 'week' });
    expect(h.takeRequests().sort()).toEqual([
      'GET /v2/reports/time/clients',
      'GET /v2/reports/time/projects',
      'GET /v2/reports/time/tasks',
      'GET /v2/reports/time/team',
    ]);
    expect(week.from).toBe(addDays(today(), -2));
    expect(week.to).toBe(addDays(today(), 4));
    expect(week.stale).toBe(false);
    const total = h.sandbox.admin
      .entries()
      .filter((e) => e.spent_date >= week.from && e.spent_date <= week.to)
      .reduce((t, e) => t + e.hours, 0);
    expect(week.projects.reduce((t, p) => t + p.totalHours, 0)).toBeCloseTo(total, 1);
    expect(week.clients.reduce((t, c) => t + c.totalHours, 0)).toBeCloseTo(total, 1);
    expect(week.clients.every((c) => c.billableHours <= c.totalHours)).toBe(true);
    expect(week.clients.some((c) => c.currency === 'USD')).toBe(true);

    // Fresh: the saved copy answers and Harvest is not asked.
    h.clock.advance(60_000);
    expect((await h.app.commands.getReport({ period: 'week' })).fetchedAt).toBe(week.fetchedAt);
    expect(h.takeRequests()).toEqual([]);

    const month = await h.app.commands.getReport({ period: 'month' });
    expect(month.from.endsWith('-01')).toBe(true);
    // No team report for a month: "By person" is this week's.
    expect(h.takeRequests()).toHaveLength(3);

    // Offline after a restart: the saved copy from disk, marked stale, with its age.
    const app = await h.restart();
    h.clock.advance(reportFreshMs + 60_000);
    h.sandbox.faults.outage = true;
    const offline = await app.commands.getReport({ period: 'week' });
    expect(offline.stale).toBe(true);
    expect(offline.fetchedAt).toBe(week.fetchedAt);
    expect(offline.note).toMatch(/saved copy/);
    h.sandbox.faults.outage = false;
    const back = await app.commands.getReport({ period: 'week' });
    expect(back.stale).toBe(false);
    expect(back.fetchedAt).not.toBe(week.fetchedAt);
  });
  it('steps back by weeks and months, asking Harvest for each, and keeps each one for offline', async () => {
    h = await signedInApp();
    const week = await h.app.commands.getReport({ period: 'week' });
    h.takeRequests();
    const lastWeek = await h.app.commands.getReport({ period: 'week', back: 1 });
    expect(lastWeek.from).toBe(addDays(week.from, -7));
    expect(lastWeek.to).toBe(addDays(week.from, -1));
    // By project, client and task, and the week's team report.
    expect(h.takeRequests()).toHaveLength(4);
    const total = h.sandbox.admin
      .entries()
      .filter((e) => e.spent_date >= lastWeek.from && e.spent_date <= lastWeek.to)
      .reduce((t, e) => t + e.hours, 0);
    expect(lastWeek.clients.reduce((t, c) => t + c.totalHours, 0)).toBeCloseTo(total, 1);

    const month = await h.app.commands.getReport({ period: 'month' });
    const lastMonth = await h.app.commands.getReport({ period: 'month', back: 1 });
    expect(lastMonth.to).toBe(addDays(month.from, -1));
    expect(lastMonth.from.endsWith('-01')).toBe(true);

    h.clock.advance(reportFreshMs + 60_000);
    h.sandbox.faults.outage = true;
    const offline = await h.app.commands.getReport({ period: 'week', back: 1 });
    expect(offline.stale).toBe(true);
    expect(offline.from).toBe(lastWeek.from);
    expect(offline.fetchedAt).toBe(lastWeek.fetchedAt);
    h.sandbox.faults.outage = false;
  });
});
