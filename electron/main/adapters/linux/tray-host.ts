// Owns noticing that a Linux desktop shows no tray icons (no StatusNotifier host on the bus: stock GNOME, a
// Sway or Hyprland bar without a tray) and saying so once, with the fix for this desktop. Sheaf stays reachable
// meanwhile: launching it again or `sheaf show` opens the popover.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getProperty, hasOwner, type MessageBus, type Target } from './dbus';

/** The StatusNotifierWatcher every tray host registers with (freedesktop StatusNotifierItem spec). */
export const statusNotifierWatcher: Target = {
  destination: 'org.kde.StatusNotifierWatcher',
  path: '/StatusNotifierWatcher',
  interface: 'org.kde.StatusNotifierWatcher',
};

/** Whether some tray host shows StatusNotifier icons now: a watcher runs and a host has registered with it. */
export async function trayHostRegistered(bus: MessageBus): Promise<boolean> {
  if (!(await hasOwner(bus, statusNotifierWatcher.destination))) return false;
  const registered = await getProperty(bus, statusNotifierWatcher, 'IsStatusNotifierHostRegistered').catch(
    () => false,
  );
  return registered === true;
}

const stillReachable = 'Until then, open Sheaf again from the app launcher, or run `sheaf show`.';

/** What to do on this desktop (XDG_CURRENT_DESKTOP, e.g. "ubuntu:GNOME", "sway", "Hyprland"). */
export function noTrayAdvice(env: Record<string, string | undefined>): string {
  const desktops = (env.XDG_CURRENT_DESKTOP ?? '').toLowerCase().split(':');
  const lead = 'Your desktop shows no tray icons, so Sheaf’s icon is hidden.';
  if (desktops.includes('gnome'))
    return `${lead} Install the “AppIndicator and KStatusNotifierItem Support” GNOME extension (extensions.gnome.org/extension/615) and turn it on. ${stillReachable}`;
  if (desktops.some((d) => d === 'sway' || d === 'hyprland'))
    return `${lead} Add a tray to your bar: waybar’s "tray" module, or swaybar’s own tray. ${stillReachable}`;
  return `${lead} Add a system tray (StatusNotifier) to your panel. ${stillReachable}`;
}

export interface TrayHostCheck {
  bus: MessageBus | null;
  env: Record<string, string | undefined>;
  /** Where the note that it was said is kept, so it is said once, not at every start. */
  dataDir: string;
  tell(message: string): void;
}

const saidFile = 'tray-advice-given';

/** Says once that no tray host is there, and how to get one. Resolves with whether it said so now. */
export async function adviseWithoutTrayHost(check: TrayHostCheck): Promise<boolean> {
  // No session bus, or a bus with no desktop on it (a headless run): nothing to ask, nobody to advise.
  const { env } = check;
  const desktop = env.XDG_CURRENT_DESKTOP || env.WAYLAND_DISPLAY || env.DISPLAY;
  if (!check.bus || !desktop || (await trayHostRegistered(check.bus))) return false;
  const marker = join(check.dataDir, saidFile);
  const said = await readFile(marker).then(
    () => true,
    () => false,
  );
  if (said) return false;
  check.tell(noTrayAdvice(check.env));
  await writeFile(marker, `${new Date().toISOString()}\n`).catch(() => {});
  return true;
}
