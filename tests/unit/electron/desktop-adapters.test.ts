// Tests the desktop adapters against fakes of the Electron APIs they call: global shortcuts (and a conflict
// reported by name in settings), notifications that open the popover, launch at login per OS (the Linux
// autostart file in a temp HOME), powerMonitor idle events, and the tray icons on disk.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDesktop } from '../../../electron/main/core/desktop/desktop';
import { Heartbeat } from '../../../electron/main/core/base/heartbeat';
import { memorySettingsStore, SettingsService } from '../../../electron/main/core/desktop/settings';
import { createPowerMonitorIdleSource } from '../../../electron/main/platform/idle-source';
import { autostartEntry, createLoginItems } from '../../../electron/main/platform/login-items';
import { createNotifier } from '../../../electron/main/platform/notifier';
import { createShortcuts } from '../../../electron/main/platform/shortcuts';
import { trayIconFile } from '../../../electron/main/platform/tray';
import { defaultPrefs } from '../../../shared/state';
import { FakeClock } from '../../fixtures/fake-clock';
import { FakeGlobalShortcut, FakeNotification, FakePowerMonitor } from './fake-electron';

function desktopWith(globalShortcut: FakeGlobalShortcut, extra: { togglePopover?: () => void } = {}) {
  const toggleTimer = vi.fn(async () => {});
  const desktop = createDesktop(
    { shortcuts: createShortcuts(globalShortcut), ...extra },
    {
      clock: new FakeClock(new Date(2026, 10, 25, 10)),
      settings: new SettingsService(memorySettingsStore()),
      timer: () => null,
      prefs: () => defaultPrefs,
      toggleTimer,
      onChange: () => {},
      tellPopover: () => {},
      heartbeat: new Heartbeat(),
    },
  );
  return { desktop, toggleTimer };
}

describe("the tray's Settings item", () => {
  it('tells the popover to open its settings view, once per click, and shows the popover', () => {
    const told: unknown[] = [];
    const showPopover = vi.fn();
    const desktop = createDesktop(
      { showPopover },
      {
        clock: new FakeClock(new Date(2026, 10, 25, 10)),
        settings: new SettingsService(memorySettingsStore()),
        timer: () => null,
        prefs: () => defaultPrefs,
        toggleTimer: async () => {},
        onChange: () => {},
        tellPopover: (event) => told.push(event),
        heartbeat: new Heartbeat(),
      },
    );
    desktop.requestSettings();
    desktop.requestSettings();
    expect(told).toEqual([{ type: 'openSettings' }, { type: 'openSettings' }]);
    expect(showPopover).toHaveBeenCalledTimes(2);
    // An event, not state: nothing of it is left in the snapshot's part for a later snapshot to replay.
    expect(Object.keys(desktop.state()).sort()).toEqual([
      'focusEnabled',
      'hoursLead',
      'idleQuestion',
      'theme',
      'trayTitle',
    ]);
    desktop.dispose();
  });
});

describe('global shortcuts', () => {
  it('registers both defaults on start, runs them when pressed, and releases them on dispose', async () => {
    const keys = new FakeGlobalShortcut();
    const togglePopover = vi.fn();
    const { desktop, toggleTimer } = desktopWith(keys, { togglePopover });
    desktop.start();
    expect([...keys.registered.keys()]).toEqual(['CommandOrControl+Shift+H', 'CommandOrControl+Shift+T']);
    keys.press('CommandOrControl+Shift+H');
    keys.press('CommandOrControl+Shift+T');
    expect(togglePopover).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(toggleTimer).toHaveBeenCalledTimes(1));
    expect(desktop.controls.getSettings().shortcuts.toggleTimer).toEqual({ state: 'ok', message: null });
    desktop.dispose();
    expect(keys.registered.size).toBe(0);
  });

  it('a shortcut another app holds is reported in settings by name; a new one is registered instead', async () => {
    const keys = new FakeGlobalShortcut();
    keys.heldElsewhere.add('CommandOrControl+Shift+T');
    const { desktop } = desktopWith(keys);
    desktop.start();
    expect(desktop.controls.getSettings().shortcuts.toggleTimer).toEqual({
      state: 'taken',
      message: 'CommandOrControl+Shift+T is already used by another app. Press a different shortcut.',
    });
    const view = await desktop.controls.updateSettings({ shortcuts: { toggleTimer: 'Alt+Shift+T' } });
    expect(view.shortcuts.toggleTimer.state).toBe('ok');
    expect([...keys.registered.keys()].sort()).toEqual(['Alt+Shift+T', 'CommandOrControl+Shift+H']);
    // Clearing a shortcut turns it off and frees the keys.
    const cleared = await desktop.controls.updateSettings({ shortcuts: { togglePopover: '' } });
    expect(cleared.shortcuts.togglePopover.state).toBe('off');
    expect([...keys.registered.keys()]).toEqual(['Alt+Shift+T']);
    desktop.dispose();
  });

  it('an accelerator the system refuses is reported, not thrown', () => {
    const shortcuts = createShortcuts(new FakeGlobalShortcut());
    expect(shortcuts.register('Shift+', () => {})).toBe('invalid');
  });
});

describe('notifications', () => {
  beforeEach(() => {
    FakeNotification.shown = [];
    FakeNotification.supported = true;
  });

  it('shows title and body; clicking opens the popover; only the idle question makes a sound', () => {
    const notifier = createNotifier(FakeNotification);
    const open = vi.fn();
    notifier.show('idle', 'You were away since 10:42 (37 min)', 'Website — Design kept running.', open);
    notifier.show('shortcut', 'Timer started', 'Website — Design', open);
    expect(FakeNotification.shown.map((n) => n.options)).toEqual([
      { title: 'You were away since 10:42 (37 min)', body: 'Website — Design kept running.', silent: false },
      { title: 'Timer started', body: 'Website — Design', silent: true },
    ]);
    FakeNotification.shown[0]!.emit('click');
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('shows no control or bidi character raw, whatever a link or Harvest put in the text', () => {
    createNotifier(FakeNotification).show(
      'shortcut',
      'Started Web\u001b]0;x\u0007site',
      'Nothing matches "acme\u202eemca\u009b".\nOpen Sheaf.',
    );
    expect(FakeNotification.shown.map((n) => n.options)).toEqual([
      {
        title: 'Started Web\\u001B]0;x\\u0007site',
        body: 'Nothing matches "acme\\u202Eemca\\u009B".\nOpen Sheaf.',
        silent: true,
      },
    ]);
  });

  it('stays quiet where the system has no notifications', () => {
    FakeNotification.supported = false;
    createNotifier(FakeNotification).show('noTimer', 'No timer running', '');
    expect(FakeNotification.shown).toEqual([]);
  });

  it('each kind can be turned off in settings', async () => {
    const notifier = createNotifier(FakeNotification);
    const desktop = createDesktop(
      { notifier },
      {
        clock: new FakeClock(new Date(2026, 10, 25, 10)), // A Wednesday in working hours.
        settings: new SettingsService(memorySettingsStore()),
        timer: () => ({ running: () => null }) as never,
        prefs: () => defaultPrefs,
        toggleTimer: async () => {},
        onChange: () => {},
        tellPopover: () => {},
        heartbeat: new Heartbeat(),
      },
    );
    await desktop.controls.updateSettings({ notifications: { noTimer: false } });
    desktop.check();
    expect(FakeNotification.shown).toEqual([]);
    await desktop.controls.updateSettings({ notifications: { noTimer: true } });
    desktop.check();
    expect(FakeNotification.shown.map((n) => n.options.title)).toEqual(['No timer running']);
    desktop.dispose();
  });
});

/** Electron's app, as far as launch at login goes. */
const loginApp = () =>
  ({ setLoginItemSettings: vi.fn<App['setLoginItemSettings']>() }) satisfies Pick<
    App,
    'setLoginItemSettings'
  >;

describe('launch at login', () => {
  let home: string;
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'sheaf-home-'));
  });
  afterEach(() => rmSync(home, { recursive: true, force: true }));

  it.each(['darwin', 'win32'] as const)('%s: app.setLoginItemSettings', async (platform) => {
    const app = loginApp();
    const items = createLoginItems({ platform, app, env: {}, home, execPath: '/x/Sheaf' });
    expect(items.supported).toBe(true);
    await items.set(true);
    await items.set(false);
    expect(app.setLoginItemSettings.mock.calls).toEqual([[{ openAtLogin: true }], [{ openAtLogin: false }]]);
  });

  it('linux: writes and removes an XDG autostart entry (never calls Electron)', async () => {
    const app = loginApp();
    const items = createLoginItems({
      platform: 'linux',
      app,
      env: {},
      home,
      execPath: '/opt/Sheaf/sheaf',
    });
    const file = join(home, '.config', 'autostart', 'sheaf.desktop');
    await items.set(true);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('[Desktop Entry]');
    expect(text).toContain('Type=Application');
    expect(text).toContain('Exec="/opt/Sheaf/sheaf"');
    await items.set(false);
    expect(existsSync(file)).toBe(false);
    await items.set(false); // Already gone: fine.
    expect(app.setLoginItemSettings).not.toHaveBeenCalled();
  });

  it('linux: follows XDG_CONFIG_HOME and starts the AppImage when run from one', async () => {
    const config = join(home, 'cfg');
    const items = createLoginItems({
      platform: 'linux',
      app: loginApp(),
      env: { XDG_CONFIG_HOME: config, APPIMAGE: '/home/ada/Apps/Sheaf "beta".AppImage' },
      home,
      execPath: '/tmp/.mount_x/sheaf',
    });
    await items.set(true);
    expect(readFileSync(join(config, 'autostart', 'sheaf.desktop'), 'utf8')).toContain(
      'Exec="/home/ada/Apps/Sheaf \\"beta\\".AppImage"',
    );
    expect(autostartEntry('/a$b')).toContain('Exec="/a\\$b"');
  });

  it('other systems: not supported, and settings say so', async () => {
    const items = createLoginItems({
      platform: 'freebsd',
      app: loginApp(),
      env: {},
      home,
      execPath: '/x',
    });
    expect(items.supported).toBe(false);
    const { desktop } = desktopWith(new FakeGlobalShortcut());
    expect(desktop.controls.getSettings().launchAtLogin).toEqual({
      supported: false,
      message: 'Launch at login is set by the desktop app; this preview only keeps the setting.',
    });
  });

  it('turning it on in settings reaches the OS', async () => {
    const app = loginApp();
    const desktop = createDesktop(
      {
        loginItems: createLoginItems({ platform: 'darwin', app, env: {}, home, execPath: '/x' }),
      },
      {
        clock: new FakeClock(new Date()),
        settings: new SettingsService(memorySettingsStore()),
        timer: () => null,
        prefs: () => defaultPrefs,
        toggleTimer: async () => {},
        onChange: () => {},
        tellPopover: () => {},
        heartbeat: new Heartbeat(),
      },
    );
    await desktop.controls.updateSettings({ launchAtLogin: true });
    expect(app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true });
  });
});

describe('powerMonitor idle source', () => {
  it('reads system idle time and forwards sleep, wake, lock, unlock and activity until unsubscribed', () => {
    const pm = new FakePowerMonitor();
    const source = createPowerMonitorIdleSource(pm);
    pm.idleSeconds = 125;
    expect(source.idleSeconds()).toBe(125);
    const seen: string[] = [];
    const off = source.on((e) => seen.push(e));
    for (const name of ['suspend', 'resume', 'lock-screen', 'unlock-screen', 'user-did-become-active']) {
      pm.emit(name);
    }
    off();
    pm.emit('suspend');
    expect(seen).toEqual(['suspend', 'resume', 'lock-screen', 'unlock-screen', 'user-active']);
    expect(pm.eventNames()).toEqual([]);
  });
});

describe('tray icons', () => {
  const size = (file: string) => {
    const png = readFileSync(join('resources', file));
    return [png.readUInt32BE(16), png.readUInt32BE(20)];
  };

  it('idle and running differ, at 1x and 2x, with template variants for macOS', () => {
    for (const running of [false, true]) {
      for (const platform of ['darwin', 'linux'] as const) {
        const file = trayIconFile(platform, running);
        expect(size(file)).toEqual([16, 16]);
        expect(size(file.replace('.png', '@2x.png'))).toEqual([32, 32]);
      }
    }
    expect(readFileSync('resources/tray.png')).not.toEqual(readFileSync('resources/trayRunning.png'));
    expect(readFileSync('resources/trayTemplate.png')).not.toEqual(
      readFileSync('resources/trayRunningTemplate.png'),
    );
  });
});
