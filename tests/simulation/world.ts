// Owns the simulated World: the sandbox Harvest answering in-process, Sheaf's whole core in this process on a
// simulated disk and network, all on virtual time. A crash throws the process away (its timers, its memory,
// whatever it hadn't finished writing) and starts a new one on what the disk kept. Every choice comes from the
// seed, so a run replays exactly.
import { createSimulatedIdleSource } from '../../electron/main/adapters/simulated-idle';
import { createSheafApp, type SheafApp } from '../../electron/main/core/app';
import { setDisk } from '../../electron/main/core/disk';
import { createSandboxCore } from '../../electron/sandbox/responder';
import { MemorySecrets } from '../fixtures/memory-secrets';
import { seededRandom } from '../fixtures/seeded-random';
import type { Core } from '../chaos/core';
import { runOp, summary, type Op, type Reply, type Summary } from '../chaos/drive';
import type { World, WorldSetup } from '../chaos/scenario';
import { Platters, SimulatedDisk } from './disk';
import { simulatedFetch } from './network';
import { VirtualTime, settleMicrotasks } from './virtual-time';

/** How long the core may take over one action before the run calls it stuck. */
const answerWithinMs = 30 * 60_000;
const dataDir = '/simulated/sheaf';
const realPid = Object.getOwnPropertyDescriptor(process, 'pid')!;

/** Separate streams per concern, so a change in how often one is asked doesn't reshuffle the others. */
function streams(seed: number) {
  const stream = (salt: number) => seededRandom((seed ^ Math.imul(salt, 0x9e3779b1)) >>> 0);
  return { wire: stream(1), disk: stream(2), jitter: stream(3) };
}

export async function openSimulatedWorld(
  seed: number,
  { start, account, diskFailing }: WorldSetup,
): Promise<World> {
  const random = streams(seed);
  const time = new VirtualTime(start);
  time.install();
  const harvest = createSandboxCore({
    clock: time,
    seed: 'empty',
    wantsTimestampTimers: account.timestamp,
    timeClock: account.clock,
  });
  // Most calls are quick; now and then the wire or the disk is slow, so kills land in every gap.
  const wire = {
    latencyMs: () =>
      random.wire() < 0.1 ? 200 + Math.floor(random.wire() * 800) : 1 + Math.floor(random.wire() * 30),
  };
  const platters = new Platters();
  const diskLatency = () => Math.floor(random.disk() * 4);
  let disk = new SimulatedDisk(platters, diskLatency);
  // The OS keychain and the OS's idle time outlive the process.
  const secrets = new MemorySecrets();
  const idle = createSimulatedIdleSource(time);

  let app: SheafApp;
  let alive = { now: true };
  let state: Summary;
  let kills = 0;
  let nextId = 1;

  async function launch(): Promise<void> {
    const me = { now: true };
    alive = me;
    platters.failing = diskFailing();
    disk = new SimulatedDisk(platters, diskLatency);
    setDisk(disk);
    // Each process has its own pid, which core's change ids carry so two runs never mint the same id.
    Object.defineProperty(process, 'pid', { value: 4000 + kills, configurable: true });
    app = createSheafApp({
      env: {
        HARVEST_API_URL: 'http://harvest.simulated/v2',
        HARVEST_ACCESS_TOKEN: harvest.token,
        HARVEST_ACCOUNT_ID: harvest.accountId,
      },
      dataDir,
      secrets,
      fetch: simulatedFetch(harvest, wire, () => me.now),
      clock: time,
      harvest: { random: random.jitter },
      // A dead process hears nothing more from the OS.
      desktop: { idle: { idleSeconds: () => idle.idleSeconds(), on: (l) => idle.on((e) => me.now && l(e)) } },
      // SIM_DEBUG=1 prints the core's log on virtual time (it may show notes: a debugging aid only).
      log: process.env.SIM_DEBUG ? (line) => console.log(`[${time.now().toISOString()}] ${line}`) : undefined,
      debug: Boolean(process.env.SIM_DEBUG),
    });
    let started = false;
    void app.start().finally(() => (started = true));
    const ready = await time.until(
      () => started && app.getState().session.status === 'signed_in' && app.getState().assignmentsVersion > 0,
      answerWithinMs,
    );
    if (!ready) throw new Error(`the core did not sign in (${app.getState().session.status})`);
    state = summary(app);
  }

  const driving = {
    setDisk: (failing: string | null) => (platters.failing = failing),
    idle,
    // The settle loop's nudges: 20 ms of the real suite's wall clock is 5 s of its clock.
    sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms * 250)),
  };

  async function send(op: Op, withinMs = answerWithinMs): Promise<Reply> {
    const id = nextId++;
    let answer: { ok: boolean; error?: string } | null = null;
    void runOp(app, op, driving).then(
      () => (answer = { ok: true }),
      (err: unknown) => (answer = { ok: false, error: String(err) }),
    );
    if (!(await time.until(() => answer !== null, withinMs))) {
      const s = app.getState();
      throw new Error(
        `the core did not answer ${JSON.stringify(op)} in ${withinMs / 60_000} minutes ` +
          `(${s.sync.pending} changes waiting, sync: ${JSON.stringify(s.sync)}, timers: ${time.describe().join('; ')})` +
          (process.env.SIM_DEBUG
            ? `\n${[...platters.files].map(([f, t]) => `${f}:\n${t.slice(0, 3000)}`).join('\n')}`
            : ''),
      );
    }
    state = summary(app);
    return { id, ...answer!, state };
  }

  async function crash(): Promise<void> {
    alive.now = false;
    disk.crash();
    // What was already due runs into the dead disk and network, then the process's timers are gone.
    for (let i = 0; i < 3; i++) await settleMicrotasks();
    time.dropAll();
    kills++;
    await launch();
  }

  await launch();
  const core: Core = {
    get state() {
      return state;
    },
    get kills() {
      return kills;
    },
    send,
    kill: crash,
    end: () => {
      alive.now = false;
      disk.crash();
      time.dropAll();
    },
  };
  return {
    harvest,
    core,
    now: () => time.now(),
    pass: (ms) => time.advance(ms),
    pause: (ms) => time.advance(ms),
    // The settle loop nudges up to 200 times, 5 s apart, each nudge waiting out the backoff.
    settle: () => send({ op: 'settle' }, 6 * 3_600_000),
    close: async () => {
      core.end();
      harvest.close();
      await settleMicrotasks();
      time.uninstall();
      Object.defineProperty(process, 'pid', realPid);
    },
  };
}
