// Owns the timesheet as the popover shows it, worked out afresh from Harvest's last word and the changes still
// queued: the running timer, today's and the week's totals, the day stepped to, recent pairs.
// Pure: it reads what it is given and changes nothing.
import type { ClockStyle } from '../../../../shared/format';
import type {
  AssignmentOption,
  EntryView,
  SetAsideView,
  ShownDay,
  SyncStatus,
} from '../../../../shared/state';
import { localDate, weekRange } from '../base/dates';
import { round, toView, type EntryRef, type LocalEntry } from './entries';
import type { SetAside } from './set-aside';
import { recentPairs, shownDay } from './days';
import { billedTotals } from './billed';
import { applyIntents, isCreate, resolveRef, type Intent } from './intents';
import { mayHaveMade } from './lost-answers';
import type { Ledger, LedgerReading } from './ledger';

export interface TimerView {
  running: EntryView | null;
  today: { date: string; totalHours: number };
  week: { start: string; end: string; totalHours: number };
  sync: SyncStatus;
  error: string | null;
  setAside: SetAsideView[];
  assignmentsVersion: number;
  timestampTimers: boolean;
  clock: ClockStyle;
  day: ShownDay;
  /** Recent pairs still assigned, with their names. */
  recent: AssignmentOption[];
}

/** The entries as the person sees them, and which of them have changes not yet confirmed. */
export interface ShownEntries {
  entries: Map<EntryRef, LocalEntry>;
  pendingRefs: Set<EntryRef>;
}

/** Harvest's last word plus every change not yet confirmed. */
export function shownEntries(ledger: LedgerReading, queued: readonly Intent[]): ShownEntries {
  const made = madeByQueuedCreates(ledger, queued);
  const confirmed =
    made.size === 0 ? ledger.entries : new Map([...ledger.entries].filter(([ref]) => !made.has(ref)));
  return applyIntents(confirmed, queued, ledger.ids, ledger.style.timestampTimers);
}

/**
 * Harvest entries that a queued create already made, its answer lost (a crash, a dropped connection). Until
 * the sender reconciles it, the queued change stands for that entry: otherwise the day shows it twice, once
 * stopped (a start replaces what runs) and open to an edit meant for the running one.
 */
function madeByQueuedCreates(ledger: LedgerReading, queued: readonly Intent[]): Set<EntryRef> {
  const made = new Set<EntryRef>();
  const mapped = new Set(ledger.ids.values());
  for (const intent of queued) {
    // Only a create that was sent, and that noted what Harvest held then, can have made one.
    if (!isCreate(intent) || !intent.sentAt || !intent.knownIds || ledger.ids.has(intent.localRef)) continue;
    const known = new Set<number>([...intent.knownIds, ...mapped]);
    const notes = intent.sentNotes ?? intent.notes;
    for (const e of ledger.entries.values()) {
      if (typeof e.ref !== 'number' || made.has(e.ref)) continue;
      if (mayHaveMade(intent, notes, { ...e, id: e.ref }, known)) {
        made.add(e.ref);
        break;
      }
    }
  }
  return made;
}

/** The shown day with what it and its week will bill, where the company rounds. */
function withBilled(day: ShownDay, all: LocalEntry[], pendingRefs: Set<EntryRef>): ShownDay {
  const billed = billedTotals(all, pendingRefs, day.date, day.week);
  return billed ? { ...day, billed } : day;
}

/** Any entry Sheaf knows (this week's, or a timer left running from earlier), as the popover shows it. */
export function entryIn(shown: ShownEntries, ref: EntryRef, ids: LedgerReading['ids']): EntryView | null {
  const found = shown.entries.get(resolveRef(ref, ids));
  return found ? toView(found, shown.pendingRefs.has(found.ref)) : null;
}

/**
 * What runs now, without sorting or summing the rest: of the running entries the newest made (on a tie the
 * first held), the same one the whole snapshot shows as running.
 */
export function runningIn(shown: ShownEntries): EntryView | null {
  let newest: LocalEntry | undefined;
  for (const e of shown.entries.values()) {
    if (e.runningSince && (!newest || e.createdAt.localeCompare(newest.createdAt) > 0)) newest = e;
  }
  return newest ? toView(newest, shown.pendingRefs.has(newest.ref)) : null;
}

export interface ViewInput {
  now: Date;
  ledger: Ledger;
  queued: readonly Intent[];
  setAside: readonly SetAside[];
  sync: SyncStatus;
}

export function timesheetView({ now, ledger, queued, setAside, sync }: ViewInput): TimerView {
  const { entries, pendingRefs } = shownEntries(ledger, queued);
  const today = localDate(now);
  const week = weekRange(now, ledger.weekStartDay);
  const all = [...entries.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const view = (e: LocalEntry) => toView(e, pendingRefs.has(e.ref));
  const running = all.find((e) => e.runningSince);
  const sum = (list: LocalEntry[]) => round(list.reduce((total, e) => total + e.hours, 0));
  return {
    running: running ? view(running) : null,
    today: { date: today, totalHours: sum(all.filter((e) => e.spentDate === today)) },
    week: {
      ...week,
      totalHours: sum(all.filter((e) => e.spentDate >= week.start && e.spentDate <= week.end)),
    },
    sync,
    // Nothing in the timesheet is shown as an error line: a refused command rejects, trouble sending shows on
    // the sync line, and a refused change in the list set aside.
    error: null,
    setAside: setAside.map((s) => ({
      id: s.id,
      summary: s.summary,
      reason: s.reason,
      canApplyElsewhere: s.entry !== null,
    })),
    assignmentsVersion: ledger.assignmentsVersion,
    timestampTimers: ledger.style.timestampTimers,
    clock: ledger.style.clock,
    day: withBilled(
      shownDay(all, view, ledger.shownDate ?? today, today, ledger.weekStartDay, ledger.readingWeek),
      all,
      pendingRefs,
    ),
    recent: recentPairs(all)
      .map((p) => ledger.option(p.projectId, p.taskId))
      .filter((o): o is AssignmentOption => o !== undefined),
  };
}
