// @vitest-environment jsdom
// Tests signing in to several accounts as a person meets it: the header's switcher by keyboard and mouse,
// signing out of one or all, adding an account, an account Harvest signed out, Sign in with Harvest and its
// wait, and choosing which of a sign-in's accounts to use.
import '@testing-library/jest-dom/vitest';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { accountSummary, entry, signedIn, signedOut, twoAccounts } from './fake-sheaf';
import { cleanUpPopover, renderPopover } from './popover-setup';

afterEach(cleanUpPopover);

const switcher = () => screen.getByRole('button', { name: /Analytical Engines Ltd/ });

describe('the account switcher', () => {
  it('is not there with one account: the header keeps its Sign out button', async () => {
    await renderPopover(
      signedIn({ accounts: [accountSummary({ id: '111', name: 'Analytical Engines Ltd' })] }),
    );
    expect(screen.queryByRole('button', { name: /Analytical Engines Ltd/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
  });

  it('lists each account with its hours today, a running timer, and why one is signed out', async () => {
    const user = userEvent.setup();
    await renderPopover(
      signedIn({
        accounts: [
          accountSummary({ id: '111', name: 'Analytical Engines Ltd', todayHours: 2.5 }),
          accountSummary({
            id: '222',
            name: 'Northwind Freelance',
            running: entry({ isRunning: true, runningSince: new Date().toISOString() }),
          }),
          accountSummary({
            id: '333',
            name: 'Globex',
            signedIn: false,
            message: 'Harvest no longer accepts this sign-in.',
          }),
        ],
        activeAccountId: '111',
      }),
    );
    expect(screen.queryByRole('button', { name: 'Sign out' })).not.toBeInTheDocument();
    await user.click(switcher());
    const items = within(screen.getByRole('menu', { name: 'Accounts' })).getAllByRole('menuitemradio');
    expect(items.map((i) => i.getAttribute('aria-checked'))).toEqual(['true', 'false', 'false']);
    expect(items[0]).toHaveTextContent('2:30 today');
    expect(items[1]).toHaveTextContent('Northwind Freelance, timer running');
    expect(items[2]).toHaveTextContent('signed out: Harvest no longer accepts this sign-in.');
  });

  it('opens with ArrowDown, moves with the arrows, and switches on Enter', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(twoAccounts());
    switcher().focus();
    await user.keyboard('{ArrowDown}');
    expect(switcher()).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('menuitemradio', { name: /Analytical Engines Ltd/ })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('menuitemradio', { name: /Northwind Freelance/ })).toHaveFocus();
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(screen.getByRole('menuitem', { name: 'Sign out of all accounts' })).toHaveFocus();
    await user.keyboard('{Home}{ArrowDown}{Enter}');
    expect(fake.callsTo('switchAccount')).toEqual([{ accountId: '222' }]);
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(switcher()).toHaveFocus();
  });

  it('opens with Enter or Space too, and Escape closes it without hiding the popover', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(twoAccounts());
    switcher().focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('menu')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(switcher()).toHaveFocus();
    expect(fake.callsTo('hidePopover')).toEqual([]);

    await user.keyboard(' ');
    expect(screen.getByRole('menu')).toBeInTheDocument();
    await user.keyboard('{Escape}{Escape}');
    // The second Escape finds no menu to close, so it hides the popover as everywhere else.
    expect(fake.callsTo('hidePopover')).toHaveLength(1);
  });

  it("asks for the other account's assignments once it is shown, even at the same version", async () => {
    const fake = await renderPopover(twoAccounts());
    expect(fake.callsTo('listAssignments')).toHaveLength(1);
    await act(async () => fake.push({ ...fake.state, activeAccountId: '222' }));
    expect(fake.callsTo('listAssignments')).toHaveLength(2);
  });

  it('picking the account already shown sends nothing', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(twoAccounts());
    await user.click(switcher());
    await user.click(screen.getByRole('menuitemradio', { name: /Analytical Engines Ltd/ }));
    expect(fake.callsTo('switchAccount')).toEqual([]);
  });

  it('signs out of the account shown, or of all of them', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(twoAccounts());
    await user.click(switcher());
    await user.click(screen.getByRole('menuitem', { name: 'Sign out of Analytical Engines Ltd' }));
    expect(fake.callsTo('signOutOf')).toEqual([{ accountId: '111' }]);
    await user.click(switcher());
    await user.click(screen.getByRole('menuitem', { name: 'Sign out of all accounts' }));
    expect(fake.callsTo('signOut')).toHaveLength(1);
  });

  it('adds an account with the sign-in form over the timesheet; Back, or the new account, ends it', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(twoAccounts());
    await user.click(switcher());
    await user.click(screen.getByRole('menuitem', { name: 'Add an account…' }));
    expect(screen.getByRole('heading', { name: 'Add an account' })).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Start a timer' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '← Back' }));
    expect(screen.getByRole('form', { name: 'Start a timer' })).toBeInTheDocument();

    await user.click(switcher());
    await user.click(screen.getByRole('menuitem', { name: 'Add an account…' }));
    await user.type(screen.getByLabelText('Personal access token'), 'abcdefghijklmnop');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(fake.callsTo('signIn')).toEqual([{ token: 'abcdefghijklmnop' }]);
    act(() => fake.push({ ...fake.state, activeAccountId: '333' }));
    expect(screen.getByRole('form', { name: 'Start a timer' })).toBeInTheDocument();
  });

  it('shows the sign-in form with why, for an account Harvest signed out, and still switches', async () => {
    const user = userEvent.setup();
    const message = 'Harvest no longer accepts the sign-in for Analytical Engines Ltd. Sign in again.';
    const fake = await renderPopover(
      twoAccounts({
        session: { status: 'signed_out', message },
        accounts: [
          accountSummary({ id: '111', name: 'Analytical Engines Ltd', signedIn: false, message }),
          accountSummary({ id: '222', name: 'Northwind Freelance' }),
        ],
      }),
    );
    expect(
      screen.getByRole('heading', { name: 'Sign in to Analytical Engines Ltd again' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(message);
    expect(screen.getByLabelText('Personal access token')).toBeInTheDocument();
    await user.click(switcher());
    await user.click(screen.getByRole('menuitemradio', { name: /Northwind Freelance/ }));
    expect(fake.callsTo('switchAccount')).toEqual([{ accountId: '222' }]);
  });
});

describe('the sign-in form', () => {
  it('says the Account ID may be left empty', async () => {
    await renderPopover(signedOut());
    expect(screen.getByRole('textbox', { name: 'Account ID' })).toHaveAccessibleDescription(
      'Optional. Left empty, Sheaf lists the accounts your token reaches.',
    );
  });

  it('offers Sign in with Harvest only when this Sheaf has it', async () => {
    await renderPopover(signedOut());
    expect(screen.queryByRole('button', { name: 'Sign in with Harvest' })).not.toBeInTheDocument();
    cleanUpPopover();
    await renderPopover({ ...signedOut(), harvestSignIn: true });
    expect(screen.getByRole('button', { name: 'Sign in with Harvest' })).toBeInTheDocument();
    // The token form stays, for those who prefer a token.
    expect(screen.getByLabelText('Personal access token')).toBeInTheDocument();
  });

  it('waits for the browser with a Cancel, and a cancelled wait shows no error', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover({ ...signedOut(), harvestSignIn: true });
    let finish: (result: { ok: false; error: { code: 'internal'; message: string } }) => void = () => {};
    const original = fake.api.signInWithHarvest;
    fake.api.signInWithHarvest = () => {
      void original();
      return new Promise((resolve) => (finish = resolve));
    };
    await user.click(screen.getByRole('button', { name: 'Sign in with Harvest' }));
    expect(screen.getByRole('status')).toHaveTextContent('Finish signing in in your browser…');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(fake.callsTo('cancelSignIn')).toHaveLength(1);
    await act(async () =>
      finish({ ok: false, error: { code: 'internal', message: 'Sign-in was cancelled.' } }),
    );
    expect(screen.getByRole('button', { name: 'Sign in with Harvest' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(fake.callsTo('signInWithHarvest')).toHaveLength(1);
  });

  it("shows why Harvest's sign-in failed", async () => {
    const user = userEvent.setup();
    const fake = await renderPopover({ ...signedOut(), harvestSignIn: true });
    fake.answers.signInWithHarvest = {
      ok: false,
      error: { code: 'forbidden', message: 'Harvest ID refused the sign-in. Try again.' },
    };
    await user.click(screen.getByRole('button', { name: 'Sign in with Harvest' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Harvest ID refused the sign-in');
  });
});

describe('choosing accounts', () => {
  const choice = {
    accounts: [
      { id: '111', name: 'Analytical Engines Ltd', signedIn: true },
      { id: '222', name: 'Northwind Freelance', signedIn: false },
      { id: '333', name: 'Globex', signedIn: false },
    ],
    user: { name: 'Dana Demo', email: 'dana@example.com' },
  };

  it('shows every account checked over the timesheet, and uses the ones left checked', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(signedIn({ accountChoice: choice }));
    expect(screen.getByRole('heading', { name: 'Choose your accounts' })).toBeInTheDocument();
    expect(screen.getByText('Signed in to Harvest as Dana Demo (dana@example.com)')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Running timer' })).not.toBeInTheDocument();
    const boxes = screen.getAllByRole('checkbox');
    expect(boxes.map((b) => (b as HTMLInputElement).checked)).toEqual([true, true, true]);
    expect(screen.getByText('(signed in already)')).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Globex' }));
    await user.click(screen.getByRole('button', { name: 'Use these accounts' }));
    expect(fake.callsTo('chooseAccounts')).toEqual([{ accountIds: ['111', '222'] }]);
  });

  it('asks for at least one account, and Cancel drops the choice', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover({ ...signedOut(), accountChoice: choice });
    for (const box of screen.getAllByRole('checkbox')) await user.click(box);
    await user.click(screen.getByRole('button', { name: 'Use these accounts' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Pick at least one account');
    expect(fake.callsTo('chooseAccounts')).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(fake.callsTo('cancelAccountChoice')).toHaveLength(1);
    act(() => fake.push(signedOut()));
    expect(screen.getByRole('button', { name: 'Try the demo' })).toBeInTheDocument();
  });
});
