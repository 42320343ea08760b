// @vitest-environment jsdom
// Tests linking time to the work in the popover: a linked row's link button opens the work, submitted and
// approved rows look apart, pasting an issue's address into the notes becomes a removable "linked to" chip that
// picks the project last used with it, and the start carries the address.
import '@testing-library/jest-dom/vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { EntryView, ShownDay } from '../../../shared/state';
import { entry, signedIn } from './fake-sheaf';
import { assignments, cleanUpPopover, renderPopover } from './popover-setup';

afterEach(cleanUpPopover);

const issue = 'https://github.com/acme/site/issues/12';
const reference = { id: 'acme/site#12', groupId: 'acme/site', permalink: issue, service: 'GitHub' };

function dayOf(list: EntryView[]): ShownDay {
  const totalHours = list.reduce((t, e) => t + e.hours, 0);
  return {
    date: '2025-06-02',
    isToday: true,
    entries: list,
    totalHours,
    week: { start: '2025-06-02', end: '2025-06-08', totalHours, days: [] },
    loading: false,
  };
}

describe('linked rows', () => {
  it('opens the linked work from the row’s link button, named for the work', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(signedIn({ day: dayOf([entry({ reference })]) }));
    await user.click(screen.getByRole('button', { name: 'Open acme/site#12' }));
    expect(fake.callsTo('openWorkLink')).toEqual([{ url: issue }]);
  });

  it('offers "Remove link" in the entry’s form, which removes it at once', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(signedIn({ day: dayOf([entry({ reference })]) }));
    await user.click(screen.getByRole('button', { name: 'Edit Website — Design' }));
    await user.click(screen.getByRole('button', { name: 'Remove link' }));
    expect(fake.callsTo('editEntry')).toEqual([{ entryId: 1001, changes: { workAddress: null } }]);
  });

  it('marks submitted and approved rows apart, with the reason in words and no edit', async () => {
    const submitted = entry({
      id: 1,
      approval: 'submitted',
      isLocked: true,
      lockedReason: "Submitted for approval: it can't change until it's approved or sent back",
    });
    const approved = entry({
      id: 2,
      approval: 'approved',
      isLocked: true,
      lockedReason: 'Approved in Harvest',
    });
    await renderPopover(signedIn({ day: dayOf([submitted, approved, entry({ id: 3 })]) }));
    const [first, second, third] = within(screen.getByRole('list', { name: "Today's entries" })).getAllByRole(
      'listitem',
    );
    expect(first).toHaveClass('is-submitted');
    expect(first).toHaveTextContent('Submitted for approval');
    expect(second).toHaveClass('is-approved');
    expect(second).toHaveTextContent('Approved in Harvest');
    expect(third).not.toHaveClass('is-submitted');
    expect(within(first!).queryByRole('button', { name: /^Edit/ })).toBeNull();
  });
});

describe('pasting an address', () => {
  it('links the start to the pasted work, picks the pair last used with it, and starts with the address', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(signedIn());
    fake.answers.linkedWork = { ok: true, value: { link: reference, suggestion: assignments[2] } };
    const search = screen.getByRole('combobox', { name: 'Project and task' });
    fireEvent.paste(search, { clipboardData: { getData: () => `Fix the header ${issue}` } });
    expect(await screen.findByText('linked to acme/site#12')).toBeVisible();
    expect(fake.callsTo('linkedWork')).toEqual([{ workAddress: issue }]);
    await waitFor(() => expect(search).toHaveValue('Globex — Mobile app — Design'));
    expect(screen.getByRole('textbox', { name: 'Notes' })).toHaveValue('Fix the header');
    await user.click(screen.getByRole('button', { name: /^Start$/ }));
    expect(fake.callsTo('startTimer')).toEqual([
      { projectId: 22, taskId: 101, notes: 'Fix the header', workAddress: issue },
    ]);
    expect(screen.queryByText('linked to acme/site#12')).toBeNull();
  });

  it('removes the chip with its button, and leaves an address that names no work as typed text', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(signedIn());
    fake.answers.linkedWork = { ok: true, value: { link: reference, suggestion: null } };
    const search = screen.getByRole('combobox', { name: 'Project and task' });
    fireEvent.paste(search, { clipboardData: { getData: () => issue } });
    await user.click(await screen.findByRole('button', { name: 'Remove link' }));
    expect(screen.queryByText(/linked to/)).toBeNull();
    const plain = fireEvent.paste(search, { clipboardData: { getData: () => 'https://example.com/plan' } });
    expect(plain).toBe(true); // Not prevented: the browser pastes it as text.
    expect(fake.callsTo('linkedWork')).toHaveLength(1);
  });
});
