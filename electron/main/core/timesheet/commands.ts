// Owns the person's commands to the timesheet: each is checked against what Sheaf shows (the entry is still
// there and not locked, the project and task are assigned, the times are in order) and becomes an intent for
// the sync queue. A command resolves once its intent is saved and shown; sending happens behind.
import { undoDeleteMs } from '../../../../shared/rules';
import type { AssignmentOption, EntryReference, EntryView } from '../../../../shared/state';
import { linkFromAddress, startFromAddress } from './linked-work';
import { findOption } from './assignments';
import { localDate } from '../base/dates';
import { roundHours } from '../../../../shared/elapsed';
import { assignmentLabel } from '../../../../shared/labels';
import { endBeforeStart, spanHours, timesInOrder } from '../../../../shared/wall-clock';
import type { EntryRef, LocalEntry } from './entries';
import { NotAllowedError } from '../base/errors';
import type { Clock } from '../ports';
import { newestWorkedOn } from './days';
import { resolveRef, type CreateFields, type EntryChanges, type EntryNames, type Intent } from './intents';
import type { Ledger } from './ledger';
import type { SyncQueue } from './sync-queue';
import { runningIn, shownEntries, type ShownEntries } from './view';

const nothingToRestart = 'Nothing to restart yet: pick a project and task, then Start.';

/** What the person may change in an entry: its fields, and its link to the work by address. */
export type EntryEdit = Omit<EntryChanges, 'names' | 'reference'> & { workAddress?: string | null };

export class Commands {
  /** Numbers this run's intents and new entries, after the moment and the process. */
  private nextLocal = 1;

  constructor(
    private readonly clock: Clock,
    private readonly ledger: Ledger,
    private readonly queue: SyncQueue,
  ) {}

  /**
   * `at`: when the person really began (e.g. came back from being away), if not now. `workAddress`: the issue,
   * ticket or card the time is for; an address that names no work is kept in the notes instead.
   */
  async startTimer(input: {
    projectId: number;
    taskId: number;
    notes?: string;
    at?: Date;
    workAddress?: string;
    reference?: EntryReference | null;
  }): Promise<void> {
    const { reference, notes } = input.reference
      ? { reference: input.reference, notes: input.notes }
      : startFromAddress(input.workAddress, input.notes);
    const fields = this.createFields({ ...input, notes });
    await this.queue.enqueue({ kind: 'start', ...fields, ...(reference ? { reference } : {}) });
  }

  async stopTimer(): Promise<void> {
    const running = this.running();
    if (!running) return;
    await this.queue.enqueue({ kind: 'stop', id: this.newId(), at: this.nowIso(), ref: running.id });
  }

  /**
   * Stops `ref` as of `at` (idle start: the time away is not counted), through the same durable stop as Stop;
   * the sender puts Harvest's end back to `at`. False when `ref` no longer runs (stopped or replaced elsewhere).
   */
  async stopTimerAt(ref: EntryRef, at: Date): Promise<boolean> {
    const running = this.running();
    const ids = this.ledger.ids;
    if (!running || resolveRef(running.id, ids) !== resolveRef(ref, ids)) return false;
    const since = running.runningSince ? Date.parse(running.runningSince) : at.getTime();
    const when = Math.min(this.clock.now().getTime(), Math.max(at.getTime(), since));
    await this.queue.enqueue({
      kind: 'stop',
      id: this.newId(),
      at: new Date(when).toISOString(),
      ref: running.id,
    });
    return true;
  }

  /**
   * Stop what runs, else restart the entry worked on last: the newest entry of the first recent pair, the one
   * the tray lists first (a week stepped back to, or an entry made late for an earlier day, doesn't jump ahead).
   */
  async toggleTimer(): Promise<void> {
    if (this.running()) return this.stopTimer();
    const last = newestWorkedOn([...this.shown().entries.values()])[0];
    if (!last) throw new NotAllowedError(nothingToRestart);
    await this.restartEntry(last.ref);
  }

  /**
   * Today's entry continues (Harvest's restart); an older one becomes a new entry today with the same
   * project, task and notes. Timestamp accounts always get a new entry: one start/end pair per entry.
   */
  async restartEntry(ref: EntryRef): Promise<void> {
    const entry = this.existing(ref);
    if (entry.runningSince) return;
    await this.queue.enqueue(this.restartOf(entry));
  }

  /**
   * Restarts the entry worked on last, refused while a timer runs (`sheaf restart`: it restarts, never stops).
   * Both are decided in the outbox's turn, so a start saved just before this one is seen and refused, not
   * replaced. Returns the entry restarted.
   */
  async restartLast(): Promise<LocalEntry> {
    let last: LocalEntry | undefined;
    await this.queue.enqueueDecided(() => {
      const running = this.running();
      if (running)
        throw new NotAllowedError(`A timer is already running: ${assignmentLabel(running)}. Stop it first.`);
      last = newestWorkedOn([...this.shown().entries.values()])[0];
      if (!last) throw new NotAllowedError(nothingToRestart);
      return this.restartOf(last);
    }, 'start');
    return last!;
  }

  private restartOf(entry: LocalEntry): Intent {
    const today = localDate(this.clock.now());
    if (entry.spentDate === today && !this.ledger.style.timestampTimers && !entry.isLocked) {
      return { kind: 'restart', id: this.newId(), at: this.nowIso(), ref: entry.ref };
    }
    const { projectId, taskId, notes, reference } = entry;
    return {
      kind: 'start',
      ...this.createFields({ projectId, taskId, notes }),
      ...(reference ? { reference } : {}),
    };
  }

  async updateNotes(ref: EntryRef, notes: string): Promise<void> {
    const entry = this.editable(ref);
    await this.queue.enqueue({
      kind: 'updateNotes',
      id: this.newId(),
      at: this.nowIso(),
      ref: entry.ref,
      notes,
    });
  }

  /** Time added without a timer: hours, or a start and end on timestamp accounts. */
  async addEntry(input: {
    projectId: number;
    taskId: number;
    spentDate: string;
    hours?: number;
    startedTime?: string;
    endedTime?: string;
    notes?: string;
  }): Promise<void> {
    const fields = this.createFields(input);
    let hours = input.hours ?? 0;
    if (input.startedTime && input.endedTime) {
      const span = spanHours(input.spentDate, input.startedTime, input.endedTime);
      if (span === null) throw new NotAllowedError(endBeforeStart);
      hours = span;
    }
    await this.queue.enqueue({
      kind: 'add',
      ...fields,
      spentDate: input.spentDate,
      hours,
      startedTime: input.startedTime ?? null,
      endedTime: input.endedTime ?? null,
    });
  }

  /** `workAddress`: link the entry to other work, or (null) "Remove link". */
  async editEntry(ref: EntryRef, edit: EntryEdit): Promise<void> {
    const entry = this.editable(ref);
    const { workAddress, ...rest } = edit;
    const changes: Omit<EntryChanges, 'names'> =
      workAddress === undefined ? rest : { ...rest, reference: linkFromAddress(workAddress) };
    // The contract orders two new times; one new time is ordered against the entry's other (a running one has
    // no end yet), so a mistake is refused here rather than acknowledged and then refused by Harvest.
    const end = changes.endedTime ?? (entry.runningSince ? null : entry.endedTime);
    if (!timesInOrder(changes.startedTime ?? entry.startedTime, end))
      throw new NotAllowedError(endBeforeStart);
    let names: EntryNames | undefined;
    if (changes.projectId !== undefined || changes.taskId !== undefined) {
      names = namesOf(this.assigned(changes.projectId ?? entry.projectId, changes.taskId ?? entry.taskId));
    }
    await this.queue.enqueue({
      kind: 'edit',
      id: this.newId(),
      at: this.nowIso(),
      ref: entry.ref,
      changes: { ...changes, ...(names ? { names } : {}) },
    });
  }

  /**
   * `undoable`: the delete is saved at once (so a quit can't lose it, and the totals drop now) but waits
   * `undoDeleteMs` before it is sent, in which `undoDelete` takes it back.
   */
  async deleteEntry(ref: EntryRef, options: { undoable?: boolean } = {}): Promise<void> {
    const entry = this.editable(ref);
    const now = this.clock.now();
    await this.queue.enqueue({
      kind: 'delete',
      id: this.newId(),
      at: now.toISOString(),
      ref: entry.ref,
      ...(options.undoable ? { holdUntil: new Date(now.getTime() + undoDeleteMs).toISOString() } : {}),
    });
  }

  /** Takes back an undoable delete that hasn't left for Harvest yet: the entry shows again. */
  async undoDelete(ref: EntryRef): Promise<void> {
    const ids = this.ledger.ids;
    const target = resolveRef(ref, ids);
    const held = this.queue.waiting(
      (i) => i.kind === 'delete' && i.holdUntil !== undefined && resolveRef(i.ref, ids) === target,
    );
    if (!held) throw new NotAllowedError('Too late to undo: the entry has already been deleted in Harvest.');
    await this.queue.withdraw(held, 'The entry was not put back.');
  }

  /** A change Harvest refused: drop it, or redo it as a new entry today. */
  async resolveSetAside(id: string, action: 'discard' | 'applyElsewhere'): Promise<void> {
    const item = this.queue.setAside.find((s) => s.id === id);
    if (!item) return;
    if (action === 'applyElsewhere' && item.entry) {
      const e = item.entry;
      // A new finished entry today keeps the time and words the person had; the refused one stays as Harvest has it.
      await this.addEntry({
        projectId: e.projectId,
        taskId: e.taskId,
        notes: e.notes,
        spentDate: localDate(this.clock.now()),
        hours: roundHours(e.hours),
      });
    }
    await this.queue.discardSetAside(item, 'The change is still in the list.');
  }

  // ---- checks ----------------------------------------------------------------------------------

  /** The fields of a new entry for an assigned project/task (refused when it isn't among the assignments). */
  private createFields(input: {
    projectId: number;
    taskId: number;
    notes?: string;
    at?: Date;
  }): CreateFields {
    const option = this.assigned(input.projectId, input.taskId);
    return {
      id: this.newId(),
      at: input.at && input.at < this.clock.now() ? input.at.toISOString() : this.nowIso(),
      localRef: `local-${this.newId()}`,
      projectId: option.projectId,
      taskId: option.taskId,
      notes: input.notes?.trim() ?? '',
      names: namesOf(option),
    };
  }

  private assigned(projectId: number, taskId: number): AssignmentOption {
    const option = findOption(this.ledger.assignments, projectId, taskId);
    if (!option) {
      throw new NotAllowedError(
        "That project and task aren't among your Harvest assignments. Pick another one.",
      );
    }
    return option;
  }

  private existing(ref: EntryRef): LocalEntry {
    const entry = this.shown().entries.get(resolveRef(ref, this.ledger.ids));
    if (!entry) throw new NotAllowedError('That entry is no longer there. Refresh and try again.');
    return entry;
  }

  private editable(ref: EntryRef): LocalEntry {
    const entry = this.existing(ref);
    if (entry.isLocked) {
      // Submitted or approved: the reason already says why, in words.
      const why =
        entry.approval === 'unsubmitted'
          ? `This entry is locked: ${entry.lockedReason ?? 'locked in Harvest'}.`
          : `${entry.lockedReason}.`;
      throw new NotAllowedError(why);
    }
    return entry;
  }

  private shown(): ShownEntries {
    return shownEntries(this.ledger, this.queue.queued);
  }

  private running(): EntryView | null {
    return runningIn(this.shown());
  }

  private nowIso(): string {
    return this.clock.now().toISOString();
  }

  private newId(): string {
    return `${this.clock.now().getTime().toString(36)}-${process.pid.toString(36)}-${this.nextLocal++}`;
  }
}

function namesOf(o: AssignmentOption): EntryNames {
  return {
    clientName: o.clientName,
    projectName: o.projectName,
    projectCode: o.projectCode,
    taskName: o.taskName,
  };
}
