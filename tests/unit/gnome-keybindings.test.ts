// Adding Sheaf's shortcuts to GNOME's keyboard settings where no portal answers: the gsettings command lines it
// runs, against a stand-in gsettings that keeps values in memory the way dconf would.
import { describe, expect, it } from 'vitest';
import {
  addGnomeKeybindings,
  readPathList,
  type RunCommand,
} from '../../electron/main/adapters/linux/gnome-keybindings';

/** gsettings over a map: `get` prints a value, `set` stores one; every command line is kept. */
function fakeGsettings(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  const lines: string[] = [];
  const run: RunCommand = async (file, args) => {
    lines.push([file, ...args].join(' '));
    const [verb, schema, key, value] = args;
    if (verb === 'get') return `${values.get(`${schema} ${key}`) ?? '@as []'}\n`;
    values.set(`${schema} ${key}`, value!);
    return '';
  };
  return { run, lines, values };
}

const shortcuts = [
  {
    name: 'Sheaf: start or stop the timer',
    command: 'sheaf toggle',
    accelerator: 'CommandOrControl+Shift+T',
  },
  { name: 'Sheaf: show Sheaf', command: 'sheaf show', accelerator: 'CommandOrControl+Shift+H' },
];

const mediaKeys = 'org.gnome.settings-daemon.plugins.media-keys';
const folder = '/org/gnome/settings-daemon/plugins/media-keys/custom-keybindings';

describe('a GNOME custom keybinding for each shortcut', () => {
  it('writes the name, the command and the keys, then adds both to the list GNOME reads', async () => {
    const gsettings = fakeGsettings();
    const added = await addGnomeKeybindings(gsettings.run, shortcuts);
    expect(gsettings.lines).toEqual([
      `gsettings get ${mediaKeys} custom-keybindings`,
      `gsettings set ${mediaKeys}.custom-keybinding:${folder}/sheaf-toggle/ name 'Sheaf: start or stop the timer'`,
      `gsettings set ${mediaKeys}.custom-keybinding:${folder}/sheaf-toggle/ command 'sheaf toggle'`,
      `gsettings set ${mediaKeys}.custom-keybinding:${folder}/sheaf-toggle/ binding '<Control><Shift>t'`,
      `gsettings set ${mediaKeys}.custom-keybinding:${folder}/sheaf-show/ name 'Sheaf: show Sheaf'`,
      `gsettings set ${mediaKeys}.custom-keybinding:${folder}/sheaf-show/ command 'sheaf show'`,
      `gsettings set ${mediaKeys}.custom-keybinding:${folder}/sheaf-show/ binding '<Control><Shift>h'`,
      `gsettings set ${mediaKeys} custom-keybindings ['${folder}/sheaf-toggle/', '${folder}/sheaf-show/']`,
    ]);
    // What Settings shows the person: the keys in GNOME's words and what each runs.
    expect(added.map(({ binding, command }) => [binding, command])).toEqual([
      ['<Control><Shift>t', 'sheaf toggle'],
      ['<Control><Shift>h', 'sheaf show'],
    ]);
  });

  it("keeps the person's own keybindings, and adding again doesn't list Sheaf's twice", async () => {
    const own = `${folder}/custom0/`;
    const gsettings = fakeGsettings({ [`${mediaKeys} custom-keybindings`]: `['${own}']` });
    await addGnomeKeybindings(gsettings.run, shortcuts);
    await addGnomeKeybindings(gsettings.run, shortcuts);
    expect(readPathList(gsettings.values.get(`${mediaKeys} custom-keybindings`)!)).toEqual([
      own,
      `${folder}/sheaf-toggle/`,
      `${folder}/sheaf-show/`,
    ]);
  });

  it('a command with a quote in its path is written quoted, not cut short', async () => {
    const gsettings = fakeGsettings();
    await addGnomeKeybindings(gsettings.run, [
      { name: 'Sheaf', command: "/home/o'brien/Sheaf.AppImage toggle", accelerator: 'Alt+F5' },
    ]);
    expect(gsettings.lines[2]).toBe(
      `gsettings set ${mediaKeys}.custom-keybinding:${folder}/sheaf-toggle/ command '/home/o\\'brien/Sheaf.AppImage toggle'`,
    );
  });

  it('refuses keys GNOME cannot spell before writing anything', async () => {
    const gsettings = fakeGsettings();
    await expect(
      addGnomeKeybindings(gsettings.run, [{ name: 'x', command: 'sheaf show', accelerator: 'Hyper+Q' }]),
    ).rejects.toThrow("Hyper+Q isn't a shortcut GNOME can bind.");
    expect(gsettings.lines).toEqual([]);
  });
});
