// @vitest-environment jsdom
// Tests the question signing out asks when changes haven't reached Harvest: how many wait and what to do with
// them (send first, keep, discard), out of every account the running timer too, answered by keyboard, Escape
// leaving everything as it was, "couldn't send" said in the question, and the tray's sign-out asking here.
import '@testing-library/jest-dom/vitest';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { IpcResult } from '../../../shared/ipc';
import { accountSummary, entry, signedIn, twoAccounts } from './fake-sheaf';
import { cleanUpPopover, renderPopover } from './popover-setup';

afterEach(cleanUpPopover);

const asks = (message: string): IpcResult<unknown> => ({
  ok: false,
  error: { code: 'sign_out_question', message },
});
const running = entry({ isRunning: true, runningSince: new Date().toISOString() });

describe('signing out with changes waiting', () => {
  it('says how many wait, offers send, keep or discard, and signs out with the answer chosen by keyboard', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(
      signedIn({ accounts: [accountSummary({ id: '111', name: 'Analytical Engines Ltd', pending: 3 })] }),
    );
    fake.answers.signOut = asks("3 changes in Analytical Engines Ltd haven't reached Harvest yet.");
    await user.click(screen.getByRole('button', { name: 'Sign out' }));

    const question = screen.getByRole('region', { name: 'Sign out of Analytical Engines Ltd?' });
    expect(question).toHaveAccessibleDescription(
      "3 changes in Analytical Engines Ltd haven't reached Harvest yet.",
    );
    const answers = within(question).getByRole('group', { name: 'Changes waiting' });
    expect(
      within(answers)
        .getAllByRole('radio')
        .map((r) => r.getAttribute('value')),
    ).toEqual(['send', 'keep', 'discard']);
    expect(within(answers).getByRole('radio', { name: 'Send them first' })).toHaveFocus();
    expect(within(question).queryByRole('group', { name: 'Running timer' })).not.toBeInTheDocument();

    delete fake.answers.signOut;
    await user.keyboard('{ArrowDown}');
    expect(within(answers).getByRole('radio', { name: 'Keep them for my next sign-in' })).toBeChecked();
    await user.keyboard('{Enter}');
    expect(fake.callsTo('signOut')).toEqual([{}, { waiting: 'keep' }]);
    expect(screen.queryByRole('region', { name: /Sign out of/ })).not.toBeInTheDocument();
  });

  it('out of all accounts asks about the running timer too, and Escape leaves everything as it was', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(twoAccounts({}, { pending: 1, running, name: 'Northwind Freelance' }));
    fake.answers.signOut = asks(
      "1 change in your accounts hasn't reached Harvest yet. A timer is still running.",
    );
    await user.click(screen.getByRole('button', { name: /Analytical Engines Ltd/ }));
    await user.click(screen.getByRole('menuitem', { name: 'Sign out of all accounts' }));

    const question = screen.getByRole('region', { name: 'Sign out of all accounts?' });
    const timer = within(question).getByRole('group', { name: 'Running timer' });
    expect(within(timer).getByRole('radio', { name: 'Stop it first' })).toBeChecked();
    expect(within(timer).getByRole('radio', { name: 'Leave it running in Harvest' })).not.toBeChecked();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: /Sign out of/ })).not.toBeInTheDocument();
    expect(fake.callsTo('signOut')).toEqual([{}]);
    expect(fake.callsTo('hidePopover')).toEqual([]);
    // Back where the person asked from: the switcher, its menu closed.
    expect(screen.getByRole('button', { name: /Analytical Engines Ltd/ })).toHaveFocus();
  });

  it('sends the timer answer with the changes answer when both are asked', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(twoAccounts({}, { pending: 2, running }));
    fake.answers.signOut = asks(
      "2 changes in your accounts haven't reached Harvest yet. A timer is still running.",
    );
    await user.click(screen.getByRole('button', { name: /Analytical Engines Ltd/ }));
    await user.click(screen.getByRole('menuitem', { name: 'Sign out of all accounts' }));
    delete fake.answers.signOut;
    await user.click(screen.getByRole('radio', { name: 'Discard them' }));
    await user.click(screen.getByRole('radio', { name: 'Leave it running in Harvest' }));
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(fake.callsTo('signOut')).toEqual([{}, { waiting: 'discard', runningTimer: 'leave' }]);
  });

  it('says in the question when the changes could not be sent, and stays for another answer', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(
      twoAccounts({
        accounts: [
          accountSummary({ id: '111', name: 'Analytical Engines Ltd', pending: 1 }),
          accountSummary({ id: '222', name: 'Northwind Freelance' }),
        ],
      }),
    );
    fake.answers.signOutOf = asks("1 change in Analytical Engines Ltd hasn't reached Harvest yet.");
    await user.click(screen.getByRole('button', { name: /Analytical Engines Ltd/ }));
    await user.click(screen.getByRole('menuitem', { name: 'Sign out of Analytical Engines Ltd' }));
    const notSent =
      "Sheaf couldn't send 1 change to Harvest, so you're still signed in to Analytical Engines Ltd.";
    fake.answers.signOutOf = { ok: false, error: { code: 'network', message: notSent } };
    await user.click(screen.getByRole('button', { name: 'Sign out' }));

    const question = screen.getByRole('region', { name: 'Sign out of Analytical Engines Ltd?' });
    expect(within(question).getByRole('alert')).toHaveTextContent(notSent);
    expect(fake.callsTo('signOutOf')).toEqual([{ accountId: '111' }, { accountId: '111', waiting: 'send' }]);
  });

  it("opens at the tray's sign-out when it would leave changes behind", async () => {
    const fake = await renderPopover(twoAccounts({}, { pending: 1 }));
    fake.answers.signOut = asks("1 change in your accounts hasn't reached Harvest yet.");
    await act(async () => fake.tell({ type: 'askSignOut' }));
    expect(screen.getByRole('region', { name: 'Sign out of all accounts?' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Send them first' })).toHaveFocus();
  });
});
