// Owns launch at login: app.setLoginItemSettings on macOS and Windows; an XDG autostart entry
// (~/.config/autostart/sheaf.desktop) on Linux, where Electron has no login-item API.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { App } from 'electron';
import type { LoginItems } from '../core/ports';

/** The slice of Electron's app the adapter uses. */
export type LoginItemApp = Pick<App, 'setLoginItemSettings'>;

export interface LoginItemsOptions {
  platform: NodeJS.Platform;
  app: LoginItemApp;
  env: Record<string, string | undefined>;
  home: string;
  /** The program to start: the AppImage when run from one, else the Electron executable. */
  execPath: string;
  /**
   * Inside a Flatpak (FLATPAK_ID set): asks the Background portal to start this command at login, since an
   * autostart file written from the sandbox lands where the session never looks (adapters/linux).
   */
  requestAutostart?(openAtLogin: boolean, commandline: string[]): Promise<void>;
}

export function autostartFile(env: Record<string, string | undefined>, home: string): string {
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'autostart', 'sheaf.desktop');
}

/** Desktop Entry Exec quoting: wrap in quotes and escape the characters the spec reserves inside them. */
function quoteExec(path: string): string {
  return `"${path.replace(/[\\"`$]/g, (c) => `\\${c}`)}"`;
}

export function autostartEntry(execPath: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Sheaf',
    'Comment=Harvest timer in the tray',
    `Exec=${quoteExec(execPath)}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export function createLoginItems(o: LoginItemsOptions): LoginItems {
  if (o.platform === 'darwin' || o.platform === 'win32') {
    return {
      supported: true,
      set: async (openAtLogin) => o.app.setLoginItemSettings({ openAtLogin }),
    };
  }
  if (o.platform === 'linux' && o.env.FLATPAK_ID && o.requestAutostart) {
    const request = o.requestAutostart;
    // The portal writes the autostart entry itself, running the sandboxed app's own command.
    return { supported: true, set: (openAtLogin) => request(openAtLogin, [o.execPath]) };
  }
  if (o.platform === 'linux') {
    const file = autostartFile(o.env, o.home);
    const execPath = o.env.APPIMAGE || o.execPath;
    return {
      supported: true,
      async set(openAtLogin) {
        if (!openAtLogin) {
          await rm(file, { force: true });
          return;
        }
        await mkdir(join(file, '..'), { recursive: true });
        await writeFile(file, autostartEntry(execPath));
      },
    };
  }
  return { supported: false, set: async () => {} };
}
