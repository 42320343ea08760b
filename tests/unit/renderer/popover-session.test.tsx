// @vitest-environment jsdom
// Tests the popover's session as a person meets it: signing in (checked form, failures, the demo), the signed-in
// header, the running timer, errors in alerts, and Escape from anywhere.
import '@testing-library/jest-dom/vitest';
import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { entry, signedIn, signedOut } from './fake-sheaf';
import { cleanUpPopover, renderPopover } from './popover-setup';

afterEach(cleanUpPopover);

describe('signed out', () => {
  it('checks the form before calling signIn, then sends the trimmed token and account', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(signedOut());

    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Paste your Personal Access Token');
    // Left empty, the Account ID is Sheaf's to find: only a typed one is checked.
    expect(screen.getByRole('alert')).not.toHaveTextContent('Account ID');
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

  it("shows Sheaf's notices above the form, such as a keychain it couldn't read, until dismissed", async () => {
    const user = userEvent.setup();
    const unreadable = "Sheaf couldn't read your accounts from the keychain (it may be locked).";
    const fake = await renderPopover({ ...signedOut(), notices: [unreadable] });
    expect(screen.getByRole('region', { name: 'Notices' })).toHaveTextContent(unreadable);
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(fake.callsTo('dismissNotices')).toHaveLength(1);
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

  it('spends no row on "no timer": the start form is the top of the popover', async () => {
    await renderPopover(signedIn());
    expect(screen.queryByRole('region', { name: 'Running timer' })).not.toBeInTheDocument();
    expect(screen.getByRole('form', { name: 'Start a timer' })).toBeInTheDocument();
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
