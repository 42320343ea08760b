// Owns the simulated World: the sandbox Harvest answering in-process, Sheaf's whole core in this process on a
// simulated disk and network, all on virtual time. A crash throws the process away (its timers, its memory,
// whatever it hadn't finished writing) and starts a new one on what the disk kept. Every choice comes from the
// seed, so a run replays exactly.
import { createSimulatedIdleSource } from '../../electron/main/adapters/simulated-idle';
import { createSheafApp, type SheafApp } from '../../electron/main/core/app';
import { setDisk } from '../../electron/main/core/storage/disk';
import { createSandboxCore } from '../../electron/sandbox/responder';
import { MemorySecrets } from '../fixtures/memory-secrets';
import { seededRandom } from '../fixtures/seeded-random';
import type { Core } from '../chaos/core';
import { runOp, summary, type Op, type Reply, type Summary } from '../chaos/drive';
import type { AccountStyle } from '../chaos/person';
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
  return { wire: stream(1), disk: stream(2), jitter: stream(3), rounding: stream(4) };
}

export async function openSimulatedWorld(
  seed: number,
  { start, account, diskFailing }: WorldSetup,
): Promise<World> {
  const random = streams(seed);
  const time = new VirtualTime(start);
  time.install();
  const { other } = account;
  // Half the accounts round time as Harvest's Time Rounding does (billed hours differ from the hours tracked).
  const roundings = [
    false,
    false,
    false,
    { minutes: 15, mode: 'up' },
    { minutes: 6, mode: 'nearest' },
    { minutes: 30, mode: 'up' },
  ] as const;
  const roundingOf = () => roundings[Math.floor(random.rounding() * roundings.length)]!;
  const accountIn = (id: string, name: string, style: AccountStyle) => ({
    id,
    name,
    seed: 'empty' as const,
    wantsTimestampTimers: style.timestamp,
    timeClock: style.clock,
    timeRounding: roundingOf(),
  });
  // With `other`, the person has two Harvest accounts (one login) and signs in to both.
  const harvest = createSandboxCore({
    clock: time,
    ...(other
      ? { accounts: [accountIn('1000001', 'Agency', account), accountIn('1000002', 'Freelance', other)] }
      : accountIn('1000001', 'Agency', account)),
  });
  const url = 'http://harvest.simulated';
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

  /** Lets virtual time run until `work` settles: what it threw comes back as `error`; null if it never did. */
  async function outcomeOf(work: unknown, withinMs = answerWithinMs): Promise<{ error?: unknown } | null> {
    let outcome: { error?: unknown } | null = null;
    Promise.resolve(work).then(
      () => (outcome = {}),
      (error: unknown) => (outcome = { error }),
    );
    return (await time.until(() => outcome !== null, withinMs)) ? outcome : null;
  }

  /** `work`, done on virtual time; what it threw is thrown here. */
  async function settled(work: unknown, what: string): Promise<void> {
    const outcome = await outcomeOf(work);
    if (!outcome) throw new Error(`${what} never finished`);
    if ('error' in outcome) throw outcome.error;
  }

  async function launch(): Promise<void> {
    const me = { now: true };
    alive = me;
    platters.failing = diskFailing();
    disk = new SimulatedDisk(platters, diskLatency);
    setDisk(disk);
    // Each process has its own pid, which core's change ids carry so two runs never mint the same id.
    Object.defineProperty(process, 'pid', { value: 4000 + kills, configurable: true });
    app = createSheafApp({
      // One account comes from the environment; two are signed in to once, and kept in the keychain.
      env: other
        ? { HARVEST_API_URL: `${url}/v2`, HARVEST_ID_URL: `${url}/id` }
        : {
            HARVEST_API_URL: `${url}/v2`,
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
    await settled(app.start(), 'start');
    if (other && kills === 0) {
      await settled(app.commands.signIn({ token: harvest.token }), 'sign in');
      await settled(app.commands.chooseAccounts({ accountIds: harvest.accounts.map((a) => a.id) }), 'choose');
    }
    const ready = await time.until(() => {
      const s = app.getState();
      const all = !other || s.accounts.filter((a) => a.signedIn).length === 2;
      return s.session.status === 'signed_in' && s.assignmentsVersion > 0 && all;
    }, answerWithinMs);
    if (!ready) {
      const s = app.getState();
      throw new Error(
        `the core did not sign in after ${kills} crashes (${s.session.status}: ${s.error ?? s.notices.join('; ')})`,
      );
    }
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
    const outcome = await outcomeOf(runOp(app, op, driving), withinMs);
    if (!outcome) {
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
    const answer = 'error' in outcome ? { ok: false, error: String(outcome.error) } : { ok: true };
    return { id, ...answer, state };
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
    harvest: {
      faults: harvest.faults,
      requestLog: harvest.requestLog,
      entries: () => harvest.accounts.flatMap((a) => harvest.adminFor(a.id).entries()),
    },
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
