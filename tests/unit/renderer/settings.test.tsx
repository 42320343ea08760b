// @vitest-environment jsdom
// The settings view as a person meets it: the gear and Back, shortcuts captured by pressing keys (and a taken one
// explained), saved changes, the theme applied, the two-timer choice with two accounts. (The idle question:
// time-away.test.tsx.)
import '@testing-library/jest-dom/vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { acceleratorOf } from '../../../renderer/src/components/SettingsShortcut';
import { Accelerator, defaultSettings, Settings, type SettingsView } from '../../../shared/settings';
import type { AppState } from '../../../shared/state';
import { desktopState as desktop } from '../../fixtures/app-state';
import { signedIn, twoAccounts, type FakeSheaf } from './fake-sheaf';
import { renderApp } from './render-app';

const view = (over: Partial<SettingsView> = {}): SettingsView => ({
  settings: defaultSettings,
  shortcuts: {
    togglePopover: { state: 'ok', message: null },
    toggleTimer: {
      state: 'taken',
      message: 'CommandOrControl+Shift+T is already used by another app. Press a different shortcut.',
    },
  },
  launchAtLogin: { supported: true, message: null },
  notice: null,
  ...over,
});

const renderPopover = (state: AppState, settings = view()): Promise<FakeSheaf> =>
  renderApp(state, [], (fake) => {
    fake.answers.getSettings = { ok: true, value: settings };
    fake.answers.updateSettings = { ok: true, value: settings };
  });

afterEach(() => {
  cleanup();
  delete window.sheaf;
  delete document.documentElement.dataset.theme;
});

describe('settings view', () => {
  it("lets a member, whose Sheaf can't read the company's settings, choose the day the week starts", async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(signedIn({ desktop: desktop() }));
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const week = await screen.findByRole('group', { name: 'Your week' });
    await user.selectOptions(within(week).getByRole('combobox', { name: 'Week starts on' }), 'Wednesday');
    expect(fake.callsTo('updateSettings')).toEqual([{ weekStartDay: 'Wednesday' }]);
  });

  it("shows no week start to choose when Harvest gave the company's own", async () => {
    const user = userEvent.setup();
    const state = signedIn({ desktop: desktop() });
    await renderPopover({ ...state, prefs: { ...state.prefs, weekStartChosenHere: false } });
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await screen.findByRole('group', { name: 'System' });
    expect(screen.queryByRole('group', { name: 'Your week' })).not.toBeInTheDocument();
  });

  it('asks what to do with a timer in another account only of someone signed in to two', async () => {
    const user = userEvent.setup();
    const name = 'When you start a timer while one runs in another account';
    const fake = await renderPopover(twoAccounts());
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const group = await screen.findByRole('group', { name });
    expect(within(group).getByRole('radio', { name: 'Ask' })).toBeChecked();
    await user.click(within(group).getByRole('radio', { name: 'Stop the other one' }));
    expect(fake.callsTo('updateSettings')).toEqual([{ otherAccountTimer: 'stop' }]);

    cleanup();
    await renderPopover(signedIn());
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await screen.findByRole('group', { name: 'System' });
    expect(screen.queryByRole('group', { name })).not.toBeInTheDocument();
  });

  it('opens from the gear, shows every group, and Back returns to the timer', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(signedIn({ desktop: desktop() }));
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const settings = await screen.findByRole('region', { name: 'Settings' });
    for (const group of [
      'Time away',
      'Keyboard shortcuts',
      'Notifications',
      'Working hours',
      'System',
      'Theme',
    ]) {
      expect(within(settings).getByRole('group', { name: group })).toBeInTheDocument();
    }
    expect(fake.callsTo('getSettings')).toHaveLength(1);
    expect(screen.getByRole('spinbutton', { name: 'Ask after (minutes away)' })).toHaveValue(10);
    expect(screen.getByRole('checkbox', { name: 'Wednesday' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Sunday' })).not.toBeChecked();
    await user.click(screen.getByRole('button', { name: '← Back' }));
    expect(screen.queryByRole('region', { name: 'Settings' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
  });

  it('captures a shortcut from the keys pressed, and says which one another app holds', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(signedIn({ desktop: desktop() }));
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const timer = await screen.findByRole('textbox', { name: 'Start or stop the timer' });
    expect(timer).toHaveValue('Ctrl+Shift+T');
    expect(timer).toHaveAccessibleDescription(/already used by another app/);
    expect(timer).toHaveAttribute('aria-invalid', 'true');

    fireEvent.keyDown(timer, { code: 'KeyK', key: 'K', ctrlKey: true, altKey: true });
    expect(fake.callsTo('updateSettings')).toEqual([{ shortcuts: { toggleTimer: 'Control+Alt+K' } }]);

    // A plain letter can't be a global shortcut: say why, send nothing.
    fireEvent.keyDown(timer, { code: 'KeyK', key: 'k' });
    expect(screen.getByText(/Hold Ctrl, Alt, Shift or Cmd/)).toBeInTheDocument();
    expect(fake.callsTo('updateSettings')).toHaveLength(1);

    // Backspace clears it.
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Show or hide Sheaf' }), {
      code: 'Backspace',
      key: 'Backspace',
    });
    expect(fake.callsTo('updateSettings').at(-1)).toEqual({ shortcuts: { togglePopover: '' } });
  });

  it('saves checkboxes, numbers on Enter, days and theme; shows why a change was refused', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(signedIn({ desktop: desktop() }));
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await user.click(await screen.findByRole('checkbox', { name: 'When Sheaf asks about time away' }));
    const minutes = screen.getByRole('spinbutton', { name: 'Ask after (minutes away)' });
    await user.clear(minutes);
    await user.type(minutes, '25{Enter}');
    await user.click(screen.getByRole('checkbox', { name: 'Saturday' }));
    await user.click(screen.getByRole('radio', { name: 'Dark' }));
    await user.click(screen.getByRole('checkbox', { name: 'Open Sheaf when I log in' }));
    expect(fake.callsTo('updateSettings')).toEqual([
      { notifications: { idle: false } },
      { idleThresholdMinutes: 25 },
      { noTimerReminder: { days: [1, 2, 3, 4, 5, 6] } },
      { theme: 'dark' },
      { launchAtLogin: true },
    ]);

    fake.answers.updateSettings = {
      ok: false,
      error: { code: 'validation', message: 'Working hours must end after they start' },
    };
    await user.click(screen.getByRole('checkbox', { name: 'Timer still running' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Working hours must end after they start');
  });

  it('takes focus as it opens; Escape closes it, without hiding the popover, and focus goes back to the gear', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(signedIn({ desktop: desktop() }));
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    expect(await screen.findByRole('heading', { name: 'Settings' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Settings' })).not.toBeInTheDocument();
    expect(fake.callsTo('hidePopover')).toEqual([]);
    expect(screen.getByRole('button', { name: 'Settings' })).toHaveFocus();
  });

  it('Back hands focus to the gear that opened Settings', async () => {
    const user = userEvent.setup();
    await renderPopover(signedIn({ desktop: desktop() }));
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await user.click(await screen.findByRole('button', { name: '← Back' }));
    expect(screen.getByRole('button', { name: 'Settings' })).toHaveFocus();
  });

  it('writes shortcuts the way the host’s OS does: ⌘⇧T on macOS', async () => {
    const user = userEvent.setup();
    await renderPopover(signedIn({ desktop: desktop() }), view({ platform: 'mac' }));
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const timer = await screen.findByRole('textbox', { name: 'Start or stop the timer' });
    expect(timer).toHaveValue('⌘⇧T');
    expect(timer).toHaveAccessibleDescription(/⌘⇧T is already used by another app/);
  });

  it('says which keys the desktop bound, or that it may ask first, as news rather than a problem', async () => {
    const user = userEvent.setup();
    await renderPopover(
      signedIn({ desktop: desktop() }),
      view({
        shortcuts: {
          togglePopover: { state: 'ok', message: 'Your desktop may ask you to confirm these keys.' },
          toggleTimer: { state: 'ok', message: 'Your desktop runs this on Ctrl+Alt+T.' },
        },
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const timer = await screen.findByRole('textbox', { name: 'Start or stop the timer' });
    expect(timer).toHaveAccessibleDescription(/Your desktop runs this on Ctrl\+Alt\+T/);
    expect(timer).toHaveAttribute('aria-invalid', 'false');
    expect(screen.getByRole('textbox', { name: 'Show or hide Sheaf' })).toHaveAccessibleDescription(
      /may ask you to confirm/,
    );
  });

  it('an open Settings reads the view again when main says the desktop answered', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(signedIn({ desktop: desktop() }));
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const popover = await screen.findByRole('textbox', { name: 'Show or hide Sheaf' });
    expect(popover).not.toHaveAccessibleDescription(/Your desktop runs this/);
    fake.answers.getSettings = {
      ok: true,
      value: view({
        shortcuts: {
          ...view().shortcuts,
          togglePopover: { state: 'ok', message: 'Your desktop runs this on Super+S.' },
        },
      }),
    };
    await act(async () => fake.tell({ type: 'settingsChanged' }));
    await expect
      .poll(() => screen.getByRole('textbox', { name: 'Show or hide Sheaf' }))
      .toHaveAccessibleDescription(/Your desktop runs this on Super\+S/);
  });

  it.each([
    ['linux', 0],
    ['mac', 1],
  ] as const)(
    'offers the elapsed time beside the tray icon only where the tray has a label: %s',
    async (platform, count) => {
      const user = userEvent.setup();
      await renderPopover(signedIn({ desktop: desktop() }), view({ platform }));
      await user.click(screen.getByRole('button', { name: 'Settings' }));
      await screen.findByRole('textbox', { name: 'Start or stop the timer' });
      expect(screen.queryAllByRole('checkbox', { name: /next to the menu bar icon/ })).toHaveLength(count);
    },
  );

  it('explains a number it can’t use beside its field, in a sentence, and sends nothing', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(signedIn({ desktop: desktop() }));
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const minutes = await screen.findByRole('spinbutton', { name: 'Ask after (minutes away)' });
    await user.clear(minutes);
    await user.type(minutes, '300{Enter}');
    expect(minutes).toHaveAccessibleDescription('Ask after at most 240 minutes');
    expect(minutes).toHaveAttribute('aria-invalid', 'true');
    expect(minutes).toHaveValue(300); // Left as typed, to fix.
    expect(fake.callsTo('updateSettings')).toEqual([]);
    await user.clear(minutes);
    await user.type(minutes, '30{Enter}');
    expect(minutes).not.toHaveAttribute('aria-invalid');
    expect(fake.callsTo('updateSettings')).toEqual([{ idleThresholdMinutes: 30 }]);
  });

  it('turns questions about time away off and on again with one control, keeping the wait', async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(signedIn({ desktop: desktop() }));
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const ask = await screen.findByRole('checkbox', {
      name: 'Ask what to do with time away from the computer',
    });
    expect(ask).toBeChecked();
    fake.answers.updateSettings = {
      ok: true,
      value: view({ settings: { ...defaultSettings, idleThresholdMinutes: 0 } }),
    };
    await user.click(ask);
    expect(ask).not.toBeChecked();
    expect(screen.queryByRole('spinbutton', { name: 'Ask after (minutes away)' })).not.toBeInTheDocument();
    expect(
      screen.queryByRole('checkbox', { name: 'When Sheaf asks about time away' }),
    ).not.toBeInTheDocument();
    await user.click(ask);
    expect(fake.callsTo('updateSettings')).toEqual([
      { idleThresholdMinutes: 0 },
      { idleThresholdMinutes: 10 },
    ]);
  });

  it('tells the person when their settings file was set aside', async () => {
    const user = userEvent.setup();
    await renderPopover(
      signedIn({ desktop: desktop() }),
      view({ notice: "Your settings file couldn't be read (not valid JSON), so Sheaf set it aside." }),
    );
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    expect(await screen.findByRole('status')).toHaveTextContent('set it aside');
  });

  it("the tray's Settings item opens the view once; later snapshots leave it to the person", async () => {
    const user = userEvent.setup();
    const fake = await renderPopover(signedIn());
    expect(screen.queryByRole('region', { name: 'Settings' })).not.toBeInTheDocument();
    await act(async () => fake.tell({ type: 'openSettings' }));
    expect(await screen.findByRole('region', { name: 'Settings' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '← Back' }));
    await act(async () => fake.push(signedIn({ sync: { ...fake.state.sync, pending: 1 } })));
    expect(screen.queryByRole('region', { name: 'Settings' })).not.toBeInTheDocument();
  });

  it('applies the chosen theme to the page; "system" leaves it to the OS', async () => {
    const fake = await renderPopover(signedIn({ desktop: desktop({ theme: 'dark' }) }));
    expect(document.documentElement.dataset.theme).toBe('dark');
    await act(async () => fake.push(signedIn({ desktop: desktop({ theme: 'system' }) })));
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });
});

describe('acceleratorOf', () => {
  const press = (
    code: string,
    mods: Partial<Record<'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey', boolean>>,
  ) => ({
    code,
    key: '',
    ctrlKey: false,
    altKey: false,
    shiftKey: false,
    metaKey: false,
    ...mods,
  });

  it('turns key presses into Electron accelerators', () => {
    expect(acceleratorOf(press('KeyT', { metaKey: true, shiftKey: true }), true)).toEqual({
      accelerator: 'Command+Shift+T',
    });
    expect(acceleratorOf(press('Digit2', { ctrlKey: true, shiftKey: true }), false)).toEqual({
      accelerator: 'Control+Shift+2',
    });
    expect(acceleratorOf(press('ArrowUp', { altKey: true }), false)).toEqual({ accelerator: 'Alt+Up' });
    expect(acceleratorOf(press('KeyH', { metaKey: true }), false)).toEqual({ accelerator: 'Super+H' });
    expect(acceleratorOf(press('F9', { shiftKey: true }), false)).toEqual({ accelerator: 'Shift+F9' });
    expect(acceleratorOf(press('ShiftLeft', { shiftKey: true }), false)).toEqual({ partial: 'Shift' });
    expect(acceleratorOf(press('KeyA', {}), false)).toHaveProperty('problem');
  });

  it('follows the settings’ own rule: a bare F-key is refused here as it would be there', () => {
    expect(acceleratorOf(press('F5', {}), false)).toHaveProperty('problem');
    expect(Settings.shape.shortcuts.safeParse({ togglePopover: 'F5', toggleTimer: '' }).success).toBe(false);
  });

  it('captures only what the settings accept, for every key it knows', () => {
    const codes = [
      ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('').map((c) => `Key${c}`),
      ...'0123456789'.split('').map((d) => `Digit${d}`),
      ...'0123456789'.split('').map((d) => `Numpad${d}`),
      ...Array.from({ length: 24 }, (_, i) => `F${i + 1}`),
      ...['Space', 'Tab', 'Backspace', 'Delete', 'Insert', 'Enter', 'ArrowUp', 'ArrowDown', 'ArrowLeft'],
      ...['ArrowRight', 'Home', 'End', 'PageUp', 'PageDown', 'Minus', 'Equal', 'BracketLeft', 'BracketRight'],
      ...['Backslash', 'Semicolon', 'Quote', 'Comma', 'Period', 'Slash', 'Backquote'],
    ];
    const combos = [{}, { ctrlKey: true }, { altKey: true, shiftKey: true }, { metaKey: true }];
    for (const code of codes) {
      for (const mods of combos) {
        for (const isMac of [true, false]) {
          const result = acceleratorOf(press(code, mods), isMac);
          const parsed =
            'accelerator' in result ? Accelerator.safeParse(result.accelerator).success : 'refused';
          expect([code, mods, isMac, parsed]).toEqual([
            code,
            mods,
            isMac,
            'accelerator' in result ? true : 'refused',
          ]);
          expect('problem' in result).toBe(Object.keys(mods).length === 0);
        }
      }
    }
  });
});
