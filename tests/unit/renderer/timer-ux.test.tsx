// @vitest-environment jsdom
// The popover's day, entries, picker extras, banners and reports as a person meets them, over a fake window.sheaf.
import '@testing-library/jest-dom/vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { undoDeleteMs } from '../../../renderer/src/components/TodayList';
import type { AppState, AssignmentOption, EntryView, ReportView, ShownDay } from '../../../shared/state';
import { assignment, entry, signedIn, type FakeSheaf } from './fake-sheaf';
import { renderApp } from './render-app';

const assignments: AssignmentOption[] = [
  assignment('Acme', 'Website', 'Design', { projectId: 11, taskId: 101, projectCode: 'ACM-1' }),
  assignment('Acme', 'Website', 'Development', { projectId: 11, taskId: 102, projectCode: 'ACM-1' }),
  assignment('Globex', 'Mobile app', 'Design', { projectId: 22, taskId: 101, clientId: 2 }),
  assignment('Globex', 'Mobile app', 'Meetings', { projectId: 22, taskId: 103, clientId: 2 }),
];

function dayOf(list: EntryView[], date = '2025-06-04', isToday = true): ShownDay {
  const total = list.reduce((t, e) => t + e.hours, 0);
  const days = ['02', '03', '04', '05', '06', '07', '08'].map((d) => ({
    date: `2025-06-${d}`,
    totalHours: `2025-06-${d}` === date ? total : d === '02' ? 3 : 0,
  }));
  return {
    date,
    isToday,
    entries: list,
    totalHours: total,
    week: { start: '2025-06-02', end: '2025-06-08', totalHours: total + 3, days },
    loading: false,
  };
}

function state(overrides: Partial<AppState> = {}): AppState {
  return signedIn({
    today: { date: '2025-06-04', totalHours: 0 },
    day: dayOf([]),
    ...overrides,
  });
}

const renderPopover = (app: AppState): Promise<FakeSheaf> => renderApp(app, assignments);

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  localStorage.clear();
  delete window.sheaf;
});

describe('days and weeks', () => {
  it('steps to the previous and next day, picks a day from the week strip, and goes back to today', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(state());
    expect(fake.callsTo('refreshChanges')).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Previous day' }));
    await user.click(screen.getByRole('button', { name: 'Next day' }));
    const strip = screen.getByRole('list', { name: 'Week by day' });
    expect(within(strip).getAllByRole('button')).toHaveLength(7);
    expect(within(strip).getByRole('button', { name: 'Wed 4 Jun: 0:00' })).toHaveAttribute(
      'aria-current',
      'date',
    );
    await user.click(within(strip).getByRole('button', { name: 'Mon 2 Jun: 3:00' }));
    expect(fake.callsTo('showDay')).toEqual([
      { date: '2025-06-03' },
      { date: '2025-06-05' },
      { date: '2025-06-02' },
    ]);

    act(() => fake.push(state({ day: dayOf([entry({ hours: 3 })], '2025-06-02', false) })));
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Mon 2 Jun');
    expect(screen.getByRole('list', { name: 'Entries for Mon 2 Jun' })).toBeInTheDocument();
    expect(within(strip).getByRole('button', { current: 'date' })).toHaveTextContent('3:00');
    await user.click(screen.getByRole('button', { name: 'Back to today' }));
    expect(fake.callsTo('showDay').at(-1)).toEqual({ date: '2025-06-04' });
  });

  it("shows the week's progress against the weekly capacity", async () => {
    await renderPopover(state({ day: dayOf([entry({ hours: 4 })]) }));
    const bar = screen.getByRole('progressbar', { name: 'This week against your weekly capacity' });
    expect(bar).toHaveAttribute('aria-valuemax', '40');
    expect(bar).toHaveAttribute('aria-valuenow', '7');
    expect(bar).toHaveAttribute('aria-valuetext', '7:00 of 40:00');
  });

  it('shows times on the account clock', async () => {
    const prefs = { ...signedIn().prefs, timestampTimers: true, clock: '24h' as const };
    await renderPopover(
      state({ prefs, day: dayOf([entry({ startedTime: '1:30pm', endedTime: '3:00pm' })]) }),
    );
    expect(screen.getByRole('list', { name: "Today's entries" })).toHaveTextContent('13:30 – 15:00');
  });
});

describe('entries', () => {
  const design = entry({ id: 501, hours: 1.5, notes: 'Hero' });

  it('edits only what changed, and refuses a bad duration with what is accepted', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(state({ day: dayOf([design]) }));
    await user.click(screen.getByRole('button', { name: 'Edit Website — Design' }));
    const form = screen.getByRole('form', { name: 'Edit Website — Design' });
    const duration = within(form).getByRole('textbox', { name: 'Duration' });
    expect(duration).toHaveValue('1:30');
    await user.clear(duration);
    await user.type(duration, 'soon');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(form).toHaveTextContent(
      '"soon" isn\'t a duration. Enter a duration like 1:30, 1.5, 90m or 1h 30m.',
    );
    expect(fake.callsTo('editEntry')).toEqual([]);

    await user.clear(duration);
    await user.type(duration, '2h 15m');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(fake.callsTo('editEntry')).toEqual([{ entryId: 501, changes: { hours: 2.25 } }]);
    expect(screen.queryByRole('form', { name: 'Edit Website — Design' })).not.toBeInTheDocument();
  });

  it('moves an entry to another project and task', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(state({ day: dayOf([design]) }));
    await user.click(screen.getByRole('button', { name: 'Edit Website — Design' }));
    const picker = screen.getByRole('combobox', { name: 'Project and task for this entry' });
    expect(picker).toHaveValue('Acme — Website — Design');
    await user.clear(picker);
    await user.type(picker, 'meetings{Enter}');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(fake.callsTo('editEntry')).toEqual([{ entryId: 501, changes: { projectId: 22, taskId: 103 } }]);
  });

  it('deletes at once after a confirmation, and offers Undo for as long as core holds the delete', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const fake = await renderPopover(state({ day: dayOf([design]) }));
    const list = () => screen.getByRole('list', { name: "Today's entries" });
    await user.click(screen.getByRole('button', { name: 'Delete Website — Design' }));
    await user.click(
      within(screen.getByRole('group', { name: 'Delete Website — Design?' })).getByRole('button', {
        name: 'Keep',
      }),
    );
    expect(list().children).toHaveLength(1);
    expect(fake.callsTo('deleteEntry')).toEqual([]);

    // Core has the delete (saved, held back from Harvest) before any undo window starts.
    await user.click(screen.getByRole('button', { name: 'Delete Website — Design' }));
    await user.click(screen.getByRole('button', { name: 'Delete entry' }));
    expect(fake.callsTo('deleteEntry')).toEqual([{ entryId: 501, undoable: true }]);
    expect(list().children).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(fake.callsTo('undoDelete')).toEqual([{ entryId: 501 }]);
    expect(list().children).toHaveLength(1);
    act(() => {
      vi.advanceTimersByTime(undoDeleteMs * 2);
    });
    expect(fake.callsTo('deleteEntry')).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Delete Website — Design' }));
    await user.click(screen.getByRole('button', { name: 'Delete entry' }));
    expect(fake.callsTo('deleteEntry')).toHaveLength(2);
    // Core's next snapshot no longer has the entry, and its totals dropped.
    act(() => fake.push(state({ day: dayOf([]) })));
    act(() => {
      vi.advanceTimersByTime(undoDeleteMs - 100);
    });
    expect(screen.getByRole('button', { name: 'Undo' })).toBeInTheDocument();
    act(() => {
      vi.advanceTimersByTime(200);
    });
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
    expect(fake.callsTo('undoDelete')).toHaveLength(1);
    expect(fake.callsTo('deleteEntry')).toHaveLength(2);
  });

  it('shows a locked entry read-only with its reason', async () => {
    await renderPopover(
      state({ day: dayOf([entry({ isLocked: true, lockedReason: 'Approved timesheet' })]) }),
    );
    expect(screen.getByRole('list', { name: "Today's entries" })).toHaveTextContent('Approved timesheet');
    expect(screen.queryByRole('button', { name: 'Edit Website — Design' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete Website — Design' })).not.toBeInTheDocument();
  });

  it('adds time without a timer on the shown day', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(state({ day: dayOf([], '2025-06-03', false) }));
    await user.click(screen.getByRole('button', { name: 'Add time' }));
    const form = screen.getByRole('form', { name: 'Add time' });
    await user.type(
      within(form).getByRole('combobox', { name: 'Project and task for the new time' }),
      'mob des{Enter}',
    );
    await user.type(within(form).getByRole('textbox', { name: 'Duration' }), '1.25');
    await user.type(within(form).getByRole('textbox', { name: 'Notes for the new time' }), 'Wireframes');
    await user.click(within(form).getByRole('button', { name: 'Add time' }));
    expect(fake.callsTo('addEntry')).toEqual([
      { projectId: 22, taskId: 101, spentDate: '2025-06-03', hours: 1.25, notes: 'Wireframes' },
    ]);
  });
});

describe('running notes', () => {
  const running = entry({ id: 900, isRunning: true, runningSince: new Date().toISOString(), notes: 'Old' });

  // Keyed by day, project and task: the id changes from local to Harvest's while the person types.
  const draftKey = 'sheaf.draft.running-2025-06-02-11-101';

  it('keeps what is typed as a draft and sends it on leaving the field', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(state({ running, day: dayOf([running]) }));
    const notes = screen.getByRole('textbox', { name: 'Notes for the running timer' });
    await user.clear(notes);
    await user.type(notes, 'New words');
    expect(localStorage.getItem(draftKey)).toBe('New words');
    expect(fake.callsTo('updateNotes')).toEqual([]);

    // The popover closes and reopens (the page is rendered again): the draft is still there.
    cleanup();
    const reopened = await renderPopover(state({ running, day: dayOf([running]) }));
    const again = screen.getByRole('textbox', { name: 'Notes for the running timer' });
    expect(again).toHaveValue('New words');
    fireEvent.blur(again);
    expect(reopened.callsTo('updateNotes')).toEqual([{ entryId: 900, notes: 'New words' }]);
    expect(localStorage.getItem(draftKey)).toBeNull();
  });

  it('sends the notes when the popover hides mid-edit, and Escape puts the old ones back', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(state({ running, day: dayOf([running]) }));
    const notes = screen.getByRole('textbox', { name: 'Notes for the running timer' });
    await user.type(notes, ' and more');
    await user.keyboard('{Escape}');
    expect(notes).toHaveValue('Old');
    expect(fake.callsTo('hidePopover')).toEqual([]);

    await user.type(notes, ' plus');
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    expect(fake.callsTo('updateNotes')).toEqual([{ entryId: 900, notes: 'Old plus' }]);
  });
});

describe('picker extras', () => {
  it('offers recent then pinned pairs with nothing typed, and pins the chosen pair', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(
      state({
        recent: [assignments[3]!],
        favourites: [{ projectId: 11, taskId: 102 }],
      }),
    );
    const combobox = screen.getByRole('combobox', { name: 'Project and task' });
    fireEvent.keyDown(document.body, { key: '/' });
    expect(combobox).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    const names = within(screen.getByRole('listbox'))
      .getAllByRole('option')
      .map((o) => o.getAttribute('aria-label'));
    expect(names.slice(0, 2)).toEqual(['Globex — Mobile app — Meetings', 'Acme — Website — Development']);
    expect(screen.getByRole('listbox')).toHaveTextContent(/^Recent.*Pinned.*Acme/);

    await user.keyboard('{Escape}');
    await user.type(combobox, 'globex des');
    await user.click(screen.getByRole('option', { name: 'Globex — Mobile app — Design' }));
    const pin = screen.getByRole('button', { name: 'Pin to favourites' });
    expect(pin).toHaveAttribute('aria-pressed', 'false');
    await user.click(pin);
    expect(fake.callsTo('pinAssignment')).toEqual([{ projectId: 22, taskId: 101 }]);
  });
});

describe('banners', () => {
  it('applies a refused change elsewhere or discards it, and dismisses notices', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(
      state({
        setAside: [
          {
            id: 'a1',
            summary: 'Edit Website — Design',
            reason: 'The entry is locked',
            canApplyElsewhere: true,
          },
          { id: 'b2', summary: 'Delete Mobile app — Design', reason: 'Not found', canApplyElsewhere: false },
        ],
        notices: ['The saved copy of your entries was damaged and has been set aside.'],
      }),
    );
    const conflicts = screen.getByRole('region', { name: 'Changes Harvest refused' });
    expect(within(conflicts).getAllByRole('button', { name: /^Apply elsewhere/ })).toHaveLength(1);
    await user.click(
      within(conflicts).getByRole('button', { name: 'Apply elsewhere: Edit Website — Design' }),
    );
    await user.click(within(conflicts).getByRole('button', { name: 'Discard: Delete Mobile app — Design' }));
    expect(fake.callsTo('resolveSetAside')).toEqual([
      { id: 'a1', action: 'applyElsewhere' },
      { id: 'b2', action: 'discard' },
    ]);
    await user.click(
      within(screen.getByRole('region', { name: 'Notices' })).getByRole('button', { name: 'Dismiss' }),
    );
    expect(fake.callsTo('dismissNotices')).toHaveLength(1);
  });
});

describe('reports', () => {
  const report = (stale: boolean): ReportView => ({
    period: 'week',
    from: '2025-06-02',
    to: '2025-06-08',
    fetchedAt: new Date(Date.now() - 20.75 * 60_000).toISOString(),
    stale,
    note: stale ? "Harvest can't be reached; showing the saved copy." : null,
    projects: [
      {
        projectId: 11,
        projectName: 'Website',
        clientName: 'Acme',
        totalHours: 5.5,
        billableHours: 5,
        currency: 'USD',
        billableAmount: 600,
      },
    ],
    clients: [
      {
        clientId: 1,
        clientName: 'Acme',
        totalHours: 5.5,
        billableHours: 5,
        currency: 'USD',
        billableAmount: 600,
      },
    ],
  });

  it('shows hours by client and project with amounts, and says when it is the saved copy', async () => {
    const user = userEvent.setup();
    const fake = await renderApp(state(), assignments, (f) => {
      f.answers.getReport = { ok: true, value: report(true) };
    });
    await user.click(screen.getByRole('button', { name: 'Reports' }));
    const clients = await screen.findByRole('table', { name: 'By client' });
    expect(within(clients).getByRole('row', { name: /Acme/ })).toHaveTextContent('Acme5:305:00$600.00');
    expect(screen.getByRole('table', { name: 'By project' })).toHaveTextContent('Website');
    expect(screen.getByRole('region', { name: 'Reports' })).toHaveTextContent('2 Jun – 8 Jun');
    expect(within(screen.getByRole('region', { name: 'Reports' })).getByRole('status')).toHaveTextContent(
      "Harvest can't be reached; showing the saved copy. As of 20 min ago",
    );
    await user.click(screen.getByRole('button', { name: 'Month' }));
    expect(fake.callsTo('getReport')).toEqual([{ period: 'week' }, { period: 'month' }]);
  });
});
