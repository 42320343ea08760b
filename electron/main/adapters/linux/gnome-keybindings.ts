// Owns adding Sheaf's shortcuts to GNOME's own keyboard settings where no GlobalShortcuts portal answers: a
// custom keybinding per shortcut, written with gsettings, running `sheaf toggle` or `sheaf show`, and an
// account of what was added for Settings to show. GNOME then owns the keys, Wayland or not.
import { gtkAccelerator, readAccelerator } from './accelerator';

/** Runs a program and resolves with its stdout (rejects when it fails); child_process in the app, a fake in tests. */
export type RunCommand = (file: string, args: string[]) => Promise<string>;

export interface DesktopShortcut {
  /** What the person sees in GNOME's Keyboard Shortcuts list. */
  name: string;
  /** What it runs: `sheaf toggle`, `sheaf show`. */
  command: string;
  /** Electron's spelling, as Settings holds it. */
  accelerator: string;
}

/** One keybinding as written: where in dconf, and the keys in GNOME's spelling. */
export interface AddedKeybinding extends DesktopShortcut {
  path: string;
  binding: string;
}

const schema = 'org.gnome.settings-daemon.plugins.media-keys';
const folder = '/org/gnome/settings-daemon/plugins/media-keys/custom-keybindings';

/** A GVariant string, single-quoted as gsettings prints and reads them. */
const quoted = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** The paths in gsettings' printing of an `as` value ("@as []" or "['/a/', '/b/']"). */
export function readPathList(printed: string): string[] {
  return [...printed.matchAll(/'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]!.replace(/\\(.)/g, '$1'));
}

/**
 * Writes each shortcut as a GNOME custom keybinding and adds it to the list GNOME reads, keeping the person's
 * own; running it again rewrites Sheaf's entries in place rather than adding copies. An accelerator GTK can't
 * spell is refused before anything is written.
 */
export async function addGnomeKeybindings(
  run: RunCommand,
  shortcuts: DesktopShortcut[],
): Promise<AddedKeybinding[]> {
  const added = shortcuts.map((shortcut) => {
    const combo = readAccelerator(shortcut.accelerator);
    if (!combo) throw new Error(`${shortcut.accelerator} isn't a shortcut GNOME can bind.`);
    const slug = shortcut.command
      .split(/\s+/)
      .pop()!
      .replace(/[^a-z0-9]/gi, '');
    return { ...shortcut, path: `${folder}/sheaf-${slug}/`, binding: gtkAccelerator(combo) };
  });
  const existing = readPathList(await run('gsettings', ['get', schema, 'custom-keybindings']));
  for (const keybinding of added) {
    const at = `${schema}.custom-keybinding:${keybinding.path}`;
    await run('gsettings', ['set', at, 'name', quoted(keybinding.name)]);
    await run('gsettings', ['set', at, 'command', quoted(keybinding.command)]);
    await run('gsettings', ['set', at, 'binding', quoted(keybinding.binding)]);
  }
  const paths = [...existing, ...added.map((k) => k.path).filter((p) => !existing.includes(p))];
  await run('gsettings', ['set', schema, 'custom-keybindings', `[${paths.map(quoted).join(', ')}]`]);
  return added;
}
