// Owns the simulated day, in a process of its own started with --expose-gc (bench/day.ts): core as the preview
// host builds it, signed in to a sandbox Harvest in a process of its own, on a clock the bench moves. Thousands of
// commands over 8 hours (switching pairs, notes, edits, stop and restart), a refresh every minute, then midnight;
// heap and RSS after the day against after a warm-up hour, and the timers core keeps when nothing happens.
import { mkdtemp, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Conf from 'conf';
import { goal } from '../report';
import { liveCoreTimers, watchCoreTimers, type LiveTimer } from './timers';

// Before core is loaded, so every timer it starts is seen.
watchCoreTimers();
const { createSheafApp } = await import('../../electron/main/core/app');
const { createSettingsStore } = await import('../../electron/main/adapters/settings-store');
const { createMemorySecretStore } = await import('../../electron/web/secrets');
const { addDays, localSpentDate } = await import('../../shared/calendar');

const minute = 60_000;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('bench/day: run with --expose-gc');

const sandbox = fork(fileURLToPath(new URL('./sandbox-process.ts', import.meta.url)), {
  execArgv: ['--expose-gc', '--import', 'tsx'],
});
/** The sandbox's next answer of `type` (it answers one message at a time, in order). */
async function answer<T>(type: string): Promise<T> {
  for (;;) {
    const [message] = (await once(sandbox, 'message')) as [{ type: string } & T];
    if (message.type === type) return message;
  }
}
const harvest = await answer<{ url: string; token: string; accountId: string }>('ready');

let nowMs = 0;
/** Moves the clock core and the sandbox share; the sandbox has it before core asks anything more. */
async function setNow(ms: number): Promise<void> {
  nowMs = ms;
  sandbox.send({ type: 'clock', now: ms });
  await answer('clock');
}
await setNow(new Date(2026, 10, 25, 9, 0, 0).getTime());
const dataDir = await mkdtemp(join(tmpdir(), 'sheaf-bench-day-'));
// As electron/web/server.ts puts it together, minus the page: the same core, settings in the data folder.
const app = createSheafApp({
  env: {
    HARVEST_API_URL: harvest.url,
    HARVEST_ACCESS_TOKEN: harvest.token,
    HARVEST_ACCOUNT_ID: harvest.accountId,
  },
  dataDir,
  secrets: createMemorySecretStore(),
  fetch: globalThis.fetch,
  clock: { now: () => new Date(nowMs) },
  log: () => {},
  desktop: {
    settingsStore: createSettingsStore({ dir: dataDir, open: (o) => new Conf(o) }),
    notifier: { show: () => {} },
  },
});
await app.start();
const c = app.commands;
const pairs = (await c.listAssignments()).slice(0, 40);
if (app.getState().session.status !== 'signed_in' || pairs.length === 0)
  throw new Error('bench/day: core did not sign in to the sandbox');

let commands = 0;
let refused = 0;
async function send(run: () => unknown): Promise<void> {
  commands++;
  try {
    await run();
  } catch {
    refused++;
  }
}

/** One simulated minute of a busy person: notes as they go, a new pair every 3 minutes, an edit, a restart. */
async function aMinute(m: number): Promise<void> {
  await setNow(nowMs + minute);
  const pair = pairs[Math.floor(m / 3) % pairs.length]!;
  if (m % 3 === 0) await send(() => c.startTimer({ projectId: pair.projectId, taskId: pair.taskId }));
  for (let n = 0; n < 3; n++) {
    const running = app.getState().running;
    if (running) await send(() => c.updateNotes({ entryId: running.id, notes: `Minute ${m}, note ${n}` }));
  }
  const done = app.getState().day.entries.filter((e) => !e.isRunning && !e.isLocked);
  const earlier = done[m % Math.max(1, done.length)];
  if (m % 5 === 4 && earlier)
    await send(() => c.editEntry({ entryId: earlier.id, changes: { notes: `Edited at minute ${m}` } }));
  if (m % 10 === 9 && earlier) {
    await send(() => c.stopTimer());
    await send(() => c.restartEntry({ entryId: earlier.id }));
  }
  if (m % 60 === 30) {
    const today = localSpentDate(new Date(nowMs));
    await send(() => c.showDay({ date: addDays(today, -1) }));
    await send(() => c.showDay({ date: today }));
  }
  await send(() => c.refresh());
  await app.whenSynced();
}

async function memory(): Promise<{ heap: number; rss: number; sandbox: number }> {
  sandbox.send({ type: 'memory' });
  const { heap: sandboxHeap } = await answer<{ heap: number }>('memory');
  for (let i = 0; i < 4; i++) {
    gc!();
    await new Promise((resolve) => setImmediate(resolve));
  }
  const { heapUsed, rss } = process.memoryUsage();
  return { heap: heapUsed, rss, sandbox: sandboxHeap };
}

/** Core's timers after a quiet moment (the cache save a second after a change has gone). */
async function atRest(): Promise<LiveTimer[]> {
  await app.whenSynced();
  await new Promise((resolve) => setTimeout(resolve, 1500));
  return liveCoreTimers();
}

function describeTimers(title: string, timers: LiveTimer[]): void {
  const every = (t: LiveTimer) =>
    `${t.kind === 'interval' ? 'every' : 'once in'} ${Math.round(t.ms / 1000)} s ${t.site}`;
  // A wake per period for an interval; a one-off timer wakes at most once in the minute.
  const perMinute = timers.reduce(
    (sum, t) => sum + (t.kind === 'interval' ? minute / t.ms : Math.min(1, minute / Math.max(t.ms, 1))),
    0,
  );
  console.log(`core timers at rest, ${title}: ${timers.map(every).join('; ') || 'none'}`);
  goal(`core wakes per minute at rest, ${title}:`, Math.round(perMinute * 10) / 10, '≤', 1);
}

const started = performance.now();
for (let m = 0; m < 60; m++) await aMinute(m);
const warm = await memory();
/** RSS at the end of each hour: a leak climbs hour after hour; warming up (code, heap reserve) levels off. */
const hourly: number[] = [];
for (let m = 60; m < 8 * 60; m++) {
  await aMinute(m);
  if (m % 60 === 59) hourly.push((await memory()).rss);
}
const runningTimers = await atRest();
await send(() => c.stopTimer());
// Midnight: the day turns over with the popover shut; core is asked to refresh either side of it.
await setNow(new Date(2026, 10, 25, 23, 59, 0).getTime());
await send(() => c.refresh());
await setNow(new Date(2026, 10, 26, 0, 0, 30).getTime());
await send(() => c.refresh());
await send(() => c.showDay({ date: localSpentDate(new Date(nowMs)) }));
await app.whenSynced();
const idleTimers = await atRest();
const after = await memory();
const seconds = (performance.now() - started) / 1000;

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
console.log(
  `a simulated day: ${commands} commands (${refused} refused) over 8 h with a refresh a minute, then midnight; ` +
    `${seconds.toFixed(0)} s of real time`,
);
console.log(
  `  after the warm-up hour: heap ${mb(warm.heap)} MB, RSS ${mb(warm.rss)} MB; ` +
    `after the day: heap ${mb(after.heap)} MB, RSS ${mb(after.rss)} MB`,
);
goal('heap growth over the day', mb(after.heap - warm.heap), '<', 5, 'MB');
goal('RSS growth over the day', mb(after.rss - warm.rss), '<', 5, 'MB');
console.log(`  RSS at the end of hours 2 to 8: ${hourly.map(mb).join(', ')} MB`);
console.log(
  `  (core's process alone: the sandbox, in its own, kept all day's entries; its heap went ${mb(warm.sandbox)} → ${mb(after.sandbox)} MB)`,
);
describeTimers('timer running', runningTimers);
describeTimers('no timer running', idleTimers);

await app.dispose({ waitForSyncMs: 0 });
sandbox.send({ type: 'close' });
await once(sandbox, 'exit');
await rm(dataDir, { recursive: true, force: true });
