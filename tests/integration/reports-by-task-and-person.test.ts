// Tests the By task and By person reports against the sandbox: hours by task for any period, and this week's
// hours by person beside their capacity for a manager whose Team report lists more than themselves, never for a
// member; amounts only where Harvest sends them.
import { afterEach, describe, expect, it } from 'vitest';
import { signedInApp, type Harness } from '../fixtures/signed-in-app';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

describe('by task and by person', () => {
  it('gives an administrator hours by task and by person against capacity, with amounts', async () => {
    h = await signedInApp({ teammates: true });
    const week = await h.app.commands.getReport({ period: 'week' });
    const tasks = week.tasks ?? [];
    expect(tasks.length).toBeGreaterThan(1);
    const total = week.clients.reduce((t, c) => t + c.totalHours, 0);
    expect(tasks.reduce((t, r) => t + r.totalHours, 0)).toBeCloseTo(total, 1);
    expect(tasks.every((r) => r.billableHours <= r.totalHours)).toBe(true);
    const people = week.people ?? [];
    expect(people.length).toBeGreaterThan(1);
    expect(people.find((p) => p.userName === 'Priya Patel')).toMatchObject({ capacityHours: 40 });
    expect(people.some((p) => p.currency !== null && p.billableAmount !== null)).toBe(true);
    const month = await h.app.commands.getReport({ period: 'month' });
    expect(month.people).toEqual([]);
    expect(month.tasks!.length).toBeGreaterThan(1);
  });

  it('shows a member no one by person (their Team report is only themselves) and no amounts', async () => {
    h = await signedInApp({ teammates: true, role: 'member' });
    const week = await h.app.commands.getReport({ period: 'week' });
    expect(week.people).toEqual([]);
    expect(week.tasks!.length).toBeGreaterThan(0);
    expect(week.tasks!.every((r) => r.billableAmount === null && r.currency === null)).toBe(true);
  });
});
