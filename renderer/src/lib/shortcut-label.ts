// Owns writing a global shortcut the way the person's OS writes it: ⌘⇧H on macOS, Ctrl+Shift+H on Windows and
// Linux. Settings keep Electron's accelerator ("CommandOrControl+Shift+H"); only what is shown changes.

export type ShortcutPlatform = 'mac' | 'windows' | 'linux';

/** The browser's guess, for hosts that don't say (the preview): what the person is using right now. */
export function browserPlatform(): ShortcutPlatform {
  const platform = typeof navigator === 'undefined' ? '' : navigator.platform;
  if (/Mac|iPhone|iPad/i.test(platform)) return 'mac';
  if (/Win/i.test(platform)) return 'windows';
  return 'linux';
}

// macOS writes modifiers as symbols with no separators. They keep the accelerator's order (the capture writes
// Command, Control, Option, Shift), so the default reads ⌘⇧H as the design asks.
const macSymbols: Record<string, string> = {
  Control: '⌃',
  Ctrl: '⌃',
  Alt: '⌥',
  Option: '⌥',
  AltGr: '⌥',
  Shift: '⇧',
  Command: '⌘',
  Cmd: '⌘',
  CommandOrControl: '⌘',
  CmdOrCtrl: '⌘',
  Super: '⌘',
  Meta: '⌘',
};
const macKeys: Record<string, string> = {
  Up: '↑',
  Down: '↓',
  Left: '←',
  Right: '→',
  Enter: '↩',
  Backspace: '⌫',
  Delete: '⌦',
  Tab: '⇥',
  Space: 'Space',
};

function otherName(part: string, platform: ShortcutPlatform): string {
  if (['Control', 'Ctrl', 'CommandOrControl', 'CmdOrCtrl'].includes(part)) return 'Ctrl';
  if (['Option', 'AltGr'].includes(part)) return 'Alt';
  if (['Super', 'Meta', 'Command', 'Cmd'].includes(part)) return platform === 'windows' ? 'Win' : 'Super';
  return part;
}

/** "CommandOrControl+Shift+H" → "⌘⇧H" on macOS, "Ctrl+Shift+H" elsewhere. A trailing "+…" (keys still held) stays. */
export function shortcutLabel(accelerator: string, platform: ShortcutPlatform): string {
  if (!accelerator) return accelerator;
  const held = accelerator.endsWith('+…');
  // "Shift++" is Shift and the plus key: split on "+" not followed by the end.
  const parts = (held ? accelerator.slice(0, -2) : accelerator).split(/\+(?!$)/).filter(Boolean);
  if (platform !== 'mac') return parts.map((p) => otherName(p, platform)).join('+') + (held ? '+…' : '');
  const modifiers = parts.filter((p) => p in macSymbols).map((p) => macSymbols[p]!);
  const keys = parts.filter((p) => !(p in macSymbols)).map((p) => macKeys[p] ?? p);
  return modifiers.join('') + keys.join('') + (held ? '…' : '');
}

/** Main's message about a shortcut, with the accelerator in it written the OS's way. */
export function withShortcutLabel(message: string, accelerator: string, platform: ShortcutPlatform): string {
  return accelerator ? message.split(accelerator).join(shortcutLabel(accelerator, platform)) : message;
}
