// Owns launch at login inside a Flatpak: there an autostart file Sheaf writes lands in its own sandboxed config
// folder, which the session never reads, so it asks the Background portal to start Sheaf at login instead.
// Interface: flatpak.github.io/xdg-desktop-portal/docs/doc-org.freedesktop.portal.Background.html
import { Variant } from '@particle/dbus-next';
import { quietly, sessionBus, type MessageBus, type Target } from './dbus';
import { portalRequest } from './portal-request';

export const backgroundPortal: Target = {
  destination: 'org.freedesktop.portal.Desktop',
  path: '/org/freedesktop/portal/desktop',
  interface: 'org.freedesktop.portal.Background',
};

/**
 * Turns starting at login on or off through RequestBackground; rejects, saying why, when the person or the
 * desktop says no (the setting then stays as it was, and Settings shows the message).
 */
export async function requestAutostart(bus: MessageBus, openAtLogin: boolean, commandline: string[]) {
  const response = await portalRequest(bus, backgroundPortal, 'RequestBackground', 'sa{sv}', (token) => [
    '',
    {
      handle_token: new Variant('s', token),
      reason: new Variant('s', 'Start Sheaf when you log in, so your Harvest timer is one click away.'),
      autostart: new Variant('b', openAtLogin),
      commandline: new Variant('as', commandline),
    },
  ]);
  if (response.code !== 0) throw new Error('The desktop did not allow Sheaf to start at login.');
  if (openAtLogin && response.results.autostart?.value !== true)
    throw new Error('The desktop did not turn on starting Sheaf at login.');
}

/** The same, on the session's bus, connected for the one request (turning the setting on or off is rare). */
export async function requestAutostartOnSessionBus(openAtLogin: boolean, commandline: string[]) {
  const bus = quietly(() => sessionBus());
  if (!bus) throw new Error('There is no desktop session bus to ask for starting Sheaf at login.');
  try {
    await requestAutostart(bus, openAtLogin, commandline);
  } finally {
    bus.disconnect();
  }
}
