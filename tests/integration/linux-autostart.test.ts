// Launch at login inside a Flatpak goes through the Background portal (a stand-in on a real D-Bus session bus,
// following the interface tests/fixtures/dbus/portal-services.ts cites), since an autostart file written from the
// sandbox lands in its own config folder, where the session never looks.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requestAutostart } from '../../electron/main/adapters/linux/background-portal';
import { createLoginItems } from '../../electron/main/platform/login-items';
import { startPrivateBus, type PrivateBus } from '../fixtures/dbus/private-bus';
import { startBackgroundPortal } from '../fixtures/dbus/portal-services';

let bus: PrivateBus;
beforeEach(async () => {
  bus = await startPrivateBus();
});
afterEach(async () => {
  await bus.close();
});

const neverCalled = { setLoginItemSettings: () => expect.unreachable('not on Linux') };

describe('launch at login in a Flatpak', () => {
  it('asks the Background portal to start Sheaf’s own command at login, and to stop', async () => {
    const portal = await startBackgroundPortal(bus.connect());
    const connection = bus.connect();
    const items = createLoginItems({
      platform: 'linux',
      app: neverCalled,
      env: { FLATPAK_ID: 'app.sheaf.timer', HOME: '/home/dana' },
      home: '/home/dana',
      execPath: '/app/main/sheaf',
      requestAutostart: (on, commandline) => requestAutostart(connection, on, commandline),
    });
    await items.set(true);
    expect(portal.asked).toMatchObject({ autostart: true, commandline: ['/app/main/sheaf'] });
    expect(portal.asked!.reason).toEqual(expect.stringContaining('log in'));
    await items.set(false);
    expect(portal.asked).toMatchObject({ autostart: false });
  });

  it('the person saying no is an error Settings can show, not a silent success', async () => {
    const portal = await startBackgroundPortal(bus.connect());
    portal.allow = false;
    await expect(requestAutostart(bus.connect(), true, ['/app/main/sheaf'])).rejects.toThrow(
      'The desktop did not allow Sheaf to start at login.',
    );
  });

  it('outside a Flatpak the XDG autostart file is written as before, never the portal', async () => {
    let asked = false;
    const items = createLoginItems({
      platform: 'linux',
      app: neverCalled,
      env: { XDG_CONFIG_HOME: '/nonexistent-sheaf-test/config' },
      home: '/nonexistent-sheaf-test',
      execPath: '/opt/Sheaf/sheaf',
      requestAutostart: async () => {
        asked = true;
      },
    });
    // Turning it off only removes the file (there is none), so nothing is written outside the test.
    await items.set(false);
    expect(asked).toBe(false);
  });
});
