// Owns reading an Electron accelerator ("CommandOrControl+Shift+T") into the forms Linux desktops take it in:
// the XDG shortcuts spec's trigger for the GlobalShortcuts portal ("CTRL+SHIFT+t") and GTK's for a GNOME
// custom keybinding ("<Control><Shift>t"). One reading, two spellings.

type Modifier = 'ctrl' | 'alt' | 'shift' | 'logo';

/** Electron's modifier names (on Linux CommandOrControl is Control, Super/Meta the logo key). */
const modifiers: Record<string, Modifier> = {
  commandorcontrol: 'ctrl',
  cmdorctrl: 'ctrl',
  control: 'ctrl',
  ctrl: 'ctrl',
  alt: 'alt',
  option: 'alt',
  altgr: 'alt',
  shift: 'shift',
  super: 'logo',
  meta: 'logo',
  command: 'logo',
  cmd: 'logo',
};

/** Electron key names whose X keysym is spelt otherwise; letters, digits and F-keys map as they are. */
const keysyms: Record<string, string> = {
  space: 'space',
  enter: 'Return',
  return: 'Return',
  tab: 'Tab',
  backspace: 'BackSpace',
  delete: 'Delete',
  insert: 'Insert',
  home: 'Home',
  end: 'End',
  pageup: 'Page_Up',
  pagedown: 'Page_Down',
  up: 'Up',
  down: 'Down',
  left: 'Left',
  right: 'Right',
  esc: 'Escape',
  escape: 'Escape',
  plus: 'plus',
  ',': 'comma',
  '.': 'period',
  '/': 'slash',
  ';': 'semicolon',
  '-': 'minus',
  '=': 'equal',
  '[': 'bracketleft',
  ']': 'bracketright',
  '\\': 'backslash',
  "'": 'apostrophe',
  '`': 'grave',
};

export interface KeyCombo {
  modifiers: Modifier[];
  /** The X keysym name ("t", "F5", "Return"). */
  key: string;
}

/** The combination an accelerator names, or null when it isn't one (no key, two keys, an unknown name). */
export function readAccelerator(accelerator: string): KeyCombo | null {
  const parts = accelerator.split('+').map((p) => p.trim());
  const key = parts.pop();
  if (!key || parts.some((p) => !modifiers[p.toLowerCase()])) return null;
  const held = [...new Set(parts.map((p) => modifiers[p.toLowerCase()]!))];
  const lower = key.toLowerCase();
  const keysym = /^[a-z0-9]$/.test(lower)
    ? lower
    : /^f([1-9]|1[0-9]|2[0-4])$/.test(lower)
      ? key.toUpperCase()
      : /^num[0-9]$/.test(lower)
        ? `KP_${lower.slice(3)}`
        : keysyms[lower];
  if (!keysym || held.length === 0) return null;
  return { modifiers: held, key: keysym };
}

const order: Modifier[] = ['ctrl', 'alt', 'shift', 'logo'];

/** The shortcuts spec's trigger, as the portal's `preferred_trigger` takes it: "CTRL+SHIFT+t". */
export function xdgTrigger(combo: KeyCombo): string {
  const names = { ctrl: 'CTRL', alt: 'ALT', shift: 'SHIFT', logo: 'LOGO' };
  return [...order.filter((m) => combo.modifiers.includes(m)).map((m) => names[m]), combo.key].join('+');
}

/** GTK's accelerator, as a GNOME custom keybinding's `binding` takes it: "<Control><Shift>t". */
export function gtkAccelerator(combo: KeyCombo): string {
  const names = { ctrl: '<Control>', alt: '<Alt>', shift: '<Shift>', logo: '<Super>' };
  return [...order.filter((m) => combo.modifiers.includes(m)).map((m) => names[m]), combo.key].join('');
}
