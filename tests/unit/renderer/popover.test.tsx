// @vitest-environment jsdom
// Popover behaviour as a person meets it: found by role and name, driven by keyboard and mouse, over a fake window.sheaf.
import '@testing-library/jest-dom/vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppState, AssignmentOption, EntryView, ShownDay } from '../../../shared/state';
import { assignment, entry, signedIn, signedOut, type FakeSheaf } from './fake-sheaf';
import { renderApp } from './render-app';

const assignments: AssignmentOption[] = [
  assignment('Acme', 'Website', 'Design', { projectId: 11, taskId: 101, projectCode: 'ACM-1' }),
  assignment('Acme', 'Website', 'Development', { projectId: 11, taskId: 102, projectCode: 'ACM-1' }),
  assignment('Globex', 'Mobile app', 'Design', { projectId: 22, taskId: 101, clientId: 2 }),
  assignment('Globex', 'Mobile app', 'Meetings', { projectId: 22, taskId: 103, clientId: 2 }),
  assignment('Initech', 'TPS reports', 'Development', { projectId: 33, taskId: 102, clientId: 3 }),
];

const renderPopover = (state: AppState, options: AssignmentOption[] = assignments): Promise<FakeSheaf> =>
  renderApp(state, options);

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  delete window.sheaf;
});

describe('signed out', () => {
  it('checks the form before calling signIn, then sends the trimmed token and account', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(signedOut());

    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Paste your Personal Access Token');
    expect(screen.getByRole('alert')).toHaveTextContent('The Account ID is a number');
    expect(screen.getByLabelText('Personal access token')).toHaveFocus();

    await user.type(screen.getByLabelText('Personal access token'), 'abcdefghijklmnop');
    await user.type(screen.getByRole('textbox', { name: 'Account ID' }), 'acme');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByRole('alert')).toHaveTextContent('The Account ID is a number');
    expect(screen.getByRole('alert')).not.toHaveTextContent('Paste your');
    expect(fake.callsTo('signIn')).toEqual([]);

    await user.clear(screen.getByRole('textbox', { name: 'Account ID' }));
    await user.type(screen.getByRole('textbox', { name: 'Account ID' }), ' 123456 ');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(fake.callsTo('signIn')).toEqual([{ token: 'abcdefghijklmnop', accountId: '123456' }]);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows why signing in failed', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(signedOut());
    fake.answers.signIn = {
      ok: false,
      error: {
        code: 'unauthorized',
        message: 'Harvest did not accept that token. Create a new one and try again.',
      },
    };
    expect(screen.getByLabelText('Personal access token')).toHaveAttribute('type', 'password');
    await user.type(screen.getByLabelText('Personal access token'), 'abcdefghijklmnop');
    await user.type(screen.getByRole('textbox', { name: 'Account ID' }), '42');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Harvest did not accept that token');
  });

  it("shows main's sign-in message, the token link and the signing-in state", async () => {
    const fake = await renderPopover(signedOut('Your token has expired. Paste a new one.'));
    expect(screen.getByRole('alert')).toHaveTextContent('Your token has expired');
    expect(screen.getByRole('link', { name: 'Create a token in Harvest' })).toHaveAttribute(
      'href',
      'https://id.getharvest.com/developers',
    );

    act(() => fake.push({ ...signedOut(), session: { status: 'signing_in' } }));
    expect(screen.getByText('Signing in…')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeDisabled();
  });

  it('starts the demo', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(signedOut());
    await user.click(screen.getByRole('button', { name: 'Try the demo' }));
    expect(fake.callsTo('signInDemo')).toHaveLength(1);
  });
});

describe('signed in', () => {
  it('shows the account, the user, the demo badge, and signs out', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(signedIn({}, true));
    expect(screen.getByText('Analytical Engines Ltd')).toBeInTheDocument();
    expect(screen.getByText('Ada Lovelace')).toBeInTheDocument();
    expect(screen.getByText('Demo')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(fake.callsTo('signOut')).toHaveLength(1);

    act(() => fake.push(signedOut()));
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
  });

  it('has no demo badge for a real account', async () => {
    await renderPopover(signedIn());
    expect(screen.queryByText('Demo')).not.toBeInTheDocument();
  });

  it('says when no timer runs', async () => {
    await renderPopover(signedIn());
    expect(screen.getByRole('region', { name: 'Running timer' })).toHaveTextContent('No timer running');
  });

  it('shows the running timer and derives elapsed time from the clock', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2025-06-02T10:00:00Z'));
    const running = entry({
      isRunning: true,
      hours: 0.5,
      runningSince: '2025-06-02T09:55:00Z',
      notes: 'Hero section',
    });
    const fake = await renderPopover(signedIn({ running, today: { date: '2025-06-02', totalHours: 0.5 } }));

    const region = screen.getByRole('region', { name: 'Running timer' });
    for (const text of ['Acme', 'Website', 'Design']) expect(region).toHaveTextContent(text);
    expect(within(region).getByRole('textbox', { name: 'Notes for the running timer' })).toHaveValue(
      'Hero section',
    );
    const elapsed = within(region).getByLabelText('Elapsed time');
    expect(elapsed).toHaveTextContent('0:35:00');

    act(() => {
      vi.advanceTimersByTime(72_000);
    });
    expect(elapsed).toHaveTextContent('0:36:12');

    // The clock jumps (sleep): the display follows the clock, not a count of ticks.
    act(() => {
      vi.setSystemTime(new Date('2025-06-02T11:00:00Z'));
      vi.advanceTimersByTime(1000);
    });
    expect(elapsed).toHaveTextContent('1:35:01');

    fireEvent.click(within(region).getByRole('button', { name: 'Stop' }));
    await act(async () => {});
    expect(fake.callsTo('stopTimer')).toHaveLength(1);
  });

  it('shows a failed command in an alert, and main’s own error', async () => {
    const user = userEvent.setup();
    const running = entry({ isRunning: true, runningSince: new Date().toISOString() });
    const fake = await renderPopover(signedIn({ running }));
    fake.answers.stopTimer = {
      ok: false,
      error: { code: 'network', message: "Couldn't reach Harvest. Try again." },
    };
    await user.click(screen.getByRole('button', { name: 'Stop' }));
    expect(await screen.findByRole('alert')).toHaveTextContent("Couldn't reach Harvest. Try again.");

    act(() =>
      fake.push(signedIn({ running, error: 'That entry is locked. Ask your manager to unlock it.' })),
    );
    expect(screen.getByRole('alert')).toHaveTextContent('That entry is locked');
  });
});

describe('picker', () => {
  it('matches every typed word across client, project, code and task, grouped by client', async () => {
    const user = userEvent.setup();
    await renderPopover(signedIn());
    const combobox = screen.getByRole('combobox', { name: 'Project and task' });
    expect(combobox).toHaveAttribute('aria-expanded', 'false');

    await user.type(combobox, 'design');
    expect(combobox).toHaveAttribute('aria-expanded', 'true');
    const listbox = screen.getByRole('listbox');
    expect(combobox).toHaveAttribute('aria-controls', listbox.id);
    expect(
      within(listbox)
        .getAllByRole('option')
        .map((o) => o.getAttribute('aria-label')),
    ).toEqual(['Acme — Website — Design', 'Globex — Mobile app — Design']);
    // Client headings between them (presentational: each option's name already says its client).
    expect(listbox).toHaveTextContent(/Acme.*Globex/);

    await user.clear(combobox);
    await user.type(combobox, 'acm-1 DEV');
    expect(
      within(listbox)
        .getAllByRole('option')
        .map((o) => o.getAttribute('aria-label')),
    ).toEqual(['Acme — Website — Development']);

    await user.clear(combobox);
    await user.type(combobox, 'globex nothing');
    expect(combobox).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByText('No matching project or task')).toBeInTheDocument();
  });

  it('moves with the arrow keys and starts the highlighted option on Enter, with the notes', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(signedIn());
    await user.type(screen.getByRole('textbox', { name: 'Notes' }), 'Sprint planning');
    const combobox = screen.getByRole('combobox', { name: 'Project and task' });
    await user.click(combobox);
    await user.keyboard('globex');

    // The best match is highlighted as soon as something is typed, so Enter alone would start it.
    const design = screen.getByRole('option', { name: 'Globex — Mobile app — Design' });
    expect(combobox).toHaveAttribute('aria-activedescendant', design.id);
    expect(design).toHaveAttribute('aria-selected', 'true');

    await user.keyboard('{ArrowDown}{ArrowDown}');
    const meetings = screen.getByRole('option', { name: 'Globex — Mobile app — Meetings' });
    expect(combobox).toHaveAttribute('aria-activedescendant', meetings.id);
    await user.keyboard('{ArrowUp}');
    expect(combobox).toHaveAttribute('aria-activedescendant', design.id);
    await user.keyboard('{ArrowDown}{Enter}');

    expect(fake.callsTo('startTimer')).toEqual([{ projectId: 22, taskId: 103, notes: 'Sprint planning' }]);
    expect(fake.callsTo('hidePopover')).toEqual([]);
    // A started timer clears the form for the next one.
    expect(combobox).toHaveValue('');
    expect(screen.getByRole('textbox', { name: 'Notes' })).toHaveValue('');
  });

  it('chooses with the mouse, then starts with the Start button', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(signedIn());
    expect(screen.getByRole('button', { name: 'Start' })).toBeDisabled();
    await user.type(screen.getByRole('combobox', { name: 'Project and task' }), 'tps');
    await user.click(screen.getByRole('option', { name: 'Initech — TPS reports — Development' }));
    expect(screen.getByRole('combobox', { name: 'Project and task' })).toHaveValue(
      'Initech — TPS reports — Development',
    );
    await user.click(screen.getByRole('button', { name: 'Start' }));
    expect(fake.callsTo('startTimer')).toEqual([{ projectId: 33, taskId: 102 }]);
  });

  it('uses Escape to close the list, then clear the query, and only then hides the popover', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(signedIn());
    const combobox = screen.getByRole('combobox', { name: 'Project and task' });
    await user.type(combobox, 'acme');
    expect(combobox).toHaveAttribute('aria-expanded', 'true');

    await user.keyboard('{Escape}');
    expect(combobox).toHaveAttribute('aria-expanded', 'false');
    expect(combobox).toHaveValue('acme');
    await user.keyboard('{Escape}');
    expect(combobox).toHaveValue('');
    expect(fake.callsTo('hidePopover')).toEqual([]);
    await user.keyboard('{Escape}');
    expect(fake.callsTo('hidePopover')).toHaveLength(1);
  });

  it('fetches assignments again when their version changes', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(signedIn());
    expect(fake.callsTo('listAssignments')).toHaveLength(1);

    fake.assignments = [assignment('Umbrella', 'Research', 'Lab work', { projectId: 44, taskId: 104 })];
    act(() => fake.push(signedIn({ assignmentsVersion: 2 })));
    await act(async () => {});
    expect(fake.callsTo('listAssignments')).toHaveLength(2);
    await user.type(screen.getByRole('combobox', { name: 'Project and task' }), 'lab');
    expect(screen.getByRole('option', { name: 'Umbrella — Research — Lab work' })).toBeInTheDocument();

    // Same version again: nothing to fetch.
    act(() => fake.push(signedIn({ assignmentsVersion: 2 })));
    await act(async () => {});
    expect(fake.callsTo('listAssignments')).toHaveLength(2);
  });
});

describe('assignments', () => {
  it('shows a failed fetch and tries again with the next snapshot', async () => {
    const user = userEvent.setup();
    const fake = await renderApp(signedIn(), assignments, (f) => {
      f.answers.listAssignments = {
        ok: false,
        error: { code: 'network', message: "Couldn't load your projects. Check your connection." },
      };
    });
    expect(await screen.findByRole('alert')).toHaveTextContent("Couldn't load your projects");

    delete fake.answers.listAssignments;
    act(() => fake.push(signedIn()));
    await act(async () => {});
    expect(fake.callsTo('listAssignments')).toHaveLength(2);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.type(screen.getByRole('combobox', { name: 'Project and task' }), 'tps');
    expect(screen.getByRole('option', { name: 'Initech — TPS reports — Development' })).toBeInTheDocument();
  });
});

describe('escape', () => {
  it('hides the popover from anywhere', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(signedOut());
    await user.click(screen.getByLabelText('Personal access token'));
    await user.keyboard('{Escape}');
    expect(fake.callsTo('hidePopover')).toHaveLength(1);
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(fake.callsTo('hidePopover')).toHaveLength(2);
  });
});

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
      expect(screen.getByLabelText("Today's total")).toHaveTextContent(today);
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
      expect(screen.getByLabelText("Today's total")).toHaveTextContent(todayLater);
      expect(screen.getByLabelText("This week's total")).toHaveTextContent(weekLater);
    },
  );
});

describe('sync line', () => {
  it.each([
    [{ state: 'idle', pending: 0, lastSyncedAt: 'now', message: null }, 'Synced just now'],
    [{ state: 'syncing', pending: 0, lastSyncedAt: null, message: null }, 'Syncing…'],
    [{ state: 'offline', pending: 3, lastSyncedAt: null, message: null }, 'Offline — 3 changes waiting'],
    [{ state: 'offline', pending: 1, lastSyncedAt: null, message: null }, 'Offline — 1 change waiting'],
    [{ state: 'idle', pending: 0, lastSyncedAt: '5 min', message: null }, 'Synced 5 min ago'],
    [{ state: 'idle', pending: 0, lastSyncedAt: null, message: null }, 'Not synced yet'],
    [
      { state: 'error', pending: 2, lastSyncedAt: null, message: 'Harvest is down' },
      'Harvest is down — 2 changes waiting',
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
