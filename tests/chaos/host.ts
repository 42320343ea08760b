// The process the fault-injection suite kills: Sheaf's real core on a data directory, driven over the
// fork() channel by the scripted person in run.ts. Time comes from a file the person's side writes, so the
// core and the sandbox Harvest agree on "now" across kills.
import { createSimulatedIdleSource } from '../../electron/main/adapters/simulated-idle';
import { createSheafApp } from '../../electron/main/core/app';
import { startSandbox } from '../../electron/sandbox/server';
import { nodeDisk, setDisk } from '../../electron/main/core/storage/disk';
import { FaultyDisk } from '../fixtures/faulty-disk';
import { MemorySecrets } from '../fixtures/memory-secrets';
import { readClockFile } from './clock-file';
import { runOp, summary, type Op, type Reply } from './drive';

export type { Op, Reply, Summary } from './drive';

const env = process.env;
const clockFile = env.CHAOS_CLOCK_FILE!;
const clock = { now: () => readClockFile(clockFile) };
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.min(ms, 25)));

// The data folder's disk, through core's storage port: the person's side fills it up or takes away the right
// to write (ENOSPC, EACCES) for a few of their actions at a time, across kills too (CHAOS_DISK).
const disk = new FaultyDisk(nodeDisk, (file) => file.startsWith(env.CHAOS_DATA_DIR!));
disk.failing = env.CHAOS_DISK || null;
setDisk(disk);

const driving = {
  setDisk: (failing: string | null) => (disk.failing = failing),
  sleep: realSleep,
  // The process's own idle source: a kill forgets the time away, as a restarted Sheaf would ask nothing.
  idle: createSimulatedIdleSource(clock),
};

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
  desktop: { idle: driving.idle },
});

process.on('message', (raw) => {
  const { id, ...m } = raw as Op & { id: number };
  runOp(app, m as Op, driving).then(
    () => process.send!({ id, ok: true, state: summary(app) } satisfies Reply),
    (err: unknown) =>
      process.send!({ id, ok: false, error: String(err), state: summary(app) } satisfies Reply),
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
  state: summary(app),
} satisfies Reply);
