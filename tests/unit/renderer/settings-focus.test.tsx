// @vitest-environment jsdom
// The settings view's focus sessions group: each length saved when the person leaves the field, the notification,
// sound and "stop the timer during breaks" switches saved as they are clicked, main's refusal shown.
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings, type SettingsView } from '../../../shared/settings';
import { desktopState } from '../../fixtures/app-state';
import { signedIn, type FakeSheaf } from './fake-sheaf';
import { renderApp } from './render-app';

const focusOn = { ...defaultSettings, focus: { ...defaultSettings.focus, enabled: true } };
const view: SettingsView = {
  settings: focusOn,
  shortcuts: { togglePopover: { state: 'ok', message: null }, toggleTimer: { state: 'ok', message: null } },
  launchAtLogin: { supported: true, message: null },
  notice: null,
};

afterEach(() => {
  cleanup();
  delete window.sheaf;
});

async function openFocusSettings(): Promise<{ fake: FakeSheaf; group: HTMLElement }> {
  const fake = await renderApp(signedIn({ desktop: desktopState() }), [], (f) => {
    f.answers.getSettings = { ok: true, value: view };
    f.answers.updateSettings = { ok: true, value: view };
  });
  await userEvent.click(screen.getByRole('button', { name: 'Settings' }));
  return { fake, group: await screen.findByRole('group', { name: 'Focus sessions' }) };
}

describe('focus sessions settings', () => {
  it('shows only the switch while focus sessions are off, and the rest once it is turned on', async () => {
    const user = userEvent.setup();
    const off: SettingsView = { ...view, settings: defaultSettings };
    expect(defaultSettings.focus.enabled).toBe(false);
    const fake = await renderApp(signedIn({ desktop: desktopState() }), [], (f) => {
      f.answers.getSettings = { ok: true, value: off };
      f.answers.updateSettings = { ok: true, value: view };
    });
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const group = await screen.findByRole('group', { name: 'Focus sessions' });
    expect(within(group).getAllByRole('checkbox')).toHaveLength(1);
    expect(within(group).queryByLabelText('Work for (minutes)')).not.toBeInTheDocument();
    expect(
      within(group).queryByRole('checkbox', { name: 'Play a short sound then' }),
    ).not.toBeInTheDocument();

    await user.click(within(group).getByRole('checkbox', { name: 'Use focus sessions' }));
    expect(fake.callsTo('updateSettings')).toEqual([{ focus: { enabled: true } }]);
    expect(await within(group).findByLabelText('Work for (minutes)')).toHaveValue(25);
    expect(within(group).getByRole('checkbox', { name: 'Play a short sound then' })).toBeInTheDocument();
  });

  it('shows the lengths in use: 25 minutes of work, 5 of break, 15 of long break every 4', async () => {
    const { group } = await openFocusSettings();
    expect(within(group).getByLabelText('Work for (minutes)')).toHaveValue(25);
    expect(within(group).getByLabelText('Then a break of (minutes)')).toHaveValue(5);
    expect(within(group).getByLabelText('A long break of (minutes)')).toHaveValue(15);
    expect(within(group).getByLabelText('After this many work sessions')).toHaveValue(4);
    expect(
      within(group).getByRole('checkbox', { name: 'Notify me when work or a break ends' }),
    ).toBeChecked();
    expect(within(group).getByRole('checkbox', { name: 'Play a short sound then' })).not.toBeChecked();
    expect(within(group).getByRole('checkbox', { name: /Stop the timer during breaks/ })).not.toBeChecked();
  });

  it('saves a length when the person leaves the field, and each switch as it is clicked', async () => {
    const user = userEvent.setup();
    const { fake, group } = await openFocusSettings();
    const work = within(group).getByLabelText('Work for (minutes)');
    await user.clear(work);
    await user.type(work, '50');
    expect(fake.callsTo('updateSettings')).toEqual([]); // not while typing
    await user.tab();
    await user.click(within(group).getByRole('checkbox', { name: 'Play a short sound then' }));
    await user.click(within(group).getByRole('checkbox', { name: /Stop the timer during breaks/ }));
    await user.click(within(group).getByRole('checkbox', { name: 'Notify me when work or a break ends' }));
    expect(fake.callsTo('updateSettings')).toEqual([
      { focus: { workMinutes: 50 } },
      { focus: { sound: true } },
      { focus: { stopTimerDuringBreaks: true } },
      { notifications: { focus: false } },
    ]);
  });

  it('explains a length it can’t use beside the field, in a sentence, without asking main', async () => {
    const user = userEvent.setup();
    const { fake, group } = await openFocusSettings();
    const pause = within(group).getByLabelText('Then a break of (minutes)');
    await user.clear(pause);
    await user.type(pause, '90');
    await user.tab();
    expect(pause).toHaveAccessibleDescription('Take a break of at most 60 minutes');
    expect(fake.callsTo('updateSettings').filter((u) => JSON.stringify(u).includes('breakMinutes'))).toEqual(
      [],
    );
  });

  it('shows why main refused a length beside the field, and puts the saved one back', async () => {
    const user = userEvent.setup();
    const { fake, group } = await openFocusSettings();
    fake.answers.updateSettings = {
      ok: false,
      error: { code: 'validation', message: 'Sheaf could not save that' },
    };
    const pause = within(group).getByLabelText('Then a break of (minutes)');
    await user.clear(pause);
    await user.type(pause, '20');
    await user.tab();
    expect(await within(group).findByRole('alert')).toHaveTextContent('Sheaf could not save that');
    expect(pause).toHaveAccessibleDescription('Sheaf could not save that');
    expect(pause).toHaveValue(5);
  });
});
