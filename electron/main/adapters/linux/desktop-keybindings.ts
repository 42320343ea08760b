// Owns offering the desktop's own keyboard settings where apps can't hold global shortcuts: on GNOME, custom
// keybindings written with gsettings (gnome-keybindings.ts) that run the `sheaf` command. Both hosts use it.
import { execFile } from 'node:child_process';
import type { DesktopKeybindings } from '../../core/ports';
import { addGnomeKeybindings, type RunCommand } from './gnome-keybindings';

export interface DesktopKeybindingsOptions {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  /** Runs gsettings; by default the real one, found on `env.PATH`. */
  run?: RunCommand;
}

/** A program's stdout, or its own complaint (stderr) when it fails. */
export function runWith(env: Record<string, string | undefined>): RunCommand {
  return (file, args) =>
    new Promise((resolve, reject) =>
      execFile(file, args, { env, timeout: 10_000 }, (err, stdout, stderr) =>
        err ? reject(new Error(String(stderr).trim() || err.message)) : resolve(String(stdout)),
      ),
    );
}

/** GNOME's keyboard settings on a GNOME session (XDG_CURRENT_DESKTOP names it, "ubuntu:GNOME" too); else none. */
export function openDesktopKeybindings(options: DesktopKeybindingsOptions): DesktopKeybindings | undefined {
  const desktops = (options.env.XDG_CURRENT_DESKTOP ?? '').split(':');
  if (options.platform !== 'linux' || !desktops.some((d) => d.toUpperCase() === 'GNOME')) return undefined;
  const run = options.run ?? runWith(options.env);
  return {
    desktop: 'GNOME',
    add: async (shortcuts) =>
      (
        await addGnomeKeybindings(
          run,
          shortcuts.map(({ name, accelerator, run: verb }) => ({
            name,
            accelerator,
            command: `sheaf ${verb}`,
          })),
        )
      ).map(({ name, accelerator, command }) => ({ name, accelerator, command })),
  };
}
