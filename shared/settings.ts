// Owns the person's Sheaf settings: one zod schema (the JSON schema the settings file is checked with is derived
// from it), the defaults, the partial update the popover sends, and what the settings view is shown.
import { z } from 'zod';
import { WEEK_START_DAYS } from './calendar';

const modifiers = [
  'Command',
  'Cmd',
  'Control',
  'Ctrl',
  'CommandOrControl',
  'CmdOrCtrl',
  'Alt',
  'Option',
  'AltGr',
  'Shift',
  'Super',
  'Meta',
] as const;
const keyName =
  '(?:[A-Z0-9]|F(?:[1-9]|1\\d|2[0-4])|Plus|Space|Tab|Backspace|Delete|Insert|Return|Enter|Up|Down|Left|Right|Home|End|PageUp|PageDown|Escape|Esc|[)!@#$%^&*(:;+=<,_.>?~{}|"\'`\\[\\]\\\\/-]|num[0-9]|numdec|numadd|numsub|nummult|numdiv)';

/** An Electron accelerator with at least one modifier ("CommandOrControl+Shift+T"), or "" for none. */
export const acceleratorPattern = new RegExp(`^(?:(?:${modifiers.join('|')})\\+)+${keyName}$`);

/**
 * The one rule for a global shortcut, for the settings file and the field that captures it alike: a key with at
 * least one modifier. A bare key (even F5) would be taken from every other app while Sheaf runs.
 */
export function isGlobalShortcut(accelerator: string): boolean {
  return acceleratorPattern.test(accelerator);
}

export const Accelerator = z
  .string()
  .max(60)
  .refine((v) => v === '' || isGlobalShortcut(v), {
    message: 'Use a shortcut with a modifier, like CommandOrControl+Shift+T',
  });

/** "09:00"-style 24 h times for working hours. */
const dayTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 09:00');

export /** Names Electron takes for the same modifier or key, folded to one so two spellings count as one shortcut. */
const sameKey: Record<string, string> = {
  cmd: 'command',
  ctrl: 'control',
  cmdorctrl: 'commandorcontrol',
  option: 'alt',
  esc: 'escape',
  return: 'enter',
  plus: '+',
};

/** One spelling per shortcut: "Ctrl+Shift+T", "Shift+Control+t" and "shift+ctrl+T" are all the same keys. */
export function shortcutKey(accelerator: string): string {
  const parts = accelerator.split(/\+(?!$)/).map((p) => sameKey[p.toLowerCase()] ?? p.toLowerCase());
  const key = parts.pop() ?? '';
  return [...new Set(parts)].sort().concat(key).join('+');
}

export const NotificationKind = z.enum(['shortcut', 'idle', 'stillRunning', 'noTimer', 'focus']);
export type NotificationKind = z.infer<typeof NotificationKind>;

const Shortcuts = z.strictObject({
  /** Shows or hides the popover. */
  togglePopover: Accelerator,
  /** Stops the running timer, or restarts the last entry. */
  toggleTimer: Accelerator,
});

const Notifications = z.strictObject({
  shortcut: z.boolean(),
  idle: z.boolean(),
  stillRunning: z.boolean(),
  noTimer: z.boolean(),
  /** Each focus session boundary: work is over, or the break is. */
  focus: z.boolean(),
});

const NoTimerReminder = z.strictObject({
  /** 0 = Sunday … 6 = Saturday, like Date.getDay(). */
  days: z.array(z.number().int().min(0).max(6)).max(7),
  start: dayTime,
  end: dayTime,
  intervalMinutes: z
    .number()
    .int('Use whole minutes')
    .min(5, 'Remind no more often than every 5 minutes')
    .max(480, 'Remind at least every 480 minutes (8 hours)'),
});

/** Focus sessions (Pomodoro): how long work and breaks last, and what a boundary does. */
const Focus = z.strictObject({
  /** Focus sessions are opt-in: the popover shows their card only once the person turns them on. */
  enabled: z.boolean(),
  workMinutes: z
    .number()
    .int('Use whole minutes')
    .min(1, 'Work for at least 1 minute')
    .max(180, 'Work for at most 180 minutes'),
  breakMinutes: z
    .number()
    .int('Use whole minutes')
    .min(1, 'Take a break of at least 1 minute')
    .max(60, 'Take a break of at most 60 minutes'),
  longBreakMinutes: z
    .number()
    .int('Use whole minutes')
    .min(1, 'Take a long break of at least 1 minute')
    .max(120, 'Take a long break of at most 120 minutes'),
  /** A long break after this many work sessions. */
  longBreakEvery: z
    .number()
    .int('Use a whole number of sessions')
    .min(1, 'Take a long break after at least 1 work session')
    .max(12, 'Take a long break after at most 12 work sessions'),
  /** A short beep from the popover at each boundary. */
  sound: z.boolean(),
  /** The Harvest timer stops when a break starts and carries on when work does. */
  stopTimerDuringBreaks: z.boolean(),
});

export const Settings = z.strictObject({
  /** Minutes without input before Sheaf asks about the time away; 0 turns idle detection off. */
  // The messages are sentences in the person's words: Settings shows them beside the field.
  idleThresholdMinutes: z
    .number()
    .int('Use whole minutes')
    .min(0, 'Ask after 0 minutes or more (0 turns this off)')
    .max(240, 'Ask after at most 240 minutes'),
  // The OS gives a shortcut to one registration only: the second would fail and look taken by another app.
  shortcuts: Shortcuts.refine(
    (s) => !s.togglePopover || !s.toggleTimer || shortcutKey(s.togglePopover) !== shortcutKey(s.toggleTimer),
    {
      message:
        'Show or hide Sheaf and Start or stop the timer need different shortcuts. Press another one for either.',
      path: ['toggleTimer'],
    },
  ),
  notifications: Notifications,
  /** "Timer still running" after this many hours. */
  stillRunningHours: z
    .number()
    .min(1, 'Remind after at least 1 hour')
    .max(24, 'Remind after at most 24 hours'),
  noTimerReminder: NoTimerReminder.refine((r) => r.start < r.end, {
    message: 'Working hours must end after they start',
    path: ['end'],
  }),
  launchAtLogin: z.boolean(),
  /** macOS: elapsed time next to the menu bar icon. */
  trayTitle: z.boolean(),
  theme: z.enum(['system', 'light', 'dark']),
  /** Where the company rounds time, which figure the day and week show first: hours worked, or billed. */
  hoursLead: z.enum(['tracked', 'billed']),
  /** The first day of the week, when Sheaf can't read the company's own (members can't read /company). */
  weekStartDay: z.enum(WEEK_START_DAYS),
  /** Starting a timer while one runs in another account: ask, stop that one, or keep both running. */
  otherAccountTimer: z.enum(['ask', 'stop', 'keep']),
  /** Stop the running timer when the computer sleeps or shuts down, and say so when the person is back. */
  stopAtSleep: z.boolean(),
  focus: Focus,
});
export type Settings = z.infer<typeof Settings>;

export const defaultSettings: Settings = {
  idleThresholdMinutes: 10,
  shortcuts: { togglePopover: 'CommandOrControl+Shift+H', toggleTimer: 'CommandOrControl+Shift+T' },
  notifications: { shortcut: true, idle: true, stillRunning: true, noTimer: true, focus: true },
  stillRunningHours: 8,
  noTimerReminder: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00', intervalMinutes: 60 },
  launchAtLogin: false,
  trayTitle: true,
  theme: 'system',
  hoursLead: 'tracked',
  weekStartDay: 'Monday',
  otherAccountTimer: 'ask',
  stopAtSleep: false,
  focus: {
    enabled: false,
    workMinutes: 25,
    breakMinutes: 5,
    longBreakMinutes: 15,
    longBreakEvery: 4,
    sound: false,
    stopTimerDuringBreaks: false,
  },
};

/** What the popover sends: any top-level setting, and any part of a grouped one. */
export const SettingsUpdate = z.strictObject({
  idleThresholdMinutes: Settings.shape.idleThresholdMinutes.optional(),
  shortcuts: Shortcuts.partial().optional(),
  notifications: Notifications.partial().optional(),
  stillRunningHours: Settings.shape.stillRunningHours.optional(),
  noTimerReminder: NoTimerReminder.partial().optional(),
  launchAtLogin: z.boolean().optional(),
  trayTitle: z.boolean().optional(),
  theme: Settings.shape.theme.optional(),
  hoursLead: Settings.shape.hoursLead.optional(),
  weekStartDay: Settings.shape.weekStartDay.optional(),
  otherAccountTimer: Settings.shape.otherAccountTimer.optional(),
  stopAtSleep: z.boolean().optional(),
  focus: Focus.partial().optional(),
});
export type SettingsUpdate = z.infer<typeof SettingsUpdate>;

export function mergeSettings(current: Settings, update: SettingsUpdate): Settings {
  return {
    ...current,
    ...definedOnly(update),
    shortcuts: { ...current.shortcuts, ...definedOnly(update.shortcuts ?? {}) },
    notifications: { ...current.notifications, ...definedOnly(update.notifications ?? {}) },
    noTimerReminder: { ...current.noTimerReminder, ...definedOnly(update.noTimerReminder ?? {}) },
    focus: { ...current.focus, ...definedOnly(update.focus ?? {}) },
  } as Settings;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export const ShortcutName = z.enum(['togglePopover', 'toggleTimer']);
export type ShortcutName = z.infer<typeof ShortcutName>;

/** Whether a shortcut is held: `taken` names the shortcut another app holds. */
export const ShortcutStatus = z.object({
  state: z.enum(['ok', 'off', 'taken', 'invalid', 'unsupported']),
  message: z.string().nullable(),
});
export type ShortcutStatus = z.infer<typeof ShortcutStatus>;

/** One of Sheaf's shortcuts written into the desktop's own keyboard settings: its name there, keys and command. */
export const DesktopKeybinding = z.object({ name: z.string(), accelerator: z.string(), command: z.string() });
export type DesktopKeybinding = z.infer<typeof DesktopKeybinding>;

export const SettingsView = z.object({
  settings: Settings,
  shortcuts: z.object({ togglePopover: ShortcutStatus, toggleTimer: ShortcutStatus }),
  /**
   * Where apps can't hold global shortcuts but the desktop runs commands on keys of its own (GNOME): Settings
   * offers to add Sheaf's there, and shows what it added. Absent where there is nothing to offer.
   */
  desktopKeybindings: z.object({ desktop: z.string(), added: z.array(DesktopKeybinding) }).optional(),
  launchAtLogin: z.object({ supported: z.boolean(), message: z.string().nullable() }),
  /** Something about the settings the person should know (a damaged file set aside). */
  notice: z.string().nullable(),
  /**
   * The OS whose shortcuts these are, so they are written its way (⌘⇧H on macOS, Ctrl+Shift+H elsewhere). Absent
   * where the host can't say (the browser preview): the popover then goes by the browser's own platform.
   */
  platform: z.enum(['mac', 'windows', 'linux']).optional(),
});
export type SettingsView = z.infer<typeof SettingsView>;

/** The popover's question after time away from the computer with a timer running. */
export const IdleQuestion = z.object({
  /** ISO instant the person went idle (or the machine slept / locked). */
  since: z.string(),
  minutes: z.number().int(),
  entryId: z.union([z.number().int(), z.string()]),
  projectName: z.string(),
  taskName: z.string(),
});
export type IdleQuestion = z.infer<typeof IdleQuestion>;

/** The answers that need nothing more than the choice: keep the time, discard it, or discard it and carry on. */
export const IdleChoice = z.enum(['keep', 'discard', 'discardAndContinue']);
export type IdleChoice = z.infer<typeof IdleChoice>;

/** The project/task (and notes) the time away was really spent on, picked in the question. */
const awayOn = {
  projectId: z.number().int().positive(),
  taskId: z.number().int().positive(),
  notes: z.string().max(5000).optional(),
};

/**
 * The person's answer to the idle question. `addAsNew`: the timer stops where they left and the time away becomes
 * its own entry on the picked pair. `giveToOther`: the time away goes to the picked pair and the timer carries on
 * without it. The simple answers keep their old shape (`{ answer: 'keep' }`), so earlier callers still fit.
 */
export const IdleAnswer = z.discriminatedUnion('answer', [
  z.strictObject({ answer: IdleChoice }),
  z.strictObject({ answer: z.literal('addAsNew'), ...awayOn }),
  z.strictObject({ answer: z.literal('giveToOther'), ...awayOn }),
]);
export type IdleAnswer = z.infer<typeof IdleAnswer>;
/** An answer that puts the time away on a picked pair. */
export type IdleAnswerWithPair = Extract<IdleAnswer, { answer: 'addAsNew' | 'giveToOther' }>;

/** How long a reminder is snoozed: a quarter of an hour, an hour, or until tomorrow. */
export const SnoozeFor = z.enum(['15m', '1h', 'today']);
export type SnoozeFor = z.infer<typeof SnoozeFor>;
