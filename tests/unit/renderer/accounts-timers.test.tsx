// @vitest-environment jsdom
// Tests timers across accounts as a person meets them: one running in another account shown with a way there,
// the question when a start would run two at once (each answer sends the start again, or nothing), all
// accounts' totals live with every running timer.
import '@testing-library/jest-dom/vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppState } from '../../../shared/state';
import { accountSummary, entry, signedIn, twoAccounts, type FakeSheaf } from './fake-sheaf';
import { cleanUpPopover, renderPopover } from './popover-setup';

afterEach(cleanUpPopover);

const refusal = {
  ok: false as const,
  error: {
    code: 'timer_elsewhere' as const,
    message:
      'A timer is running in Northwind Freelance: Brand refresh — Design. Stop it, or keep both running?',
  },
};

const stoppedToday = entry({ id: 1001, hours: 1 });

/** Two accounts, today's one stopped entry here; main refuses the next start because of the other account. */
async function refusedRestart(): Promise<FakeSheaf> {
  const user = userEvent.setup();
  const fake = await renderPopover(
    twoAccounts({ day: { ...signedIn().day, entries: [stoppedToday], totalHours: 1 } }),
  );
  fake.answers.restartEntry = refusal;
  await user.click(screen.getByRole('button', { name: 'Restart Website — Design' }));
  delete fake.answers.restartEntry;
  return fake;
}

describe('a start while a timer runs in another account', () => {
  it('asks right there, not as an error, with the first answer focused', async () => {
    await refusedRestart();
    const question = screen.getByRole('region', { name: 'Another timer is running' });
    expect(question).toHaveAccessibleDescription(refusal.error.message);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(within(question).getByRole('button', { name: 'Stop it and start' })).toHaveFocus();
  });

  it.each([
    ['Stop it and start', 'stop'],
    ['Keep both running', 'keep'],
  ] as const)('"%s" restarts the entry again with otherAccount %s', async (button, otherAccount) => {
    const user = userEvent.setup();
    const fake = await refusedRestart();
    await user.click(screen.getByRole('button', { name: button }));
    expect(fake.callsTo('restartEntry')).toEqual([{ entryId: 1001 }, { entryId: 1001, otherAccount }]);
    expect(screen.queryByRole('region', { name: 'Another timer is running' })).not.toBeInTheDocument();
  });

  it('Cancel sends nothing more', async () => {
    const user = userEvent.setup();
    const fake = await refusedRestart();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(fake.callsTo('restartEntry')).toEqual([{ entryId: 1001 }]);
    expect(screen.queryByRole('region', { name: 'Another timer is running' })).not.toBeInTheDocument();
  });

  it('a picked pair keeps its notes until the answer starts it, then the form clears', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(twoAccounts());
    fake.answers.startTimer = refusal;
    await user.type(screen.getByRole('combobox', { name: 'Project and task' }), 'tps');
    await user.click(screen.getByRole('option', { name: 'Initech — TPS reports — Development' }));
    await user.type(screen.getByRole('textbox', { name: 'Notes' }), 'Kick-off');
    await user.click(screen.getByRole('button', { name: 'Start' }));
    // The question stands in the start form's place (so the day's entries stay put); the form keeps its notes.
    expect(screen.getByRole('textbox', { name: 'Notes', hidden: true })).toHaveValue('Kick-off');
    expect(screen.getByRole('button', { name: 'Stop it and start' })).toHaveFocus();
    delete fake.answers.startTimer;

    await user.click(screen.getByRole('button', { name: 'Keep both running' }));
    const start = { projectId: 33, taskId: 102, notes: 'Kick-off' };
    expect(fake.callsTo('startTimer')).toEqual([start, { ...start, otherAccount: 'keep' }]);
    // Started, the form folds back to the picker alone, and focus waits there for the next one.
    expect(screen.queryByRole('textbox', { name: 'Notes' })).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Project and task' })).toHaveFocus());
  });

  it('is dropped when another account is shown', async () => {
    const fake = await refusedRestart();
    act(() => fake.push({ ...fake.state, activeAccountId: '222' }));
    expect(screen.queryByRole('region', { name: 'Another timer is running' })).not.toBeInTheDocument();
  });
});

describe('a timer running in another account', () => {
  it('shows under the running timer with its elapsed time, and Switch goes there', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    vi.setSystemTime(new Date('2025-06-02T10:00:00Z'));
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const running = entry({
      projectName: 'Brand refresh',
      taskName: 'Design',
      isRunning: true,
      hours: 0.5,
      runningSince: '2025-06-02T09:48:00Z',
    });
    const fake = await renderPopover(twoAccounts({}, { running }));
    const card = screen.getByRole('region', { name: 'Timer running in Northwind Freelance' });
    expect(card).toHaveTextContent('Running in Northwind Freelance: Brand refresh — Design 0:42');
    await user.click(within(card).getByRole('button', { name: 'Switch to Northwind Freelance' }));
    expect(fake.callsTo('switchAccount')).toEqual([{ accountId: '222' }]);
  });

  it("is not shown for the account's own timer, which stays in the running card", async () => {
    const running = entry({ isRunning: true, runningSince: new Date().toISOString() });
    await renderPopover(
      twoAccounts({
        running,
        accounts: [accountSummary({ id: '111', name: 'Analytical Engines Ltd', running })],
      }),
    );
    expect(screen.queryByRole('region', { name: /Timer running in/ })).not.toBeInTheDocument();
  });
});

describe('all accounts together', () => {
  function withTimers(): AppState {
    const since = '2025-06-02T09:30:00Z';
    const here = entry({ isRunning: true, hours: 0, runningSince: since });
    const there = entry({ id: 2, isRunning: true, hours: 0.25, runningSince: since });
    // The account's own shown day: nothing stopped yet, and its week strip.
    const days = ['02', '03', '04', '05', '06', '07', '08'].map((d) => ({
      date: `2025-06-${d}`,
      totalHours: 0,
    }));
    return twoAccounts({
      running: here,
      day: {
        date: '2025-06-02',
        isToday: true,
        entries: [here],
        totalHours: 0,
        week: { start: '2025-06-02', end: '2025-06-08', totalHours: 0, days },
        loading: false,
      },
      today: { date: '2025-06-02', totalHours: 1 },
      week: { start: '2025-06-02', end: '2025-06-08', totalHours: 5 },
      accounts: [
        accountSummary({
          id: '111',
          name: 'Analytical Engines Ltd',
          running: here,
          todayHours: 1,
          weekHours: 5,
        }),
        accountSummary({ id: '222', name: 'Northwind', running: there, todayHours: 2, weekHours: 10 }),
      ],
    });
  }

  it("adds every account's hours today and this week, live with each running timer", async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2025-06-02T10:00:00Z'));
    await renderPopover(withTimers());
    // 1 + 2 hours, and half an hour from each of the two timers.
    expect(screen.getByLabelText("All accounts' total today")).toHaveTextContent('4:00');
    expect(screen.getByLabelText("All accounts' total this week")).toHaveTextContent('16:00');
    act(() => void vi.advanceTimersByTime(15 * 60_000));
    expect(screen.getByLabelText("All accounts' total today")).toHaveTextContent('4:30');
    // The account's own day beside it (nothing stopped yet) counts its own timer only.
    expect(
      within(screen.getByRole('list', { name: 'Week by day' })).getByRole('button', { current: 'date' }),
    ).toHaveTextContent('0:45');
  });

  it('is not shown with one account', async () => {
    await renderPopover(signedIn());
    expect(screen.queryByText('All accounts today')).not.toBeInTheDocument();
  });
});
