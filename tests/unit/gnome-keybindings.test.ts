// Adding Sheaf's shortcuts to GNOME's keyboard settings where no portal answers: the gsettings command lines it
// runs, against a stand-in gsettings that keeps values in memory the way dconf would, and what Settings says.
import { describe, expect, it } from 'vitest';
import {
  addGnomeKeybindings,
  readPathList,
  type RunCommand,
} from '../../electron/main/adapters/linux/gnome-keybindings';
import { openDesktopKeybindings } from '../../electron/main/adapters/linux/desktop-keybindings';
import { GlobalShortcuts } from '../../electron/main/core/desktop/global-shortcuts';
import type { Shortcuts } from '../../electron/main/core/ports';
import { defaultSettings } from '../../shared/settings';

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

describe('Settings offers GNOME keybindings where apps cannot hold shortcuts', () => {
  const actions = { togglePopover: () => {}, toggleTimer: () => {} };
  const unsupported: Shortcuts = { register: () => 'unsupported', unregisterAll: () => {} };
  const gnome = { XDG_CURRENT_DESKTOP: 'ubuntu:GNOME' };

  it('on GNOME under Wayland without a portal: says so, offers the keyboard settings, and adds both', async () => {
    const gsettings = fakeGsettings();
    const keybindings = openDesktopKeybindings({ platform: 'linux', env: gnome, run: gsettings.run });
    const held = new GlobalShortcuts(unsupported, actions, undefined, keybindings);
    held.apply(defaultSettings);
    expect(held.view().toggleTimer).toEqual({
      state: 'unsupported',
      message:
        "This desktop doesn't let apps set global shortcuts; add them to your keyboard settings (below).",
    });
    expect(held.keybindingsView()).toEqual({ desktop: 'GNOME', added: [] });

    await held.addToDesktop(defaultSettings);
    expect(held.keybindingsView()).toEqual({
      desktop: 'GNOME',
      added: [
        { name: 'Sheaf: Show or hide Sheaf', accelerator: 'CommandOrControl+Shift+H', command: 'sheaf show' },
        {
          name: 'Sheaf: Start or stop the timer',
          accelerator: 'CommandOrControl+Shift+T',
          command: 'sheaf toggle',
        },
      ],
    });
    expect(gsettings.lines).toContain(
      `gsettings set ${mediaKeys}.custom-keybinding:${folder}/sheaf-toggle/ binding '<Control><Shift>t'`,
    );
  });

  it('a shortcut left empty in Settings is not added', async () => {
    const gsettings = fakeGsettings();
    const keybindings = openDesktopKeybindings({ platform: 'linux', env: gnome, run: gsettings.run });
    const held = new GlobalShortcuts(unsupported, actions, undefined, keybindings);
    const settings = { ...defaultSettings, shortcuts: { togglePopover: '', toggleTimer: 'Alt+F5' } };
    held.apply(settings);
    await held.addToDesktop(settings);
    expect(held.keybindingsView()?.added.map((k) => k.command)).toEqual(['sheaf toggle']);
  });

  it("gsettings' own complaint reaches the person, in their words", async () => {
    const keybindings = openDesktopKeybindings({
      platform: 'linux',
      env: gnome,
      run: () => Promise.reject(new Error('No such schema “org.gnome.settings-daemon.plugins.media-keys”')),
    });
    const held = new GlobalShortcuts(unsupported, actions, undefined, keybindings);
    held.apply(defaultSettings);
    await expect(held.addToDesktop(defaultSettings)).rejects.toThrow(
      "Sheaf couldn't add them to GNOME's keyboard settings: No such schema",
    );
  });

  it('where shortcuts are held, nothing is offered', () => {
    const keybindings = openDesktopKeybindings({ platform: 'linux', env: gnome, run: fakeGsettings().run });
    const held = new GlobalShortcuts(
      { register: () => 'ok', unregisterAll: () => {} },
      actions,
      undefined,
      keybindings,
    );
    held.apply(defaultSettings);
    expect(held.keybindingsView()).toBeUndefined();
  });

  it.each([
    ['KDE Plasma', 'linux', { XDG_CURRENT_DESKTOP: 'KDE' }],
    ['Sway', 'linux', { XDG_CURRENT_DESKTOP: 'sway' }],
    ['macOS', 'darwin', gnome],
  ] as const)('%s has no GNOME keybindings to offer', (_, platform, env) => {
    expect(openDesktopKeybindings({ platform, env })).toBeUndefined();
  });

  it.each([
    [
      'the desktop app elsewhere',
      unsupported,
      "This desktop doesn't let apps set global shortcuts; add them in its keyboard settings as the commands sheaf show and sheaf toggle.",
    ],
    [
      'the browser preview',
      undefined,
      'Global shortcuts work in the desktop app; this preview keeps the setting only.',
    ],
  ] as const)('%s without GNOME says what is true there', (_, shortcuts, message) => {
    const held = new GlobalShortcuts(shortcuts, actions);
    held.apply(defaultSettings);
    expect(held.view().togglePopover).toEqual({ state: 'unsupported', message });
    expect(held.keybindingsView()).toBeUndefined();
  });

  it('the browser preview on GNOME points to the keyboard settings too', () => {
    const keybindings = openDesktopKeybindings({ platform: 'linux', env: gnome, run: fakeGsettings().run });
    const held = new GlobalShortcuts(undefined, actions, undefined, keybindings);
    held.apply(defaultSettings);
    expect(held.view().togglePopover.message).toBe(
      "This preview can't hold global shortcuts; add them to GNOME's keyboard settings (below).",
    );
  });
});
