// Idle, lock and sleep on Linux read over a real D-Bus session bus (a private dbus-daemon per test) from
// stand-ins that follow each service's published interface; tests/fixtures/dbus/idle-services.ts cites where
// each is documented. What isn't on the bus falls back, cleanly, to the next service or to Electron's.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IdleEvent, IdleSource } from '../../electron/main/core/ports';
import {
  openLinuxIdleSource,
  withFallback,
  type LinuxIdleSource,
} from '../../electron/main/adapters/linux/idle';
import { call, quietly, sessionBus } from '../../electron/main/adapters/linux/dbus';
import { openSystemIdle } from '../../electron/main/adapters/linux/system-idle';
import { startPrivateBus, type PrivateBus } from '../fixtures/dbus/private-bus';
import {
  startFreedesktopScreenSaver,
  startGnomeScreenSaver,
  startLogind,
  startMutterIdleMonitor,
} from '../fixtures/dbus/idle-services';

let bus: PrivateBus;
let source: LinuxIdleSource | null = null;

beforeEach(async () => {
  bus = await startPrivateBus();
});
afterEach(async () => {
  source?.close();
  source = null;
  await bus.close();
});

const logindManagerTarget = {
  destination: 'org.freedesktop.login1',
  path: '/org/freedesktop/login1',
  interface: 'org.freedesktop.login1.Manager',
};
const gnomeScreenSaverTarget = {
  destination: 'org.gnome.ScreenSaver',
  path: '/org/gnome/ScreenSaver',
  interface: 'org.gnome.ScreenSaver',
};

/** Opens the adapter on the test bus, logind included (the app reaches it on the system bus). */
async function open(pollMs = 25): Promise<LinuxIdleSource> {
  const connection = bus.connect();
  source = await openLinuxIdleSource({ session: connection, system: connection, pollMs });
  return source;
}

/** The events the source reports, in order. */
function recorded(idle: IdleSource): IdleEvent[] {
  const events: IdleEvent[] = [];
  idle.on((event) => events.push(event));
  return events;
}

describe('idle time', () => {
  it("reads GNOME Mutter's idle monitor, in seconds", async () => {
    await startMutterIdleMonitor(bus.connect(), 37 * 60_000);
    const idle = await open();
    expect(idle.found.idle).toBe('GNOME Mutter IdleMonitor');
    expect(idle.idleSeconds()).toBe(37 * 60);
  });

  it('follows the compositor as it counts: typing brings idle time back to zero', async () => {
    const monitor = await startMutterIdleMonitor(bus.connect(), 90_000);
    const idle = await open();
    const reads = monitor.reads();
    monitor.idleMs = 400;
    await vi.waitFor(() => expect(monitor.reads()).toBeGreaterThan(reads + 1));
    expect(idle.idleSeconds()).toBe(0.4);
  });

  it('says the person is back as soon as idle time drops after a while away', async () => {
    const monitor = await startMutterIdleMonitor(bus.connect(), 5 * 60_000);
    const idle = await open();
    const events = recorded(idle);
    monitor.idleMs = 200;
    await vi.waitFor(() => expect(events).toEqual(['user-active']));
  });

  it("uses the freedesktop ScreenSaver's session idle time where Mutter isn't there (KDE)", async () => {
    const saver = await startFreedesktopScreenSaver(bus.connect());
    saver.idleMs = 12_000;
    const idle = await open();
    expect(idle.found.idle).toBe('freedesktop ScreenSaver');
    expect(idle.idleSeconds()).toBe(12);
  });

  it("skips a ScreenSaver that doesn't count idle time (GNOME's) and leaves idle time to the fallback", async () => {
    await startFreedesktopScreenSaver(bus.connect(), { idleTime: false });
    const idle = await open();
    expect(idle.found.idle).toBeNull();
    const fallback: IdleSource = { idleSeconds: () => 42, on: () => () => {} };
    expect(withFallback(idle, fallback).idleSeconds()).toBe(42);
  });

  it('with nothing on the bus, everything comes from the fallback', async () => {
    const idle = await open();
    expect(idle.found).toEqual({ idle: null, lock: [], sleep: false });
    const events: IdleEvent[] = [];
    let emit: (event: IdleEvent) => void = () => {};
    const fallback: IdleSource = {
      idleSeconds: () => 7,
      on: (listener) => ((emit = listener), () => {}),
    };
    const combined = withFallback(idle, fallback);
    combined.on((event) => events.push(event));
    emit('suspend');
    emit('lock-screen');
    expect(combined.idleSeconds()).toBe(7);
    expect(events).toEqual(['suspend', 'lock-screen']);
  });
});

describe('a bus that is not there', () => {
  const unreachable = 'unix:path=/nonexistent/sheaf-test-bus';

  it('every call after the connection failed says why at once, instead of waiting for an answer', async () => {
    const dead = quietly(() => sessionBus(unreachable))!;
    const daemon = {
      destination: 'org.freedesktop.DBus',
      path: '/org/freedesktop/DBus',
      interface: 'org.freedesktop.DBus',
    };
    await expect(call(dead, daemon, 'GetId')).rejects.toThrow('ENOENT');
    await expect(call(dead, daemon, 'GetId')).rejects.toThrow('ENOENT');
    dead.disconnect();
  });

  it('opening against it leaves everything to the fallback', async () => {
    const idle = await openSystemIdle({ platform: 'linux', fallback: null, sessionAddress: unreachable });
    idle.close();
    expect(idle.source.idleSeconds()).toBe(0);
  });
});

describe('lock and unlock', () => {
  it("reports logind's Lock and Unlock for this session", async () => {
    const logind = await startLogind(bus.connect());
    const idle = await open();
    expect(idle.found.lock).toEqual(['logind']);
    const events = recorded(idle);
    logind.lock();
    await vi.waitFor(() => expect(events).toEqual(['lock-screen']));
    logind.unlock();
    await vi.waitFor(() => expect(events).toEqual(['lock-screen', 'unlock-screen']));
  });

  it('a session already locked when Sheaf starts (LockedHint) is remembered, so its unlock is reported', async () => {
    const logind = await startLogind(bus.connect(), { locked: true });
    const idle = await open();
    const events = recorded(idle);
    logind.unlock();
    await vi.waitFor(() => expect(events).toEqual(['unlock-screen']));
  });

  it("reports GNOME Shell's screensaver shield going up and down", async () => {
    const saver = await startGnomeScreenSaver(bus.connect());
    const idle = await open();
    expect(idle.found.lock).toEqual(['org.gnome.ScreenSaver']);
    const events = recorded(idle);
    saver.setActive(true);
    saver.setActive(false);
    await vi.waitFor(() => expect(events).toEqual(['lock-screen', 'unlock-screen']));
  });

  it('one lock seen by logind and the screensaver both is one lock', async () => {
    const logind = await startLogind(bus.connect());
    const saver = await startGnomeScreenSaver(bus.connect());
    const connection = bus.connect();
    source = await openLinuxIdleSource({ session: connection, system: connection, pollMs: 25 });
    const events = recorded(source);
    // Each service's signals arrive in the order it sent them, but two services' may interleave. A call the
    // service answers after its signal is a barrier: its answer reaches Sheaf's connection after the signal did,
    // so every step below is heard before the next, in this order, on every run.
    const heardFromLogind = () => call(connection, logindManagerTarget, 'GetSession', 's', ['auto']);
    const heardFromSaver = () => call(connection, gnomeScreenSaverTarget, 'GetActive');
    logind.lock();
    await heardFromLogind();
    saver.setActive(true);
    await heardFromSaver();
    expect(events).toEqual(['lock-screen']);
    saver.setActive(false);
    await heardFromSaver();
    logind.unlock();
    await heardFromLogind();
    expect(events).toEqual(['lock-screen', 'unlock-screen']);
  });

  it("a drop in idle time while locked isn't the person coming back (Wayland reports none while locked)", async () => {
    const monitor = await startMutterIdleMonitor(bus.connect(), 10 * 60_000);
    const logind = await startLogind(bus.connect());
    const idle = await open();
    const events = recorded(idle);
    logind.lock();
    await vi.waitFor(() => expect(events).toEqual(['lock-screen']));
    const reads = monitor.reads();
    monitor.idleMs = 0;
    await vi.waitFor(() => expect(monitor.reads()).toBeGreaterThan(reads + 1));
    expect(events).toEqual(['lock-screen']);
  });

  it("Electron's own lock and sleep events are dropped where the bus reports them, so none counts twice", async () => {
    const logind = await startLogind(bus.connect());
    const idle = await open();
    let emit: (event: IdleEvent) => void = () => {};
    const fallback: IdleSource = { idleSeconds: () => 0, on: (l) => ((emit = l), () => {}) };
    const events = recorded(withFallback(idle, fallback));
    emit('suspend');
    emit('lock-screen');
    emit('shutdown');
    logind.sleep();
    logind.wake();
    await vi.waitFor(() => expect(events).toEqual(['shutdown', 'suspend', 'resume']));
  });
});

describe('sleep and wake', () => {
  it("reports logind's PrepareForSleep as sleep, then wake", async () => {
    const logind = await startLogind(bus.connect());
    const idle = await open();
    expect(idle.found.sleep).toBe(true);
    const events = recorded(idle);
    logind.sleep();
    logind.wake();
    await vi.waitFor(() => expect(events).toEqual(['suspend', 'resume']));
  });
});
