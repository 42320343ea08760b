// Owns what the scripted person can ask of Sheaf's core and what they see of it: the operations (start, stop,
// resume, notes, add, edit, delete, the disk failing, settle), running one on a core app, and the summary of its
// state. The real-process suite (host.ts) and the deterministic simulation drive the core through it alike.
import type { SimulatedIdleSource } from '../../electron/main/adapters/simulated-idle';
import type { SheafApp } from '../../electron/main/core/app';
import type { AppState, EntryView } from '../../shared/state';

/** With several accounts: what a start does to a timer running in another account. */
type OtherAccount = { otherAccount?: 'stop' | 'keep' };

export type Op =
  | ({ op: 'start'; projectId: number; taskId: number; notes: string; workAddress?: string } & OtherAccount)
  | { op: 'stop' }
  | ({ op: 'resume'; token: string } & OtherAccount)
  | { op: 'switch'; accountId: string }
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
  /** Time away: the person leaves the computer, comes back, and answers the question if one is asked. */
  | { op: 'leave' }
  | { op: 'back' }
  | { op: 'answerIdle'; answer: 'keep' | 'discard' }
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
  /** The account shown, and every account signed in to. */
  activeAccountId: string | null;
  accountIds: string[];
  /** The question after time away: when Sheaf says the person left, and the entry it is about. */
  idleQuestion: { since: string; token: string | null } | null;
  /** The shown day's billed hours without running timers (null where Sheaf saw no rounding). */
  billed: { date: string; dayHours: number | null };
}

const tokenOf = (e: EntryView) => e.notes.split(' ')[0] ?? '';

const totalPending = (s: AppState) =>
  s.accounts.length > 0 ? s.accounts.reduce((n, a) => n + a.pending, 0) : s.sync.pending;

function tokenOfId(s: AppState, id: EntryView['id']): string | null {
  const e = s.day.entries.find((x) => x.id === id) ?? (s.running?.id === id ? s.running : null);
  return e ? tokenOf(e) : null;
}

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
    idleQuestion: s.desktop.idleQuestion && {
      since: s.desktop.idleQuestion.since,
      token: tokenOfId(s, s.desktop.idleQuestion.entryId),
    },
    activeAccountId: s.activeAccountId,
    accountIds: s.accounts.map((a) => a.id),
    billed: { date: s.day.date, dayHours: s.day.billed?.dayHours ?? null },
    // Every account's unsent changes, not only the shown one's.
    pending: totalPending(s),
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
  /** The computer's idle time, as the OS reports it. */
  idle: SimulatedIdleSource;
  sleep(ms: number): Promise<void>;
}

export async function runOp(app: SheafApp, m: Op, driving: Driving): Promise<void> {
  const c = app.commands;
  switch (m.op) {
    case 'start':
      return c.startTimer({
        projectId: m.projectId,
        taskId: m.taskId,
        notes: m.notes,
        ...(m.otherAccount ? { otherAccount: m.otherAccount } : {}),
        ...(m.workAddress ? { workAddress: m.workAddress } : {}),
      });
    case 'switch':
      return c.switchAccount({ accountId: m.accountId });
    case 'stop':
      return c.stopTimer(undefined);
    case 'resume':
      return c.restartEntry({
        entryId: entryId(app, m.token),
        ...(m.otherAccount ? { otherAccount: m.otherAccount } : {}),
      });
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
    case 'leave':
      driving.idle.away(0);
      return;
    case 'back':
      // The once-a-minute check would have seen the time away; a real-time host jumps its clock past it.
      app.desktop.check();
      driving.idle.back();
      return;
    case 'answerIdle':
      return c.answerIdle({ answer: m.answer });
    case 'settle':
      // Everything left is sent: nudge with refreshes until the outbox is empty.
      for (let i = 0; i < 200 && totalPending(app.getState()) > 0; i++) {
        await c.refresh(undefined);
        await app.whenSynced();
        if (totalPending(app.getState()) > 0) await driving.sleep(20);
      }
      return;
  }
}
