// Owns reading time entry request bodies (POST and PATCH) into checked values, with Harvest's 422 wording.
import { toInt, toNumber, unprocessable } from './http';
import { minutesInOrder, readTime as readWallClock } from '../../shared/wall-clock';
import { normalizeDate } from './time';
import { readExternalReference, type ExternalReference } from './external-reference';

export interface NewEntry {
  projectId: number;
  taskId: number;
  spentDate: string;
  notes: string | null;
  hours: number | undefined;
  startedMinutes: number | undefined;
  endedMinutes: number | undefined;
  /** Harvest's rule: no hours (duration) or no ended_time (timestamps) starts a timer. */
  running: boolean;
  userId: number | undefined;
  externalReference: ExternalReference | null;
}

export interface EntryChanges {
  projectId?: number;
  taskId?: number;
  spentDate?: string;
  notes?: string | null;
  hours?: number;
  startedMinutes?: number;
  endedMinutes?: number;
  /** null removes the reference, as DELETE …/external_reference does. */
  externalReference?: ExternalReference | null;
}

class Problems {
  readonly list: string[] = [];
  add(message: string): void {
    this.list.push(message);
  }
  throwIfAny(): void {
    if (this.list.length > 0) throw unprocessable(this.list.join(', '));
  }
}

function readId(
  body: Record<string, unknown>,
  key: string,
  label: string,
  problems: Problems,
  required: boolean,
) {
  const value = toInt(body[key]);
  if (value === undefined) {
    if (required) problems.add(`${label} can't be blank`);
    return undefined;
  }
  if (Number.isNaN(value) || value <= 0) {
    problems.add(`${label} is invalid`);
    return undefined;
  }
  return value;
}

function readDate(body: Record<string, unknown>, problems: Problems, required: boolean) {
  const raw = body.spent_date;
  if (raw === undefined || raw === null || raw === '') {
    // Harvest says both of a blank date (tests/fixtures/harvest/recorded/error-422.json).
    if (required) problems.add("Spent date can't be blank, Spent date is not a valid date");
    return undefined;
  }
  const date = normalizeDate(raw);
  if (!date) problems.add('Spent date is not a valid date');
  return date ?? undefined;
}

function readHours(body: Record<string, unknown>, problems: Problems) {
  const hours = toNumber(body.hours);
  if (hours === undefined) return undefined;
  if (Number.isNaN(hours)) {
    problems.add('Hours is not a number');
    return undefined;
  }
  if (hours < 0 || hours > 24) {
    problems.add('Hours must be between 0 and 24');
    return undefined;
  }
  return hours;
}

function readTime(body: Record<string, unknown>, key: 'started_time' | 'ended_time', problems: Problems) {
  const raw = body[key];
  if (raw === undefined || raw === null || raw === '') return undefined;
  const minutes = typeof raw === 'string' ? readWallClock(raw) : null;
  if (minutes === null) {
    problems.add(
      `${key === 'started_time' ? 'Started' : 'Ended'} time is invalid (use a time like "8:00am")`,
    );
    return undefined;
  }
  return minutes;
}

function readNotes(body: Record<string, unknown>, problems: Problems): string | null | undefined {
  const raw = body.notes;
  if (raw === undefined) return undefined;
  if (raw === null || raw === '') return null;
  if (typeof raw !== 'string') {
    problems.add('Notes must be text');
    return undefined;
  }
  return raw;
}

function checkOrder(started: number | undefined, ended: number | undefined, problems: Problems) {
  if (started !== undefined && ended !== undefined && !minutesInOrder(started, ended)) {
    problems.add('Ended time must be after started time');
  }
}

/**
 * The body as Harvest reads it on an account of this style: start/end-time accounts ignore `hours`, duration
 * accounts ignore `started_time` / `ended_time` (so a POST with only hours on a timestamp account starts a
 * timer, and a PATCH {hours} there changes nothing). Ignored fields are not even validated. The admin back
 * door skips this: data made "elsewhere" may be in either style.
 */
export function forAccountStyle(
  body: Record<string, unknown>,
  timestampTimers: boolean,
): Record<string, unknown> {
  const ignored = timestampTimers ? ['hours'] : ['started_time', 'ended_time'];
  return Object.fromEntries(Object.entries(body).filter(([key]) => !ignored.includes(key)));
}

export function readNewEntry(body: Record<string, unknown>): NewEntry {
  const problems = new Problems();
  const projectId = readId(body, 'project_id', 'Project', problems, true);
  const taskId = readId(body, 'task_id', 'Task', problems, true);
  const userId = readId(body, 'user_id', 'User', problems, false);
  const spentDate = readDate(body, problems, true);
  const hours = readHours(body, problems);
  const startedMinutes = readTime(body, 'started_time', problems);
  const endedMinutes = readTime(body, 'ended_time', problems);
  const notes = readNotes(body, problems);
  const externalReference = readExternalReference(body, problems);
  if (endedMinutes !== undefined && startedMinutes === undefined) problems.add("Started time can't be blank");
  checkOrder(startedMinutes, endedMinutes, problems);
  problems.throwIfAny();
  return {
    projectId: projectId!,
    taskId: taskId!,
    spentDate: spentDate!,
    notes: notes ?? null,
    hours,
    startedMinutes,
    endedMinutes,
    running: hours === undefined && endedMinutes === undefined,
    userId,
    externalReference: externalReference ?? null,
  };
}

export function readEntryChanges(body: Record<string, unknown>): EntryChanges {
  const problems = new Problems();
  const changes: EntryChanges = {
    projectId: readId(body, 'project_id', 'Project', problems, false),
    taskId: readId(body, 'task_id', 'Task', problems, false),
    spentDate: readDate(body, problems, false),
    notes: readNotes(body, problems),
    hours: readHours(body, problems),
    startedMinutes: readTime(body, 'started_time', problems),
    endedMinutes: readTime(body, 'ended_time', problems),
    externalReference: readExternalReference(body, problems),
  };
  checkOrder(changes.startedMinutes, changes.endedMinutes, problems);
  problems.throwIfAny();
  return changes;
}
