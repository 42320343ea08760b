// Owns changes made "elsewhere" (the Harvest web app, a phone, an administrator) that the sandbox's back door
// writes straight into an account's store, without the API's refusals: archiving a project or task, and patching
// an entry's fields as another device would leave them.
import type { TimeEntry } from '../../shared/harvest/schemas';
import type { EntryRecord } from './account';
import type { SandboxStore } from './store';
import { isoStamp } from './time';

/** Archives a project assignment (Harvest: archiving the project) or one of its tasks; both stop taking time. */
export function archive(store: SandboxStore, projectId: number, taskId?: number): void {
  const project = store.index.project(projectId);
  const task = taskId === undefined ? undefined : project?.task_assignments.find((t) => t.task.id === taskId);
  if (!project || (taskId !== undefined && !task))
    throw new Error(`No assignment for project ${projectId}${taskId === undefined ? '' : ` task ${taskId}`}`);
  const target = task ?? project;
  target.is_active = false;
  target.updated_at = isoStamp(store.nowMs());
}

/** Another device's view of the world: writes fields directly, without Harvest's refusals. */
export function patchEntry(store: SandboxStore, id: number, patch: Partial<TimeEntry>): EntryRecord {
  const entry = store.find(id);
  const projectId = patch.project?.id ?? entry.projectId;
  const taskId = patch.task?.id ?? entry.taskId;
  if (!store.index.find(projectId, taskId))
    throw new Error(`No assignment for project ${projectId} task ${taskId}`);
  entry.projectId = projectId;
  entry.taskId = taskId;
  if (patch.spent_date !== undefined) entry.spentDate = patch.spent_date;
  if (patch.notes !== undefined) entry.notes = patch.notes;
  if (patch.is_locked !== undefined) entry.isLocked = patch.is_locked;
  if (patch.locked_reason !== undefined) entry.lockedReason = patch.locked_reason ?? null;
  if (patch.is_closed !== undefined) entry.isClosed = patch.is_closed;
  if (patch.is_billed !== undefined) entry.isBilled = patch.is_billed;
  if (patch.started_time !== undefined) entry.startedTime = patch.started_time ?? null;
  if (patch.ended_time !== undefined) entry.endedTime = patch.ended_time ?? null;
  if (patch.hours !== undefined) store.setHours(entry, patch.hours);
  if (patch.timer_started_at !== undefined) {
    entry.timerStartedMs = patch.timer_started_at === null ? null : Date.parse(patch.timer_started_at);
  }
  if (patch.is_running === false && entry.timerStartedMs !== null) store.halt(entry);
  if (patch.is_running === true && entry.timerStartedMs === null) store.startTimer(entry);
  return store.touch(entry);
}
