// The process the fault-injection suite kills: Sheaf's real core on a data directory, driven over the
// fork() channel by the scripted person in run.ts. Time comes from a file the person's side writes, so the
// core and the sandbox Harvest agree on "now" across kills.
import { readFileSync } from 'node:fs';
import { createSheafApp } from '../../electron/main/core/app';
import { startSandbox } from '../../electron/sandbox/server';
import { nodeDisk, setDisk } from '../../electron/main/core/disk';
import { FaultyDisk } from '../fixtures/faulty-disk';
import type { AppState, EntryView } from '../../shared/state';
import { MemorySecrets } from '../fixtures/memory-secrets';

const env = process.env;
const clockFile = env.CHAOS_CLOCK_FILE!;
const clock = { now: () => new Date(Number(readFileSync(clockFile, 'utf8'))) };
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.min(ms, 25)));

// The data folder's disk, through core's storage port: the person's side fills it up or takes away the right
// to write (ENOSPC, EACCES) for a few of their actions at a time, across kills too (CHAOS_DISK).
const disk = new FaultyDisk(nodeDisk, (file) => file.startsWith(env.CHAOS_DATA_DIR!));
disk.failing = env.CHAOS_DISK || null;
setDisk(disk);

const app = createSheafApp({
  env: {
    HARVEST_API_URL: env.CHAOS_API_URL,
    HARVEST_ACCESS_TOKEN: env.CHAOS_TOKEN,
    HARVEST_ACCOUNT_ID: env.CHAOS_ACCOUNT_ID,
  },
  dataDir: env.CHAOS_DATA_DIR!,
  secrets: new MemorySecrets(),
  fetch: (input, init) => fetch(input, init),
  clock,
  demo: { start: startSandbox },
  retryDelayMs: 20,
  log: env.CHAOS_DEBUG ? (line) => process.stderr.write(`[core ${process.pid}] ${line}\n`) : undefined,
  debug: Boolean(env.CHAOS_DEBUG),
  harvest: { sleep: realSleep, timeoutMs: 1500, maxRetries: 2 },
});

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

function summary(s: AppState): Summary {
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

function entryId(token: string) {
  const e = app.getState().day.entries.find((x) => tokenOf(x) === token);
  if (!e) throw new Error(`no entry ${token} today`);
  return e.id;
}

async function run(m: Op): Promise<void> {
  const c = app.commands;
  switch (m.op) {
    case 'start':
      return c.startTimer({ projectId: m.projectId, taskId: m.taskId, notes: m.notes });
    case 'stop':
      return c.stopTimer(undefined);
    case 'resume':
      return c.restartEntry({ entryId: entryId(m.token) });
    case 'notes':
      return c.updateNotes({ entryId: entryId(m.token), notes: m.notes });
    case 'add': {
      const { op: _op, ...input } = m;
      return c.addEntry(input);
    }
    case 'edit':
      return c.editEntry({
        entryId: entryId(m.token),
        changes: m.hours !== undefined ? { hours: m.hours } : { endedTime: m.endedTime! },
      });
    case 'delete':
      return c.deleteEntry({ entryId: entryId(m.token) });
    case 'disk':
      disk.failing = m.failing;
      return;
    case 'settle':
      // Everything left is sent: nudge with refreshes until the outbox is empty.
      for (let i = 0; i < 200 && app.getState().sync.pending > 0; i++) {
        await c.refresh(undefined);
        await app.whenSynced();
        if (app.getState().sync.pending > 0) await realSleep(20);
      }
      return;
  }
}

process.on('message', (raw) => {
  const { id, ...m } = raw as Op & { id: number };
  run(m as Op).then(
    () => process.send!({ id, ok: true, state: summary(app.getState()) } satisfies Reply),
    (err: unknown) =>
      process.send!({ id, ok: false, error: String(err), state: summary(app.getState()) } satisfies Reply),
  );
});

await app.start();
// Signed in from the environment; wait until the first load has the assignments.
for (
  let i = 0;
  i < 500 && (app.getState().session.status !== 'signed_in' || app.getState().assignmentsVersion === 0);
  i++
) {
  await realSleep(20);
}
process.send!({
  id: 0,
  ok: app.getState().session.status === 'signed_in',
  state: summary(app.getState()),
} satisfies Reply);
