// @vitest-environment jsdom
// Tests the day's and week's totals where the company rounds time: the day's billed hours beside its title (its
// tracked total is its chip, once), the week's both figures in one line, the running timer billed live by the
// account's rule, and the setting that puts billed hours first.
import '@testing-library/jest-dom/vitest';
import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EntryView, ShownDay } from '../../../shared/state';
import { desktopState } from '../../fixtures/app-state';
import { entry, signedIn } from './fake-sheaf';
import { cleanUpPopover, renderPopover } from './popover-setup';

afterEach(cleanUpPopover);

const quarterUp = { minutes: 15, mode: 'up' } as const;

function dayOf(list: EntryView[], totalHours: number, billed: ShownDay['billed']): ShownDay {
  return {
    date: '2025-06-02',
    isToday: true,
    entries: list,
    totalHours,
    week: { start: '2025-06-02', end: '2025-06-08', totalHours: totalHours + 10, days: [] },
    loading: false,
    billed,
  };
}

describe('billed totals', () => {
  it('shows tracked then billed for the day and the week', async () => {
    const billed = { rounding: quarterUp, dayHours: 8, weekHours: 18.25 };
    await renderPopover(signedIn({ day: dayOf([entry({ hours: 7.8 })], 7.8, billed) }));
    expect(screen.getByRole('heading', { name: /Today/ })).toHaveTextContent('Today · 8:00 billed');
    expect(screen.getByLabelText("This week's total")).toHaveTextContent('17:48 (18:15 billed)');
    // The tracked day total shows once: on its chip.
    expect(screen.queryByLabelText("Today's total")).toBeNull();
  });

  it('leads with billed hours when the setting says so', async () => {
    const billed = { rounding: quarterUp, dayHours: 8, weekHours: 18 };
    await renderPopover(
      signedIn({
        day: dayOf([entry({ hours: 7.8 })], 7.8, billed),
        desktop: desktopState({ hoursLead: 'billed' }),
      }),
    );
    expect(screen.getByLabelText("This week's total")).toHaveTextContent('18:00 billed (17:48 tracked)');
  });

  it('bills the running timer live by the rule: five minutes in, a quarter hour more', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2025-06-02T10:00:00Z'));
    const running = entry({ id: 2, isRunning: true, hours: 0, runningSince: '2025-06-02T10:00:00Z' });
    const billed = { rounding: quarterUp, dayHours: 1, weekHours: 1 };
    const day = dayOf([running, entry({ hours: 1 })], 1, billed);
    await renderPopover(signedIn({ running, day }));
    act(() => {
      vi.advanceTimersByTime(5 * 60_000);
    });
    expect(screen.getByRole('heading', { name: /Today/ })).toHaveTextContent('Today · 1:15 billed');
    expect(screen.getByLabelText("This week's total")).toHaveTextContent('11:05 (1:15 billed)');
  });

  it('shows one figure where the company doesn’t round', async () => {
    await renderPopover(signedIn({ day: dayOf([entry({ hours: 7.8 })], 7.8, undefined) }));
    expect(screen.getByRole('heading', { name: /Today/ })).toHaveTextContent(/^Today$/);
    expect(screen.getByLabelText("This week's total")).toHaveTextContent(/^17:48$/);
  });
});
