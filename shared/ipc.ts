// Owns the one IPC contract: every command the popover may send (zod input/output) and every event main pushes.
// The preload, main's handlers and the renderer's types are all derived from this list, never typed twice.
import { z } from 'zod';
import { isSpentDate, spentYears } from './calendar';
import { IdleAnswer, SettingsUpdate, SettingsView, SnoozeFor } from './settings';
import { AppState, AssignmentOption, LinkedWork, ReportView } from './state';
import { endBeforeStart, isTime, timesInOrder } from './wall-clock';
import { isWebLink } from './work-items';

const entryId = z.union([z.number().int().positive(), z.string().min(1).max(64)]);
const notes = z.string().max(5000);
/** The address of the issue, ticket or card time is for; core reads it (shared/work-items.ts). */
const workAddress = z.string().trim().min(1).max(2048);
const timeHint = 'Use a time like 9:00am or 14:30';
/** Harvest's wall-clock times: "9:00am", "12:30pm", or 24 h "14:30"; read by wall-clock.ts, as core reads them. */
const wallClock = z.string().max(20, timeHint).trim().refine(isTime, timeHint);

const dateHint = 'Pick a date like 2025-01-31';
function spentDateProblem(text: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return dateHint;
  const year = Number(text.slice(0, 4));
  if (year < spentYears.first || year > spentYears.last)
    return `Pick a date in the years ${spentYears.first} to ${spentYears.last}`;
  return isSpentDate(text) ? null : `${text} isn't a day on the calendar. ${dateHint}`;
}

/** Every date in the contract: a real calendar day, so a typo is refused here, not later by Harvest. */
const spentDate = z.string().superRefine((text, ctx) => {
  const problem = spentDateProblem(text);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const assignmentRef = z.strictObject({
  projectId: z.number().int().positive(),
  taskId: z.number().int().positive(),
});

/** A Harvest account id, as Harvest-Account-Id takes it. */
const accountId = z.string().regex(/^\d{1,12}$/, 'An account ID is a number');

/**
 * Starting a timer while one runs in another account: stop that one, or keep both. Left out, Sheaf does what the
 * settings say, and when they say "ask", refuses with `timer_elsewhere` so the popover can ask.
 */
const otherAccount = z.enum(['stop', 'keep']).optional();

/**
 * Signing out with changes that haven't reached Harvest: send them first (sign out once sent), keep them in the
 * account's outbox for the next sign-in, or discard them. Signing out of every account with a timer running:
 * stop it first, or leave it running in Harvest. Left out where it matters, the sign-out is refused with
 * `sign_out_question` (saying how many wait), so the popover can ask.
 */
export const SignOutChoice = z.strictObject({
  waiting: z.enum(['send', 'keep', 'discard']).optional(),
  runningTimer: z.enum(['stop', 'leave']).optional(),
});
export type SignOutChoice = z.infer<typeof SignOutChoice>;

/** What starting by words did: started the one they name (its label), or nothing, with what they could mean. */
export const WordsAnswer = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('started'), label: z.string() }),
  z.strictObject({ kind: z.literal('several'), candidates: z.array(z.string()) }),
  z.strictObject({ kind: z.literal('none') }),
]);
export type WordsAnswer = z.infer<typeof WordsAnswer>;

/** Where Settings put the `sheaf` command, and whether a new terminal finds it there or the note says what to do. */
export const CommandInstalled = z.strictObject({
  path: z.string(),
  onPath: z.boolean(),
  note: z.string(),
});
export type CommandInstalled = z.infer<typeof CommandInstalled>;

export const commands = {
  getState: { input: z.void(), output: AppState },
  listAssignments: { input: z.void(), output: z.array(AssignmentOption) },
  signIn: {
    input: z.strictObject({
      token: z.string().trim().min(10, 'Paste your Personal Access Token').max(1000),
      /** Left empty, Sheaf lists the token's Harvest accounts and the person picks. */
      accountId: z
        .string()
        .trim()
        .regex(/^\d{1,12}$/, 'The Account ID is a number')
        .optional(),
    }),
    output: z.void(),
  },
  signInDemo: { input: z.void(), output: z.void() },
  /** Out of every account. */
  signOut: { input: SignOutChoice, output: z.void() },
  signOutOf: {
    input: z.strictObject({ accountId, waiting: SignOutChoice.shape.waiting }),
    output: z.void(),
  },
  /** Opens Harvest ID in the browser and waits for its answer on a loopback redirect. */
  signInWithHarvest: { input: z.void(), output: z.void() },
  /** Stops waiting for the browser's answer. */
  cancelSignIn: { input: z.void(), output: z.void() },
  /** Signs in to the picked accounts of the token or Harvest sign-in that reached several. */
  chooseAccounts: {
    input: z.strictObject({
      accountIds: z.array(accountId).min(1, 'Pick at least one account').max(50),
      /** The accounts are another Harvest user's than who is signed in now, and the person said to use them. */
      someoneElse: z.boolean().optional(),
    }),
    output: z.void(),
  },
  cancelAccountChoice: { input: z.void(), output: z.void() },
  /** Shows another signed-in account, at once from what Sheaf holds. */
  switchAccount: { input: z.strictObject({ accountId }), output: z.void() },
  refresh: { input: z.void(), output: z.void() },
  startTimer: {
    input: z.strictObject({
      projectId: z.number().int().positive(),
      taskId: z.number().int().positive(),
      notes: notes.optional(),
      otherAccount,
      /** Links the entry to that work; an address that names no work is added to the notes instead. */
      workAddress: workAddress.optional(),
    }),
    output: z.void(),
  },
  /** What a pasted address links to and the project and task last used with it; null when it names no work. */
  linkedWork: { input: z.strictObject({ workAddress }), output: LinkedWork.nullable() },
  stopTimer: { input: z.void(), output: z.void() },
  /** Stop if running, else restart the last entry. */
  toggleTimer: { input: z.void(), output: z.void() },
  restartEntry: { input: z.strictObject({ entryId, otherAccount }), output: z.void() },
  /**
   * Starts the one project and task the words name (`sheaf start acme dev`, sheaf://start?q=), matched in core the
   * way the picker ranks them. Words naming several, or none, start nothing: the answer says what they could mean.
   */
  startByWords: {
    input: z.strictObject({
      words: z.string().trim().min(1, 'Give the words').max(1000, 'At most 1,000 characters of words'),
      notes: notes.optional(),
      otherAccount,
      /** As startTimer's: links the entry to that work, or adds an address naming none to the notes. */
      workAddress: workAddress.optional(),
    }),
    output: WordsAnswer,
  },
  /**
   * Restarts the entry worked on last, refused while a timer runs. Core checks and restarts in one step, so a
   * start made in the popover meanwhile is refused against, never stopped (as a look, then toggleTimer, would).
   */
  restartLast: { input: z.void(), output: z.strictObject({ label: z.string() }) },
  updateNotes: { input: z.strictObject({ entryId, notes }), output: z.void() },
  /** Time added without a timer: `hours` (duration accounts) or `startedTime`+`endedTime` ("9:00am"). */
  addEntry: {
    input: z
      .strictObject({
        projectId: z.number().int().positive(),
        taskId: z.number().int().positive(),
        spentDate,
        hours: z.number().min(0, "Hours can't be negative").max(24, 'At most 24 hours in a day').optional(),
        startedTime: wallClock.optional(),
        endedTime: wallClock.optional(),
        notes: notes.optional(),
      })
      .refine((v) => v.hours !== undefined || (v.startedTime && v.endedTime), {
        message: 'Give the hours, or a start and an end time',
      })
      .refine((v) => timesInOrder(v.startedTime, v.endedTime), {
        message: endBeforeStart,
        path: ['endedTime'],
      }),
    output: z.void(),
  },
  editEntry: {
    input: z.strictObject({
      entryId,
      changes: z
        .strictObject({
          projectId: z.number().int().positive().optional(),
          taskId: z.number().int().positive().optional(),
          notes: notes.optional(),
          hours: z.number().min(0, "Hours can't be negative").max(24, 'At most 24 hours in a day').optional(),
          startedTime: wallClock.optional(),
          endedTime: wallClock.optional(),
          /** Link to other work, or null: "Remove link". */
          workAddress: workAddress.nullable().optional(),
        })
        // Only one of the two? Core checks it against the entry's other time (Timesheet.editEntry).
        .refine((c) => timesInOrder(c.startedTime, c.endedTime), {
          message: endBeforeStart,
          path: ['endedTime'],
        }),
    }),
    output: z.void(),
  },
  /** `undoable`: core keeps the delete (saved, unsent) for rules.ts's `undoDeleteMs`, in which `undoDelete` takes it back. */
  deleteEntry: { input: z.strictObject({ entryId, undoable: z.boolean().optional() }), output: z.void() },
  undoDelete: { input: z.strictObject({ entryId }), output: z.void() },
  /** A change Harvest refused: drop it, or redo it as a new entry today. */
  resolveSetAside: {
    input: z.strictObject({ id: z.string().min(1).max(100), action: z.enum(['discard', 'applyElsewhere']) }),
    output: z.void(),
  },
  dismissNotices: { input: z.void(), output: z.void() },
  getSettings: { input: z.void(), output: SettingsView },
  /** Any part of the settings; the whole result is checked before it is saved. */
  updateSettings: { input: SettingsUpdate, output: SettingsView },
  /** Adds the shortcuts to the desktop's own keyboard settings (GNOME), where apps can't hold them; says what. */
  addDesktopKeybindings: { input: z.void(), output: SettingsView },
  /**
   * The answer to "You were away since …": keep the time, end the entry when the person left (and maybe carry
   * on), or put the time away on a picked project/task (as its own entry, or given away while the timer runs on).
   */
  answerIdle: { input: IdleAnswer, output: z.void() },
  /** Quiets the reminders for a while; the one snoozed comes back once after, or (`today`) tomorrow. */
  snoozeReminder: { input: z.strictObject({ for: SnoozeFor }), output: z.void() },
  /** Starts a focus session: work for the set minutes, then a break, and so on until stopped. */
  startFocus: { input: z.void(), output: z.void() },
  stopFocus: { input: z.void(), output: z.void() },
  /** Ends the current work or break now and goes on to the next. */
  skipFocusPhase: { input: z.void(), output: z.void() },
  /** Show another day's entries (and its week); today's running timer stays on screen. */
  showDay: {
    input: z.strictObject({ date: spentDate }),
    output: z.void(),
  },
  /** The popover opened: fetch what changed in Harvest since the last look (cheap, `updated_since`). */
  refreshChanges: { input: z.void(), output: z.void() },
  pinAssignment: { input: assignmentRef, output: z.void() },
  unpinAssignment: { input: assignmentRef, output: z.void() },
  /**
   * Hours by project and client over a week or month, `back` of them before the current one (0 or left out:
   * this one; up to ten years back). From a saved copy when fresh or when offline.
   */
  getReport: {
    input: z.strictObject({
      period: z.enum(['week', 'month']),
      back: z.number().int().min(0).max(520).optional(),
    }),
    output: ReportView,
  },
  /** "Install the sheaf command": for this user (~/.local/bin, the user PATH on Windows) or all (asked first). */
  installCommand: {
    input: z.strictObject({ where: z.enum(['user', 'system']) }),
    output: CommandInstalled,
  },
  openHarvest: { input: z.void(), output: z.void() },
  /** Opens a linked entry's work (its permalink) in the person's browser; only https web addresses. */
  openWorkLink: {
    input: z.strictObject({ url: z.string().max(2048).refine(isWebLink, 'Only https web addresses open') }),
    output: z.void(),
  },
  /** The popover asks to be hidden (Escape). */
  hidePopover: { input: z.void(), output: z.void() },
} as const;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type CommandInput<C extends CommandName> = z.input<Commands[C]['input']>;
export type CommandOutput<C extends CommandName> = z.output<Commands[C]['output']>;

export const commandNames = Object.keys(commands) as CommandName[];

/** Channel names are derived, so a command can't be dropped from the preload by hand. */
export const channelOf = (name: CommandName): string => `sheaf:${name}`;
export const stateChannel = 'sheaf:state';
export const eventChannel = 'sheaf:event';

/**
 * Something main tells the popover that isn't state: it happens once, and a snapshot sent later must not
 * happen it again (the tray's "Settings…" opens the settings view once, however many snapshots follow).
 */
export const PopoverEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('openSettings') }),
  /** The tray's "Sign out" would leave changes unsent or a timer running: the popover asks what to do. */
  z.object({ type: z.literal('askSignOut') }),
  /** What Settings shows changed without the person (the desktop answered about the shortcuts): read it again. */
  z.object({ type: z.literal('settingsChanged') }),
]);
export type PopoverEvent = z.infer<typeof PopoverEvent>;

export const IpcErrorCode = z.enum([
  'bad_input',
  'forbidden_sender',
  'unauthorized',
  'forbidden',
  'not_found',
  'validation',
  'rate_limited',
  'network',
  'server',
  /** A timer runs in another account: the person says whether to stop it (`otherAccount`) and asks again. */
  'timer_elsewhere',
  /**
   * Signing out would leave changes unsent (or, out of every account, a timer running): the person says what
   * to do with them (SignOutChoice) and asks again. The message says how many.
   */
  'sign_out_question',
  /** Sheaf could not save the change on this computer (a full disk, a folder it may not write to): not made. */
  'storage',
  'internal',
]);
export type IpcErrorCode = z.infer<typeof IpcErrorCode>;

export type IpcResult<T> =
  { ok: true; value: T } | { ok: false; error: { code: IpcErrorCode; message: string } };

/** What `window.sheaf` looks like to the renderer: a function per command, the state, and main's events. */
export type SheafApi = {
  [C in CommandName]: (
    ...args: Commands[C]['input'] extends z.ZodVoid ? [] : [CommandInput<C>]
  ) => Promise<IpcResult<CommandOutput<C>>>;
} & {
  subscribe(listener: (state: AppState) => void): () => void;
  onEvent(listener: (event: PopoverEvent) => void): () => void;
};

/** What a host (Electron main, or the browser-preview host) implements for each command, inputs already parsed. */
export type CommandHandlers = {
  [C in CommandName]: (input: z.output<Commands[C]['input']>) => Promise<CommandOutput<C>> | CommandOutput<C>;
};
