// Owns the sandbox account's state and every rule Harvest applies to time entries: one running timer per user,
// both timer styles, times in the company's clock, locked/closed entries refusing changes, archived projects
// refusing deletes, updated_at bumped on every change.
import type { Clock } from '../../shared/clock';
import type { TimeEntry } from '../../shared/harvest/schemas';
export type { EntryFilter } from './entry-filter';
import { AssignmentIndex, type EntryRecord, type SandboxAccount } from './account';
import type { EntryChanges, NewEntry } from './entry-input';
import { entryView, hoursAt } from './entry-view';
import { forbidden, notFound, unprocessable } from './http';
import type { ClockStyle } from '../../shared/harvest/schemas';
import {
  minuteOfDayAt,
  minutesInOrder,
  minutesSpanHours,
  momentOf,
  readTime,
  restyle,
  timeAt,
  writeTime,
} from '../../shared/wall-clock';
import { localDate, round2 } from './time';
import { matchesFilter, type EntryFilter } from './entry-filter';

export const FIRST_ENTRY_ID = 7_000_000_001;

/** Newest spent_date first, then newest created first, the order Harvest lists entries in. */
function harvestOrder(a: EntryRecord, b: EntryRecord): number {
  if (a.spentDate !== b.spentDate) return a.spentDate < b.spentDate ? 1 : -1;
  return b.createdMs - a.createdMs || b.id - a.id;
}

export class SandboxStore {
  readonly index: AssignmentIndex;
  private readonly records: EntryRecord[];
  private nextId: number;

  /** firstEntryId: entry ids are unique across Harvest accounts, so each account's store numbers its own range. */
  constructor(
    readonly account: SandboxAccount,
    private readonly clock: Clock,
    firstEntryId = FIRST_ENTRY_ID,
  ) {
    this.nextId = firstEntryId;
    this.index = new AssignmentIndex(account.assignments);
    this.records = account.entries;
    for (const record of [...this.records].sort((a, b) => a.createdMs - b.createdMs))
      record.id = this.nextId++;
  }

  nowMs(): number {
    return this.clock.now().getTime();
  }

  get wantsTimestampTimers(): boolean {
    return this.account.company.wants_timestamp_timers;
  }

  /** The company's clock, read on every write and every answer, so a clock switched mid-test applies at once. */
  private get companyClock(): ClockStyle {
    return this.account.company.clock;
  }

  private time(minutes: number): string {
    return writeTime(minutes, this.companyClock);
  }

  // Times and their hours are read in this process's zone, like the sandbox's spent dates (see time.ts).
  private timeOf(d: Date): string {
    return timeAt(d, this.companyClock);
  }

  /** Hours from one minute of a spent date to a later one, the way every side counts them (DST days included). */
  private spanHours(spentDate: string, from: number, to: number): number {
    return minutesSpanHours(spentDate, from, to);
  }

  /** Times always go out in the company's clock, whatever style was stored (seeds, admin patches, a switch). */
  view(entry: EntryRecord): TimeEntry {
    const view = entryView(entry, this.account, this.index, this.nowMs());
    return {
      ...view,
      started_time: view.started_time == null ? null : restyle(view.started_time, this.companyClock),
      ended_time: view.ended_time == null ? null : restyle(view.ended_time, this.companyClock),
    };
  }

  all(): EntryRecord[] {
    return [...this.records].sort(harvestOrder);
  }

  list(filter: EntryFilter): EntryRecord[] {
    if (filter.userId !== undefined && filter.userId !== this.account.user.id) return [];
    return this.all().filter((e) => matchesFilter(e, filter, this.index));
  }

  find(id: number): EntryRecord {
    const entry = this.records.find((e) => e.id === id);
    if (!entry) throw notFound();
    return entry;
  }

  running(): EntryRecord | undefined {
    return this.records.find((e) => e.timerStartedMs !== null);
  }

  /** Only projects and tasks in the user's active assignments take time, as in Harvest. */
  private checkTrackable(projectId: number, taskId: number): void {
    const project = this.index.project(projectId);
    if (!project || !project.is_active)
      throw unprocessable("Project can't be blank, Project is not assigned to you");
    const task = project.task_assignments.find((t) => t.task.id === taskId);
    if (!task || !task.is_active)
      throw unprocessable("Task can't be blank, Task is not assigned to this project");
  }

  private refuseIfFrozen(entry: EntryRecord): void {
    if (entry.isLocked) {
      throw unprocessable(
        `This time entry is locked: ${entry.lockedReason ?? 'Locked for this time period'}`,
      );
    }
    if (entry.isClosed) throw unprocessable("This time entry has been approved and can't be changed");
    if (entry.isSubmitted)
      throw unprocessable("This time entry has been submitted for approval and can't be changed");
  }

  touch(entry: EntryRecord): EntryRecord {
    entry.updatedMs = this.nowMs();
    return entry;
  }

  /** Stops the timer in place: hours become what ran, and timestamp entries get an ended_time. */
  halt(entry: EntryRecord): void {
    const now = this.clock.now();
    entry.baseHours = hoursAt(entry, now.getTime());
    entry.timerStartedMs = null;
    if (entry.startedTime !== null || this.wantsTimestampTimers) {
      entry.startedTime ??= this.timeOf(now);
      entry.endedTime = this.timeOf(now);
    }
    this.touch(entry);
  }

  private stopOthers(except?: EntryRecord): void {
    for (const other of this.records) if (other !== except && other.timerStartedMs !== null) this.halt(other);
  }

  /** A timer that began at a wall-clock time today counts from then; never from the future. */
  private timerStartFor(spentDate: string, startedMinutes: number | undefined): number {
    const now = this.nowMs();
    return startedMinutes === undefined ? now : Math.min(now, momentOf(spentDate, startedMinutes).getTime());
  }

  create(input: NewEntry, options: { skipAssignmentCheck?: boolean } = {}): EntryRecord {
    if (input.userId !== undefined && input.userId !== this.account.user.id) throw forbidden();
    if (options.skipAssignmentCheck) {
      if (!this.index.find(input.projectId, input.taskId))
        throw unprocessable("Project can't be blank, Task can't be blank");
    } else {
      this.checkTrackable(input.projectId, input.taskId);
    }
    const now = this.clock.now();
    const nowMs = now.getTime();
    const timestamps =
      input.startedMinutes !== undefined || (input.hours === undefined && this.wantsTimestampTimers);
    const startedMinutes = input.startedMinutes ?? (timestamps ? minuteOfDayAt(now) : undefined);
    let endedMinutes = input.endedMinutes;
    let baseHours = input.hours ?? 0;
    if (!input.running && startedMinutes !== undefined) {
      if (endedMinutes === undefined) endedMinutes = startedMinutes + Math.round(baseHours * 60);
      else baseHours = this.spanHours(input.spentDate, startedMinutes, endedMinutes);
    }
    if (input.running) this.stopOthers();
    const entry: EntryRecord = {
      id: this.nextId++,
      spentDate: input.spentDate,
      projectId: input.projectId,
      taskId: input.taskId,
      baseHours: round2(baseHours),
      timerStartedMs: input.running ? this.timerStartFor(input.spentDate, input.startedMinutes) : null,
      startedTime: startedMinutes === undefined ? null : this.time(startedMinutes),
      endedTime: input.running || endedMinutes === undefined ? null : this.time(endedMinutes),
      notes: input.notes,
      isLocked: false,
      lockedReason: null,
      isClosed: false,
      isSubmitted: false,
      isBilled: false,
      externalReference: input.externalReference,
      createdMs: nowMs,
      updatedMs: nowMs,
    };
    this.records.push(entry);
    return entry;
  }

  update(id: number, changes: EntryChanges): EntryRecord {
    const entry = this.find(id);
    this.refuseIfFrozen(entry);
    // Like Rails, a PATCH that changes nothing (e.g. {hours} on a start/end-time account) leaves updated_at.
    const before = JSON.stringify(entry);
    const projectId = changes.projectId ?? entry.projectId;
    const taskId = changes.taskId ?? entry.taskId;
    if (changes.projectId !== undefined || changes.taskId !== undefined)
      this.checkTrackable(projectId, taskId);
    entry.projectId = projectId;
    entry.taskId = taskId;
    if (changes.spentDate !== undefined) entry.spentDate = changes.spentDate;
    if (changes.notes !== undefined) entry.notes = changes.notes;
    if (changes.externalReference !== undefined) entry.externalReference = changes.externalReference;
    if (changes.hours !== undefined) this.setHours(entry, changes.hours);
    if (changes.startedMinutes !== undefined || changes.endedMinutes !== undefined) {
      this.setTimes(entry, changes.startedMinutes, changes.endedMinutes);
    }
    return JSON.stringify(entry) === before ? entry : this.touch(entry);
  }

  setHours(entry: EntryRecord, hours: number): void {
    entry.baseHours = round2(hours);
    // A running timer keeps running on top of the corrected hours.
    if (entry.timerStartedMs !== null) entry.timerStartedMs = this.nowMs();
    else if (entry.startedTime !== null) {
      const start = this.minutesOf(entry.startedTime);
      entry.endedTime = this.time(start + Math.round(hours * 60));
    }
  }

  private minutesOf(time: string): number {
    return readTime(time) ?? 0;
  }

  private setTimes(entry: EntryRecord, started: number | undefined, ended: number | undefined): void {
    if (started !== undefined) entry.startedTime = this.time(started);
    const start = entry.startedTime === null ? undefined : this.minutesOf(entry.startedTime);
    if (ended !== undefined && start !== undefined && !minutesInOrder(start, ended)) {
      throw unprocessable('Ended time must be after started time');
    }
    if (entry.timerStartedMs !== null && ended === undefined) {
      entry.baseHours = 0;
      entry.timerStartedMs = this.timerStartFor(entry.spentDate, start);
      return;
    }
    if (ended !== undefined) {
      entry.endedTime = this.time(ended);
      entry.timerStartedMs = null;
    }
    if (start !== undefined && entry.endedTime !== null) {
      entry.baseHours = round2(this.spanHours(entry.spentDate, start, this.minutesOf(entry.endedTime)));
    }
  }

  stop(id: number): EntryRecord {
    const entry = this.find(id);
    this.refuseIfFrozen(entry);
    if (entry.timerStartedMs === null) throw unprocessable('This time entry is not running');
    this.halt(entry);
    return entry;
  }

  /**
   * Duration accounts restart in place. Start/end-time accounts answer with a NEW entry running from now, today,
   * for the same project, task and notes, and leave the old one as it was: the docs' restart example asks for
   * 662202797 and answers 662204379 (one entry keeps one start and one end time).
   */
  restart(id: number): EntryRecord {
    const entry = this.find(id);
    this.refuseIfFrozen(entry);
    if (entry.timerStartedMs !== null) throw unprocessable('This time entry is already running');
    if (!this.wantsTimestampTimers) {
      this.startTimer(entry);
      return entry;
    }
    // No started_time: create() starts it at the wall clock and the timer at this very instant.
    return this.create({
      projectId: entry.projectId,
      taskId: entry.taskId,
      spentDate: localDate(this.clock.now()),
      notes: entry.notes,
      hours: undefined,
      startedMinutes: undefined,
      endedMinutes: undefined,
      running: true,
      userId: undefined,
      externalReference: entry.externalReference,
    });
  }

  startTimer(entry: EntryRecord): void {
    this.stopOthers(entry);
    const now = this.clock.now();
    entry.timerStartedMs = now.getTime();
    entry.endedTime = null;
    if (entry.startedTime === null && this.wantsTimestampTimers) entry.startedTime = this.timeOf(now);
    this.touch(entry);
  }

  /**
   * Harvest's rule: "Deleting a time entry is only possible if it's not closed and the associated project and
   * task haven't been archived." Answers the entry as it was (recorded DELETEs answer 200 with its JSON). The
   * wording follows Harvest's recorded refusal of a client delete ("This client is not removable. It still has
   * projects and/or invoices.", fastruby/harvesting's Harvesting_Client_delete cassette).
   */
  remove(id: number): TimeEntry {
    const entry = this.find(id);
    // "However, Admins can delete closed entries" (Time Entries page); a lock (an invoice) still holds.
    const adminMayDelete = entry.isClosed && !entry.isLocked && this.account.role === 'administrator';
    if (!adminMayDelete) this.refuseIfFrozen(entry);
    const found = this.index.find(entry.projectId, entry.taskId);
    if (found && !found.project.is_active)
      throw unprocessable('This time entry is not removable. Its project has been archived.');
    if (found && !found.task.is_active)
      throw unprocessable('This time entry is not removable. Its task has been archived.');
    const gone = this.view(entry);
    this.forget(id);
    return gone;
  }

  /** Deletes without Harvest's refusals (an admin in the web app can). */
  forget(id: number): void {
    this.records.splice(this.records.indexOf(this.find(id)), 1);
  }
}
