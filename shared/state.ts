// Owns the AppState snapshot main pushes to the popover: everything the person sees, nothing secret.
import { z } from 'zod';

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
});
export type EntryView = z.infer<typeof EntryView>;

export const AccountPrefs = z.object({
  timestampTimers: z.boolean(),
  weekStartDay: z.enum(['Saturday', 'Sunday', 'Monday']),
  timeFormat: z.enum(['decimal', 'hours_minutes']),
  clock: z.enum(['12h', '24h']),
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

export const AppState = z.object({
  session: Session,
  prefs: AccountPrefs,
  running: EntryView.nullable(),
  today: z.object({ date: z.string(), entries: z.array(EntryView), totalHours: z.number() }),
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

export const defaultPrefs: AccountPrefs = {
  timestampTimers: false,
  weekStartDay: 'Monday',
  timeFormat: 'hours_minutes',
  clock: '24h',
};
