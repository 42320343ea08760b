// Owns the AppState snapshot main pushes to the popover: everything the person sees, nothing secret.
import { z } from 'zod';
import { WEEK_START_DAYS } from './calendar';
import { IdleQuestion } from './settings';

/** The piece of work an entry is for (Harvest's external_reference): a GitHub issue, a Jira ticket, a card. */
export const EntryReference = z.object({
  /** The item's key as people write it: "acme/site#12", "PROJ-123". */
  id: z.string(),
  /** Its repository or project, which Sheaf remembers a project and task by. */
  groupId: z.string().nullable(),
  /** The address the link icon opens (https only). */
  permalink: z.string(),
  /** "GitHub", "Jira", … when Sheaf or Harvest can tell. */
  service: z.string().nullable(),
});
export type EntryReference = z.infer<typeof EntryReference>;

/** Where an entry stands in Timesheet Approval; submitted and approved entries can't change. */
export const Approval = z.enum(['unsubmitted', 'submitted', 'approved']);
export type Approval = z.infer<typeof Approval>;

export const EntryView = z.object({
  /** Harvest's id, or a local id ("local-…") for an entry not yet created in Harvest. */
  id: z.union([z.number().int(), z.string()]),
  spentDate: z.string(),
  clientName: z.string(),
  projectId: z.number().int(),
  projectName: z.string(),
  projectCode: z.string().nullable(),
  taskId: z.number().int(),
  taskName: z.string(),
  notes: z.string(),
  /** Hours as of the snapshot (for a running entry, excluding time since `runningSince`). */
  hours: z.number(),
  isRunning: z.boolean(),
  /** ISO instant the running timer (re)started; elapsed = hours + (now - runningSince). */
  runningSince: z.string().nullable(),
  /** Timestamp accounts: "8:00am"-style times as Harvest shows them. */
  startedTime: z.string().nullable(),
  endedTime: z.string().nullable(),
  isLocked: z.boolean(),
  lockedReason: z.string().nullable(),
  /** A change to this entry is waiting to reach Harvest. */
  pending: z.boolean(),
  // The three below default so an entry saved by an older Sheaf (the cache) still reads.
  /** Harvest's rounded_hours (what it bills); null when Harvest hasn't said (a local entry, an older answer). */
  roundedHours: z.number().nullable().default(null),
  approval: Approval.default('unsubmitted'),
  reference: EntryReference.nullable().default(null),
});
export type EntryView = z.infer<typeof EntryView>;

export const AccountPrefs = z.object({
  timestampTimers: z.boolean(),
  weekStartDay: z.enum(WEEK_START_DAYS),
  timeFormat: z.enum(['decimal', 'hours_minutes']),
  clock: z.enum(['12h', '24h']),
  /**
   * Sheaf could not read the company's settings (members may not read /company): the week starts on the day
   * the person picks in Settings. Defaults to false so a session saved by an older Sheaf still reads.
   */
  weekStartChosenHere: z.boolean().default(false),
});
export type AccountPrefs = z.infer<typeof AccountPrefs>;

export const Session = z.discriminatedUnion('status', [
  z.object({ status: z.literal('signed_out'), message: z.string().nullable() }),
  z.object({ status: z.literal('signing_in') }),
  z.object({
    status: z.literal('signed_in'),
    demo: z.boolean(),
    user: z.object({ id: z.number().int(), name: z.string(), email: z.string() }),
    accountName: z.string(),
    /** Seconds per week, from Harvest's user.weekly_capacity. */
    weeklyCapacitySeconds: z.number().nullable(),
  }),
]);
export type Session = z.infer<typeof Session>;

export const SyncStatus = z.object({
  state: z.enum(['idle', 'syncing', 'offline', 'error']),
  /** Changes waiting to reach Harvest. */
  pending: z.number().int(),
  lastSyncedAt: z.string().nullable(),
  message: z.string().nullable(),
  /** When Sheaf next tries to send, while offline or in trouble: the line says so rather than flicker. */
  retryAt: z.string().nullable().optional(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

/** A change Harvest refused (the entry was locked, approved or deleted elsewhere), waiting for the person. */
export const SetAsideView = z.object({
  id: z.string(),
  summary: z.string(),
  reason: z.string(),
  canApplyElsewhere: z.boolean(),
});
export type SetAsideView = z.infer<typeof SetAsideView>;

/** A project/task pair, as recents and favourites name it. */
export const AssignmentRef = z.object({ projectId: z.number().int(), taskId: z.number().int() });
export type AssignmentRef = z.infer<typeof AssignmentRef>;

/** The project/task pair's identity, the same in assignments, entries, recents and favourites. */
export const pairKey = (p: AssignmentRef): string => `${p.projectId}/${p.taskId}`;

export const DayTotal = z.object({ date: z.string(), totalHours: z.number() });
export type DayTotal = z.infer<typeof DayTotal>;

/** The day the popover shows (today unless the person stepped to another) and the week around it. */
export const ShownDay = z.object({
  date: z.string(),
  isToday: z.boolean(),
  entries: z.array(EntryView),
  /** Excluding the running timer's time since `runningSince`, like every total in the snapshot. */
  totalHours: z.number(),
  week: z.object({ start: z.string(), end: z.string(), totalHours: z.number(), days: z.array(DayTotal) }),
  /** Harvest is being asked for this day's week. */
  loading: z.boolean(),
  /** Where the company rounds time: what the day and week will bill (shared/billed-hours.ts); else absent. */
  billed: z
    .object({
      rounding: z
        .object({
          minutes: z.union([z.literal(6), z.literal(15), z.literal(30)]),
          mode: z.enum(['up', 'nearest']),
        })
        .nullable(),
      dayHours: z.number(),
      weekHours: z.number(),
    })
    .nullable()
    .optional(),
});
export type ShownDay = z.infer<typeof ShownDay>;

export const emptyDay: ShownDay = {
  date: '',
  isToday: true,
  entries: [],
  totalHours: 0,
  week: { start: '', end: '', totalHours: 0, days: [] },
  loading: false,
};

/** The desktop's part of the snapshot: the idle question and the look the settings ask for. */
export const DesktopView = z.object({
  idleQuestion: IdleQuestion.nullable(),
  theme: z.enum(['system', 'light', 'dark']),
  trayTitle: z.boolean(),
  /** Focus sessions turned on in Settings; optional so a snapshot from before the setting still reads. */
  focusEnabled: z.boolean().optional(),
  /** Where time is rounded, which figure leads (Settings); optional like focusEnabled. */
  hoursLead: z.enum(['tracked', 'billed']).optional(),
});
export type DesktopView = z.infer<typeof DesktopView>;

/** A focus session as the popover and tray show it; `phase` is null when none runs. */
export const FocusView = z.object({
  phase: z.enum(['work', 'break', 'longBreak']).nullable(),
  /** ISO instant the phase ends: what is left is read from the clock, never counted. */
  endsAt: z.string().nullable(),
  /** Work sessions finished today (local day), shown beside today's hours. */
  completedToday: z.number().int(),
  /** The boundary the popover beeps for (ISO), when the sound setting is on; a new value is a new beep. */
  beepAt: z.string().nullable(),
});
export type FocusView = z.infer<typeof FocusView>;

export const noFocus: FocusView = { phase: null, endsAt: null, completedToday: 0, beepAt: null };

/** One account the person is signed in to, as the switcher shows it. */
export const AccountSummary = z.object({
  id: z.string(),
  name: z.string(),
  demo: z.boolean(),
  signedIn: z.boolean(),
  /** Why it is signed out (Harvest stopped accepting its token); its unsent changes are kept. */
  message: z.string().nullable(),
  running: EntryView.nullable(),
  /** Excluding the running timer's time since `runningSince`, like every total in the snapshot. */
  todayHours: z.number(),
  weekHours: z.number(),
  pending: z.number().int(),
});
export type AccountSummary = z.infer<typeof AccountSummary>;

export const AppState = z.object({
  session: Session,
  prefs: AccountPrefs,
  running: EntryView.nullable(),
  /**
   * Today's date and hours, whichever day the popover shows (the tray, scripts and the totals across accounts
   * read them). Excluding the running timer's time since `runningSince`, like every total in the snapshot.
   */
  today: z.object({ date: z.string(), totalHours: z.number() }),
  /** Hours this week up to the snapshot, excluding the running timer's time since `runningSince`. */
  week: z.object({ start: z.string(), end: z.string(), totalHours: z.number() }),
  /** Bumps whenever the assignments change; the popover then asks for them (they can be 20,000 pairs). */
  assignmentsVersion: z.number().int(),
  sync: SyncStatus,
  /** A message for the person about the last thing that went wrong, with what to do next. */
  error: z.string().nullable(),
  /** Things the person should know that aren't errors (e.g. damaged local files that were set aside). */
  notices: z.array(z.string()),
  setAside: z.array(SetAsideView),
  desktop: DesktopView,
  focus: FocusView,
  day: ShownDay,
  /**
   * The last few distinct project/task pairs worked on that are still assigned, newest first, with their
   * names: the picker's "Recent" and the tray's quick starts.
   */
  recent: z.array(z.lazy(() => AssignmentOption)),
  /** Pairs the person pinned, in the order pinned. */
  favourites: z.array(AssignmentRef),
  /** Every account signed in to, in the order signed in; the switcher shows when there are two or more. */
  accounts: z.array(AccountSummary),
  /** The account shown (whose timesheet the rest of the snapshot is). */
  activeAccountId: z.string().nullable(),
  /** "Sign in with Harvest" is offered (this Sheaf has a Harvest ID client id configured). */
  harvestSignIn: z.boolean(),
  /** A token or Harvest sign-in reached several accounts: the person picks which to use. */
  accountChoice: z
    .object({
      accounts: z.array(z.object({ id: z.string(), name: z.string(), signedIn: z.boolean() })),
      /** Whose sign-in reached them (Harvest ID's user), so the person sees the accounts are theirs. */
      user: z.object({ name: z.string(), email: z.string() }).optional(),
      /**
       * Who is signed in to Sheaf now, when the accounts are someone else's (`user`): the step says so, and the
       * person confirms before they are used (chooseAccounts' `someoneElse`).
       */
      insteadOf: z.object({ name: z.string(), email: z.string() }).optional(),
    })
    .nullable(),
});
export type AppState = z.infer<typeof AppState>;

/** One project/task pair the person may track time to. */
export const AssignmentOption = z.object({
  projectId: z.number().int(),
  projectName: z.string(),
  projectCode: z.string().nullable(),
  clientId: z.number().int(),
  clientName: z.string(),
  taskId: z.number().int(),
  taskName: z.string(),
  billable: z.boolean(),
});
export type AssignmentOption = z.infer<typeof AssignmentOption>;

/** What a pasted address links to, and the project and task last used with that repository or project. */
export const LinkedWork = z.object({ link: EntryReference, suggestion: AssignmentOption.nullable() });
export type LinkedWork = z.infer<typeof LinkedWork>;

export const defaultPrefs: AccountPrefs = {
  timestampTimers: false,
  weekStartDay: 'Monday',
  timeFormat: 'hours_minutes',
  clock: '24h',
  weekStartChosenHere: true,
};

const ReportTotals = {
  totalHours: z.number(),
  billableHours: z.number(),
  /** Only when Harvest shows this person amounts (admins, managers with rates). */
  currency: z.string().nullable(),
  billableAmount: z.number().nullable(),
};

/** Hours by project and by client over a week or a month, from Harvest's time reports (or their saved copy). */
export const ReportView = z.object({
  period: z.enum(['week', 'month']),
  from: z.string(),
  to: z.string(),
  /** When Harvest answered; the popover shows the age of a saved copy. */
  fetchedAt: z.string(),
  /** Harvest could not be asked just now, so this is the saved copy. */
  stale: z.boolean(),
  note: z.string().nullable(),
  projects: z.array(
    z.object({
      projectId: z.number().int(),
      projectName: z.string(),
      clientName: z.string(),
      ...ReportTotals,
    }),
  ),
  clients: z.array(z.object({ clientId: z.number().int(), clientName: z.string(), ...ReportTotals })),
  // The two below are optional so a report saved by an older Sheaf still reads.
  tasks: z.array(z.object({ taskId: z.number().int(), taskName: z.string(), ...ReportTotals })).optional(),
  /**
   * This week's hours by person, beside each one's weekly capacity (hours), for someone whose Team report lists
   * more than themselves (a manager); empty for everyone else and for months.
   */
  people: z
    .array(
      z.object({
        userId: z.number().int(),
        userName: z.string(),
        capacityHours: z.number().nullable(),
        ...ReportTotals,
      }),
    )
    .optional(),
});
export type ReportView = z.infer<typeof ReportView>;
