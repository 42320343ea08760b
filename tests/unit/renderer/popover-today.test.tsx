// @vitest-environment jsdom
// Tests the popover's day and sync line as a person meets them: today's entries with their markers, totals in
// either time format with the running timer, and what the sync line says.
import '@testing-library/jest-dom/vitest';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EntryView, ShownDay } from '../../../shared/state';
import { entry, signedIn } from './fake-sheaf';
import { cleanUpPopover, renderPopover } from './popover-setup';

afterEach(cleanUpPopover);

/** The shown day (Monday 2 June 2025, today in these tests) with its entries and totals. */
function dayOf(list: EntryView[], totalHours: number, weekHours = totalHours): ShownDay {
  const days = ['02', '03', '04', '05', '06', '07', '08'].map((d) => ({
    date: `2025-06-${d}`,
    totalHours: d === '02' ? totalHours : 0,
  }));
  return {
    date: '2025-06-02',
    isToday: true,
    entries: list,
    totalHours,
    week: { start: '2025-06-02', end: '2025-06-08', totalHours: weekHours, days },
    loading: false,
  };
}

describe('today', () => {
  const entries = [
    entry({
      id: 'local-2',
      projectName: 'Mobile app',
      taskName: 'Meetings',
      hours: 0.25,
      pending: true,
      notes: 'Standup',
    }),
    entry({
      id: 1001,
      hours: 1.5,
      isLocked: true,
      lockedReason: 'Approved timesheet',
    }),
  ];

  it('lists entries with hours, notes, pending and lock markers, and restarts one', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(signedIn({ day: dayOf(entries, 1.75) }));
    const items = within(screen.getByRole('list', { name: "Today's entries" })).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('Mobile app');
    expect(items[0]).toHaveTextContent('Meetings');
    expect(items[0]).toHaveTextContent('Standup');
    expect(items[0]).toHaveTextContent('0:15');
    expect(items[0]).toHaveTextContent('pending');
    expect(items[1]).toHaveTextContent('1:30');
    expect(items[1]).toHaveTextContent('Approved timesheet');
    expect(items[1]).not.toHaveTextContent('pending');

    await user.click(within(items[1]!).getByRole('button', { name: 'Restart Website — Design' }));
    await user.click(screen.getByRole('button', { name: 'Restart Mobile app — Meetings' }));
    expect(fake.callsTo('restartEntry')).toEqual([{ entryId: 1001 }, { entryId: 'local-2' }]);
  });

  it.each([
    ['hours_minutes', '1:45', '12:30', '2:00', '12:45'],
    ['decimal', '1.75', '12.50', '2.00', '12.75'],
  ] as const)(
    'formats totals as %s, including the running timer',
    async (timeFormat, today, weekText, todayLater, weekLater) => {
      vi.useFakeTimers();
      vi.setSystemTime(new Date('2025-06-02T10:00:00Z'));
      const prefs = { ...signedIn().prefs, timeFormat };
      const fake = await renderPopover(signedIn({ prefs, day: dayOf(entries, 1.75, 12.5) }));
      expect(
        within(screen.getByRole('list', { name: 'Week by day' })).getByRole('button', { current: 'date' }),
      ).toHaveTextContent(today);
      // Today's total appears once: its chip in the week strip, not again among the totals.
      expect(screen.getAllByText(today)).toHaveLength(1);
      expect(screen.getByLabelText("This week's total")).toHaveTextContent(weekText);

      const running = entry({ id: 1002, isRunning: true, hours: 0, runningSince: '2025-06-02T10:00:00Z' });
      act(() =>
        fake.push(
          signedIn({
            prefs,
            running,
            day: dayOf([running, ...entries], 1.75, 12.5),
          }),
        ),
      );
      act(() => {
        vi.advanceTimersByTime(15 * 60_000);
      });
      expect(
        within(screen.getByRole('list', { name: 'Week by day' })).getByRole('button', { current: 'date' }),
      ).toHaveTextContent(todayLater);
      expect(screen.getByLabelText("This week's total")).toHaveTextContent(weekLater);
    },
  );
});

describe('sync line', () => {
  it.each([
    [{ state: 'idle', pending: 0, lastSyncedAt: 'now', message: null }, 'Synced just now'],
    [{ state: 'syncing', pending: 0, lastSyncedAt: null, message: null }, 'Syncing…'],
    [{ state: 'offline', pending: 3, lastSyncedAt: null, message: null }, 'Offline · 3 changes waiting'],
    [{ state: 'offline', pending: 1, lastSyncedAt: null, message: null }, 'Offline · 1 change waiting'],
    [{ state: 'idle', pending: 0, lastSyncedAt: '5 min', message: null }, 'Synced 5 min ago'],
    [{ state: 'idle', pending: 0, lastSyncedAt: null, message: null }, 'Not synced yet'],
    [
      { state: 'error', pending: 2, lastSyncedAt: null, message: 'Harvest is down' },
      'Harvest is down · 2 changes waiting',
    ],
  ] as const)('%o → %s', async (sync, text) => {
    const lastSyncedAt =
      sync.lastSyncedAt === 'now'
        ? new Date().toISOString()
        : sync.lastSyncedAt === '5 min'
          ? new Date(Date.now() - 5.5 * 60_000).toISOString()
          : null;
    await renderPopover(signedIn({ sync: { ...sync, lastSyncedAt } }));
    expect(screen.getByRole('status')).toHaveTextContent(text);
  });

  it('syncs now on request', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(signedIn());
    await user.click(screen.getByRole('button', { name: 'Sync now' }));
    expect(fake.callsTo('refresh')).toHaveLength(1);
  });
});
