// Owns what the scripted person can ask of Sheaf's core and what they see of it: the operations (start, stop,
// resume, notes, add, edit, delete, the disk failing, settle), running one on a core app, and the summary of its
// state. The real-process suite (host.ts) and the deterministic simulation drive the core through it alike.
import type { SheafApp } from '../../electron/main/core/app';
import type { AppState, EntryView } from '../../shared/state';

export type Op =
  | { op: 'start'; projectId: number; taskId: number; notes: string }
  | { op: 'stop' }
  | { op: 'resume'; token: string }
  | { op: 'notes'; token: string; notes: string }
  | {
      op: 'add';
      projectId: number;
      taskId: number;
      notes: string;
      spentDate: string;
      hours?: number;
      startedTime?: string;
      endedTime?: string;
    }
  | { op: 'edit'; token: string; hours?: number; endedTime?: string }
  | { op: 'delete'; token: string }
  | { op: 'disk'; failing: string | null }
  | { op: 'settle' };

export interface Reply {
  id: number;
  ok: boolean;
  error?: string;
  state: Summary;
}

export interface Summary {
  signedIn: boolean;
  running: string | null;
  today: {
    token: string;
    spentDate: string;
    hours: number;
    isRunning: boolean;
    pending: boolean;
    startedTime: string | null;
  }[];
  pending: number;
  setAside: number;
  setAsideReasons: string[];
  assignments: { projectId: number; taskId: number }[];
}

const tokenOf = (e: EntryView) => e.notes.split(' ')[0] ?? '';

export function summary(app: SheafApp, s: AppState = app.getState()): Summary {
  return {
    signedIn: s.session.status === 'signed_in',
    running: s.running ? tokenOf(s.running) : null,
    today: s.day.entries.map((e) => ({
      token: tokenOf(e),
      spentDate: e.spentDate,
      hours: e.hours,
      isRunning: e.isRunning,
      pending: e.pending,
      startedTime: e.startedTime,
    })),
    pending: s.sync.pending,
    setAside: s.setAside.length,
    setAsideReasons: s.setAside.map((x) => `${x.summary}: ${x.reason}`),
    assignments: (app.commands.listAssignments(undefined) as { projectId: number; taskId: number }[]).map(
      (o) => ({
        projectId: o.projectId,
        taskId: o.taskId,
      }),
    ),
  };
}

function entryId(app: SheafApp, token: string) {
  const e = app.getState().day.entries.find((x) => tokenOf(x) === token);
  if (!e) throw new Error(`no entry ${token} today`);
  return e.id;
}

/** How the person's side waits between nudges while the core catches up (real time, or the simulation's). */
export interface Driving {
  /** Fills the disk or takes the right to write away (`failing` is the errno), or gives it back (null). */
  setDisk(failing: string | null): void;
  sleep(ms: number): Promise<void>;
}

export async function runOp(app: SheafApp, m: Op, driving: Driving): Promise<void> {
  const c = app.commands;
  switch (m.op) {
    case 'start':
      return c.startTimer({ projectId: m.projectId, taskId: m.taskId, notes: m.notes });
    case 'stop':
      return c.stopTimer(undefined);
    case 'resume':
      return c.restartEntry({ entryId: entryId(app, m.token) });
    case 'notes':
      return c.updateNotes({ entryId: entryId(app, m.token), notes: m.notes });
    case 'add': {
      const { op: _op, ...input } = m;
      return c.addEntry(input);
    }
    case 'edit':
      return c.editEntry({
        entryId: entryId(app, m.token),
        changes: m.hours !== undefined ? { hours: m.hours } : { endedTime: m.endedTime! },
      });
    case 'delete':
      return c.deleteEntry({ entryId: entryId(app, m.token) });
    case 'disk':
      driving.setDisk(m.failing);
      return;
    case 'settle':
      // Everything left is sent: nudge with refreshes until the outbox is empty.
      for (let i = 0; i < 200 && app.getState().sync.pending > 0; i++) {
        await c.refresh(undefined);
        await app.whenSynced();
        if (app.getState().sync.pending > 0) await driving.sleep(20);
      }
      return;
  }
}
