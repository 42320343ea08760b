// Whether a Linux desktop shows tray icons, asked of a stand-in StatusNotifierWatcher on a real D-Bus session
// bus (tests/fixtures/dbus/tray-services.ts cites the spec); without a host Sheaf says so once, with the fix.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  adviseWithoutTrayHost,
  noTrayAdvice,
  trayHostRegistered,
} from '../../electron/main/adapters/linux/tray-host';
import { startPrivateBus, type PrivateBus } from '../fixtures/dbus/private-bus';
import { startStatusNotifierWatcher } from '../fixtures/dbus/tray-services';

let bus: PrivateBus;
let dataDir: string;

beforeEach(async () => {
  bus = await startPrivateBus();
  dataDir = await mkdtemp(join(tmpdir(), 'sheaf-tray-'));
});
afterEach(async () => {
  await bus.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('a tray host on the bus', () => {
  it('a watcher with a registered host shows icons', async () => {
    await startStatusNotifierWatcher(bus.connect(), { host: true });
    expect(await trayHostRegistered(bus.connect())).toBe(true);
  });

  it('a watcher no host has registered with shows none', async () => {
    await startStatusNotifierWatcher(bus.connect(), { host: false });
    expect(await trayHostRegistered(bus.connect())).toBe(false);
  });

  it('no watcher at all (stock GNOME) shows none', async () => {
    expect(await trayHostRegistered(bus.connect())).toBe(false);
  });
});

describe('saying so', () => {
  const gnome = { XDG_CURRENT_DESKTOP: 'ubuntu:GNOME' };

  it('without a host, says once what to install, and that Sheaf opens from the launcher meanwhile', async () => {
    const told: string[] = [];
    const check = { bus: bus.connect(), env: gnome, dataDir, tell: (m: string) => told.push(m) };
    expect(await adviseWithoutTrayHost(check)).toBe(true);
    expect(await adviseWithoutTrayHost(check)).toBe(false);
    expect(told).toHaveLength(1);
    expect(told[0]).toContain('AppIndicator and KStatusNotifierItem Support');
    expect(told[0]).toContain('`sheaf show`');
  });

  it('a bus with no desktop on it (a headless run) gets no advice', async () => {
    const told: string[] = [];
    await adviseWithoutTrayHost({ bus: bus.connect(), env: {}, dataDir, tell: (m) => told.push(m) });
    expect(told).toEqual([]);
  });

  it('with a host, says nothing', async () => {
    await startStatusNotifierWatcher(bus.connect(), { host: true });
    const told: string[] = [];
    await adviseWithoutTrayHost({ bus: bus.connect(), env: gnome, dataDir, tell: (m) => told.push(m) });
    expect(told).toEqual([]);
  });

  it.each([
    ['GNOME', 'GNOME', 'GNOME extension'],
    ['Sway', 'sway', 'waybar’s "tray" module'],
    ['Hyprland', 'Hyprland', 'waybar’s "tray" module'],
    ['another desktop', 'XFCE', 'Add a system tray (StatusNotifier) to your panel'],
  ])('on %s the fix named is the one for it', (_, desktop, fix) => {
    expect(noTrayAdvice({ XDG_CURRENT_DESKTOP: desktop })).toContain(fix);
  });
});
