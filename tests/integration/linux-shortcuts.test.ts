// Global shortcuts on Wayland through the GlobalShortcuts portal, against a stand-in portal on a real D-Bus
// session bus (tests/fixtures/dbus/portal-services.ts cites the interface): binding, activation, the person
// cancelling or picking other keys, and no portal at all.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  bindingProblem,
  openPortalShortcuts,
  type BindOutcome,
  type PortalShortcuts,
} from '../../electron/main/adapters/linux/portal-shortcuts';
import { chooseShortcuts } from '../../electron/main/adapters/linux/choose-shortcuts';
import { GlobalShortcuts } from '../../electron/main/core/desktop/global-shortcuts';
import { defaultSettings } from '../../shared/settings';
import { gtkAccelerator, readAccelerator, xdgTrigger } from '../../electron/main/adapters/linux/accelerator';
import { startPrivateBus, type PrivateBus } from '../fixtures/dbus/private-bus';
import { startShortcutsPortal } from '../fixtures/dbus/portal-services';
import { serve } from '../fixtures/dbus/stand-in';

let bus: PrivateBus;
let shortcuts: PortalShortcuts | null = null;
const outcomes: BindOutcome[] = [];

beforeEach(async () => {
  bus = await startPrivateBus();
  outcomes.length = 0;
});
afterEach(async () => {
  shortcuts?.close();
  shortcuts = null;
  await bus.close();
});

async function open(): Promise<PortalShortcuts | null> {
  shortcuts = await openPortalShortcuts({ bus: bus.connect(), onBound: (o) => outcomes.push(o) });
  return shortcuts;
}

describe('the GlobalShortcuts portal', () => {
  it('binds both shortcuts in one request, with the keys asked for as the preferred triggers', async () => {
    const portal = await startShortcutsPortal(bus.connect());
    const s = (await open())!;
    s.unregisterAll();
    expect(s.register('CommandOrControl+Shift+H', () => {})).toBe('ok');
    expect(s.register('CommandOrControl+Shift+T', () => {})).toBe('ok');
    await s.settled();
    expect(portal.asked()).toEqual({
      'CommandOrControl+Shift+H': 'CTRL+SHIFT+h',
      'CommandOrControl+Shift+T': 'CTRL+SHIFT+t',
    });
    expect(outcomes).toEqual([
      {
        bound: [
          { accelerator: 'CommandOrControl+Shift+H', trigger: 'CTRL+SHIFT+h' },
          { accelerator: 'CommandOrControl+Shift+T', trigger: 'CTRL+SHIFT+t' },
        ],
      },
    ]);
  });

  it('a key pressed runs its shortcut', async () => {
    const portal = await startShortcutsPortal(bus.connect());
    const s = (await open())!;
    const toggled = vi.fn();
    const shown = vi.fn();
    s.register('CommandOrControl+Shift+T', toggled);
    s.register('CommandOrControl+Shift+H', shown);
    await s.settled();
    portal.press('CommandOrControl+Shift+T');
    await vi.waitFor(() => expect(toggled).toHaveBeenCalledTimes(1));
    expect(shown).not.toHaveBeenCalled();
  });

  it('keys the person picked instead are what Settings is told', async () => {
    const portal = await startShortcutsPortal(bus.connect());
    portal.answer = { triggers: { 'CommandOrControl+Shift+T': 'Super+T' } };
    const s = (await open())!;
    s.register('CommandOrControl+Shift+T', () => {});
    await s.settled();
    expect(outcomes).toEqual([{ bound: [{ accelerator: 'CommandOrControl+Shift+T', trigger: 'Super+T' }] }]);
  });

  it('shortcuts the person left without keys are said; a bind as asked is silent', async () => {
    const portal = await startShortcutsPortal(bus.connect());
    portal.answer = { triggers: { 'Alt+F5': '' } };
    const s = (await open())!;
    s.register('Alt+F5', () => {});
    s.register('Alt+F6', () => {});
    await s.settled();
    expect(outcomes.map(bindingProblem)).toEqual([
      'Your desktop has no keys for Sheaf’s Alt+F5 shortcut yet: give it keys in its keyboard settings.',
    ]);
    expect(bindingProblem({ bound: [{ accelerator: 'Alt+F6', trigger: 'Alt+F6' }] })).toBeNull();
  });

  it('a cancelled dialog is said, not taken for success', async () => {
    const portal = await startShortcutsPortal(bus.connect());
    portal.answer = { cancel: true };
    const s = (await open())!;
    s.register('CommandOrControl+Shift+T', () => {});
    await s.settled();
    expect(outcomes).toEqual([
      { refused: 'Sheaf’s shortcuts were not added: the desktop’s dialog was cancelled.' },
    ]);
  });

  it('changing the shortcuts closes the old session and binds the new keys in a fresh one', async () => {
    const portal = await startShortcutsPortal(bus.connect());
    const s = (await open())!;
    s.register('CommandOrControl+Shift+T', () => {});
    await s.settled();
    s.unregisterAll();
    s.register('Alt+F5', () => {});
    await s.settled();
    expect(portal.closed).toHaveLength(1);
    expect(portal.asked()).toEqual({ 'Alt+F5': 'ALT+F5' });
  });

  it('an accelerator no desktop can read is refused at once', async () => {
    await startShortcutsPortal(bus.connect());
    const s = (await open())!;
    expect(s.register('Shift+', () => {})).toBe('invalid');
    expect(s.register('Hyper+T', () => {})).toBe('invalid');
  });
});

describe('what Settings says of shortcuts the portal binds', () => {
  const actions = { togglePopover: () => {}, toggleTimer: () => {} };

  it('the desktop lists each shortcut by what it does, and Settings shows the keys it bound', async () => {
    const portal = await startShortcutsPortal(bus.connect());
    portal.answer.triggers = { 'CommandOrControl+Shift+T': 'Ctrl+Alt+T' };
    const s = (await open())!;
    const settingsChanged = vi.fn();
    const held = new GlobalShortcuts(s, actions, undefined, undefined, settingsChanged);
    held.apply(defaultSettings);
    // Until the desktop answers, the person may have its dialog to confirm.
    expect(held.view().toggleTimer).toEqual({
      state: 'ok',
      message: 'Your desktop may ask you to confirm these keys.',
    });
    await s.settled();
    expect(portal.described()).toEqual({
      'CommandOrControl+Shift+H': 'Show or hide Sheaf',
      'CommandOrControl+Shift+T': 'Start or stop the timer',
    });
    expect(held.view()).toEqual({
      togglePopover: { state: 'ok', message: 'Your desktop runs this on CTRL+SHIFT+h.' },
      toggleTimer: { state: 'ok', message: 'Your desktop runs this on Ctrl+Alt+T.' },
    });
    // An open Settings is told to read it again.
    expect(settingsChanged).toHaveBeenCalledTimes(1);
    held.dispose();
  });

  it('a cancelled dialog leaves both shortcuts unheld, saying why', async () => {
    const portal = await startShortcutsPortal(bus.connect());
    portal.answer.cancel = true;
    const s = (await open())!;
    const held = new GlobalShortcuts(s, actions);
    held.apply(defaultSettings);
    await s.settled();
    expect(held.view().togglePopover).toEqual({
      state: 'unsupported',
      message: 'Sheaf’s shortcuts were not added: the desktop’s dialog was cancelled.',
    });
    held.dispose();
  });
});

describe('without the portal', () => {
  it('no portal on the bus: none is used (X11 keeps globalShortcut, GNOME is offered a keybinding)', async () => {
    expect(await open()).toBeNull();
  });

  it('a portal with no GlobalShortcuts backend counts as none', async () => {
    await serve(bus.connect(), 'org.freedesktop.portal.Desktop', ['/org/freedesktop/portal/desktop'], {});
    expect(await open()).toBeNull();
  });
});

describe('accelerators in the desktops’ spellings', () => {
  it.each([
    ['CommandOrControl+Shift+T', 'CTRL+SHIFT+t', '<Control><Shift>t'],
    ['Alt+Super+Space', 'ALT+LOGO+space', '<Alt><Super>space'],
    ['Shift+Control+F12', 'CTRL+SHIFT+F12', '<Control><Shift>F12'],
    ['CmdOrCtrl+Enter', 'CTRL+Return', '<Control>Return'],
    // Keys Settings captures by their physical place: brackets, the backslash, the keypad.
    ['Control+[', 'CTRL+bracketleft', '<Control>bracketleft'],
    ['Alt+\\', 'ALT+backslash', '<Alt>backslash'],
    ['Control+Alt+num5', 'CTRL+ALT+KP_5', '<Control><Alt>KP_5'],
  ])('%s is %s for the portal and %s for GNOME', (accelerator, xdg, gtk) => {
    const combo = readAccelerator(accelerator)!;
    expect(xdgTrigger(combo)).toBe(xdg);
    expect(gtkAccelerator(combo)).toBe(gtk);
  });

  it('a key alone is no global shortcut', () => {
    expect(readAccelerator('T')).toBeNull();
  });
});

describe('which way shortcuts go', () => {
  const electron = { register: () => 'ok' as const, unregisterAll: () => {} };
  const wayland = { XDG_SESSION_TYPE: 'wayland', WAYLAND_DISPLAY: 'wayland-0' };
  const choose = (platform: NodeJS.Platform, env: Record<string, string>) =>
    chooseShortcuts({ platform, env, globalShortcut: electron, bus: bus.connect() });

  it('a Wayland session with the portal goes through the portal', async () => {
    await startShortcutsPortal(bus.connect());
    const chosen = await choose('linux', wayland);
    expect(chosen.via).toBe('portal');
    (chosen.shortcuts as PortalShortcuts).close();
  });

  it('a Wayland session without one says unsupported, so Settings can offer GNOME keybindings', async () => {
    const chosen = await choose('linux', wayland);
    expect(chosen.via).toBe('none');
    expect(chosen.shortcuts.register('CommandOrControl+Shift+T', () => {})).toBe('unsupported');
  });

  it.each([
    ['an X11 session', 'linux', { XDG_SESSION_TYPE: 'x11', DISPLAY: ':0' }],
    ['macOS', 'darwin', {}],
  ] as const)('%s keeps Electron’s globalShortcut', async (_, platform, env) => {
    await startShortcutsPortal(bus.connect());
    expect(await choose(platform, env)).toEqual({ shortcuts: electron, via: 'globalShortcut' });
  });
});
