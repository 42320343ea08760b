// Owns choosing how global shortcuts reach Sheaf at run time: on a Wayland session the GlobalShortcuts portal
// where one answers (X11 key grabs don't reach Wayland windows), on X11 and elsewhere Electron's globalShortcut.
// With neither, registering says "unsupported" and Settings can offer GNOME's own keybindings instead.
import type { Shortcuts } from '../../core/ports';
import { quietly, sessionBus, type MessageBus } from './dbus';
import { openPortalShortcuts, type BindOutcome } from './portal-shortcuts';

export type ShortcutsVia = 'portal' | 'globalShortcut' | 'none';

export interface ChooseShortcutsOptions {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  /** Electron's globalShortcut behind the port (platform/shortcuts.ts). */
  globalShortcut: Shortcuts;
  /** The session bus; by default the one DBUS_SESSION_BUS_ADDRESS names. */
  bus?: MessageBus | null;
  onBound?(outcome: BindOutcome): void;
  log?(line: string): void;
}

/** A Wayland session (the X11 session type, or none, leaves Electron's key grabs working). */
export function isWaylandSession(env: Record<string, string | undefined>): boolean {
  return env.XDG_SESSION_TYPE === 'wayland' || (!env.XDG_SESSION_TYPE && !!env.WAYLAND_DISPLAY);
}

const unsupported: Shortcuts = { register: () => 'unsupported', unregisterAll: () => {} };

export async function chooseShortcuts(
  options: ChooseShortcutsOptions,
): Promise<{ shortcuts: Shortcuts; via: ShortcutsVia }> {
  if (options.platform !== 'linux' || !isWaylandSession(options.env))
    return { shortcuts: options.globalShortcut, via: 'globalShortcut' };
  const bus =
    options.bus !== undefined ? options.bus : quietly(() => sessionBus(options.env.DBUS_SESSION_BUS_ADDRESS));
  const portal = bus ? await openPortalShortcuts({ bus, onBound: options.onBound, log: options.log }) : null;
  options.log?.(
    portal
      ? 'shortcuts: through the GlobalShortcuts portal'
      : 'shortcuts: no GlobalShortcuts portal on this Wayland session; GNOME keybindings can be added from Settings',
  );
  return portal ? { shortcuts: portal, via: 'portal' } : { shortcuts: unsupported, via: 'none' };
}
