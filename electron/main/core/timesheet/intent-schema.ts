// Owns what a change the person made (an intent) is, defined once in zod: every kind and every field it carries.
// The types are inferred from these schemas, so the timesheet that makes changes and the outbox that saves them
// can't drift apart; the objects are strict, so a field this build doesn't know is refused, never dropped.
import { z } from 'zod';

/** An instant with its offset, as the person's moment of acting is saved ("2026-11-25T10:00:00.000Z"). */
const instant = z.iso.datetime({ offset: true });
/** An entry: Harvest's id, or the local ref it is known by until Harvest gives it one (EntryRef). */
const entryRef = z.union([z.number().int(), z.string()]);
const hours = z.number().min(0).max(24);

export const EntryNamesSchema = z.strictObject({
  clientName: z.string(),
  projectName: z.string(),
  projectCode: z.string().nullable(),
  taskName: z.string(),
});
export type EntryNames = z.infer<typeof EntryNamesSchema>;

/** The work an entry is linked to (Harvest's external_reference), as shared/work-items.ts read it. */
export const ReferenceSchema = z.strictObject({
  id: z.string(),
  groupId: z.string().nullable(),
  permalink: z.string(),
  service: z.string().nullable(),
});

export const EntryChangesSchema = z.strictObject({
  projectId: z.number().int().optional(),
  taskId: z.number().int().optional(),
  /** Names for a new project/task, so the popover shows them before Harvest answers. */
  names: EntryNamesSchema.optional(),
  notes: z.string().optional(),
  hours: hours.optional(),
  startedTime: z.string().optional(),
  endedTime: z.string().optional(),
  /** A new link to the work, or null: "Remove link". */
  reference: ReferenceSchema.nullable().optional(),
});
export type EntryChanges = z.infer<typeof EntryChangesSchema>;

/**
 * The timer Harvest stops itself when it hears of a start or restart, and its hours at the person's moment,
 * saved before that is sent: if Harvest hears of it late (429s, retries), that timer is ended where it should be.
 */
export const ReplacesSchema = z.strictObject({ ref: z.number().int(), hours: z.number() });
export type Replaces = z.infer<typeof ReplacesSchema>;

/** Every intent: its own id, and the moment the person acted (so time lands where it was really spent). */
const identity = { id: z.string(), at: instant };

/** What every create (a timer started, or time added) carries. */
export const CreateFieldsSchema = z.strictObject({
  ...identity,
  /** The local ref the new entry is known by until Harvest gives it an id. */
  localRef: z.string(),
  projectId: z.number().int(),
  taskId: z.number().int(),
  notes: z.string(),
  names: EntryNamesSchema,
  /** The work the entry is for, when it was started from its address. */
  reference: ReferenceSchema.optional(),
  /** Set (and saved) just before the create is sent: after a crash it must be looked for, not resent. */
  attempted: z.boolean().optional(),
  /** The notes the create was sent with (later edits may have been folded in), to find it again. */
  sentNotes: z.string().optional(),
  /** When it was sent, and the entries already known then: neither of those can be the one it made. */
  sentAt: z.string().optional(),
  knownIds: z.array(z.number().int()).optional(),
  /** The hours or start time the create was sent with (a running duration timer has neither). */
  sentHours: z.number().optional(),
  sentStartedTime: z.string().optional(),
  /** A start only: the timer it stops (see Replaces). */
  replaces: ReplacesSchema.optional(),
});
export type CreateFields = z.infer<typeof CreateFieldsSchema>;

export const IntentSchema = z.discriminatedUnion('kind', [
  CreateFieldsSchema.extend({ kind: z.literal('start') }),
  /** Time added without a timer: hours (duration accounts) or start and end (timestamp accounts). */
  CreateFieldsSchema.extend({
    kind: z.literal('add'),
    spentDate: z.string(),
    hours,
    startedTime: z.string().nullable(),
    endedTime: z.string().nullable(),
  }),
  z.strictObject({
    kind: z.literal('stop'),
    ...identity,
    ref: entryRef,
    /** Hours the entry has when stopped at `at`, fixed (and saved) before sending so a retry corrects alike. */
    targetHours: z.number().optional(),
  }),
  z.strictObject({
    kind: z.literal('restart'),
    ...identity,
    ref: entryRef,
    /** Hours the entry had before restarting, saved before sending (see targetHours). */
    baseHours: z.number().optional(),
    /** The timer the restart stops (see Replaces). */
    replaces: ReplacesSchema.optional(),
  }),
  z.strictObject({ kind: z.literal('updateNotes'), ...identity, ref: entryRef, notes: z.string() }),
  z.strictObject({ kind: z.literal('edit'), ...identity, ref: entryRef, changes: EntryChangesSchema }),
  z.strictObject({
    kind: z.literal('delete'),
    ...identity,
    ref: entryRef,
    /** An undoable delete waits (saved, unsent) until this ISO instant, so the person can still take it back. */
    holdUntil: instant.optional(),
  }),
]);
export type Intent = z.infer<typeof IntentSchema>;

/** Every kind of change, read off the schema: a new kind shows up here (and in the tests that walk it). */
export const intentKinds: readonly Intent['kind'][] = IntentSchema.options.map((o) => o.shape.kind.value);
