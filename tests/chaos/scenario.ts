// Owns one fault run (one account, or two side by side), whoever hosts the core: the sandbox Harvest with its faults shaken before every
// action, the disk failing for a few actions at a time, the core killed at seeded moments, and the tally at the
// end. The real-process suite and the deterministic simulation each open their own World and share this script.
import { format } from 'date-fns';
import type { Faults, RequestLogEntry, SandboxAdmin } from '../../electron/sandbox/server';
import { msPerMinute as minute } from '../../shared/elapsed';
import type { Core } from './core';
import type { Reply } from './drive';
import { billedDifference, compareWithHarvest, type Ledger } from './ledger';
import { nextAction, seededDice, type Account } from './person';
import { walkAway, type AwayOutcome } from './time-away';

export interface RunResult {
  operations: number;
  kills: number;
  lost: number;
  duplicated: number;
  wrongDuration: number;
  /** Disk phases (full, or not writable), changes refused in them, and refused changes shown anyway. */
  diskPhases: number;
  refused: number;
  shownNotSaved: number;
  /** Times the person came back from time away and answered Sheaf's question. */
  timeAway: number;
  details: string[];
}

/** Where a run happens: a Harvest, a core to drive, and time that passes. */
export interface World {
  harvest: { faults: Faults; requestLog: RequestLogEntry[]; entries(): ReturnType<SandboxAdmin['entries']> };
  core: Core;
  now(): Date;
  /** The person's time passes between actions: the core's timers run meanwhile. */
  pass(ms: number): Promise<void>;
  /** A short moment before a kill, for the core to be halfway through sending. */
  pause(ms: number): Promise<void>;
  /** Everything left is sent, with time going on while the core catches up. */
  settle(): Promise<Reply>;
  close(): Promise<void>;
}

/** What a World needs to open: when the run starts, the account style, and whether the disk fails at launch. */
export interface WorldSetup {
  start: Date;
  account: Account;
  /** Read at every launch: what the disk is doing carries across kills. */
  diskFailing: () => string | null;
}

export async function runScenario(
  seed: number,
  operations: number,
  account: Account,
  open: (setup: WorldSetup) => Promise<World>,
): Promise<RunResult> {
  // Timestamp accounts keep one day (wall-clock times can't cross midnight), and so does a run that has one.
  const timestamp = account.timestamp || account.other?.timestamp === true;
  const dice = seededDice(seed);
  const { pickInt, chance } = dice;
  // Duration runs cross midnight.
  // A Tuesday; FAULT_RUN_DAY picks another (the day before the clocks change, say), in the process's zone.
  const [y, m, d] = (process.env.FAULT_RUN_DAY ?? '2026-11-24').split('-').map(Number) as [
    number,
    number,
    number,
  ];
  const start = new Date(y, m - 1, d, timestamp ? 7 : 9, 0);
  const ledger: Ledger = new Map();
  const awayAnswers: Record<AwayOutcome, number> = {
    kept: 0,
    discarded: 0,
    'not asked': 0,
    refused: 0,
    'wrong since': 0,
  };
  let wrongSince = 0;
  let diskFailing: string | null = null;
  let diskOpsLeft = 0;
  let diskPhases = 0;
  let refused = 0;
  let shownNotSaved = 0;
  const details: string[] = [];

  const world = await open({ start, account, diskFailing: () => diskFailing });
  const { core, harvest } = world;

  function shakeFaults() {
    const f = harvest.faults;
    if (chance(0.08)) f.outage = !f.outage;
    if (chance(0.1)) f.add({ kind: 500, count: pickInt(1, 3) });
    if (chance(0.06)) f.add({ kind: 429, count: pickInt(1, 2) });
    if (chance(0.06)) f.add({ kind: 'drop-before', count: 1 });
    if (chance(0.08)) f.add({ kind: 'drop-after', count: 1, method: chance(0.5) ? 'POST' : undefined });
    // Harvest never answers: the request times out, and whether it landed is unknown.
    if (chance(0.02)) f.add({ kind: 'hang', count: 1 });
    f.latencyMs = chance(0.2) ? pickInt(0, 40) : 0;
  }

  const assignments = core.state.assignments;
  const killEvery = Math.max(2, Math.floor(operations / 12));
  const killPhase = pickInt(0, killEvery - 1);
  let done = 0;
  let attempts = 0;
  while (done < operations && attempts < operations * 20) {
    attempts++;
    await world.pass(pickInt(1, timestamp ? 3 : 6) * minute);
    shakeFaults();
    // Now and then the disk fills up, or the folder turns read-only, for a few of the person's actions.
    if (diskFailing === null && chance(0.04)) {
      diskFailing = chance(0.5) ? 'ENOSPC' : 'EACCES';
      diskOpsLeft = pickInt(2, 6);
      diskPhases++;
      await core.send({ op: 'disk', failing: diskFailing });
    } else if (diskFailing !== null && --diskOpsLeft <= 0) {
      diskFailing = null;
      await core.send({ op: 'disk', failing: null });
    }
    const now = world.now().getTime();
    const today = format(world.now(), 'yyyy-MM-dd');
    const token = `t${seed.toString(36)}-${done}`;
    // Now and then the person walks away from a running timer, and answers the question when back.
    if (core.state.running && chance(0.04)) {
      const outcome = await walkAway(world, dice, ledger, details);
      awayAnswers[outcome]++;
      if (outcome === 'wrong since') wrongSince++;
      if (outcome === 'kept' || outcome === 'discarded') done++;
      continue;
    }
    const { activeAccountId, accountIds } = core.state;
    const severalAccounts = accountIds.length > 1;
    // With two accounts the person looks at the other one now and then, and works there.
    if (severalAccounts && chance(0.1)) {
      const other = accountIds.find((id) => id !== activeAccountId)!;
      await core.send({ op: 'switch', accountId: other });
      if (process.env.CHAOS_DEBUG === '2')
        console.log(`${((world.now().getTime() - start.getTime()) / minute).toFixed(0)} switch to ${other}`);
      continue;
    }
    const shownId = activeAccountId ?? '';
    const action = nextAction(dice, {
      account: shownId === accountIds[0] || !account.other ? account : account.other,
      accountId: shownId,
      severalAccounts,
      assignments,
      state: core.state,
      ledger,
      now,
      today,
      token,
      done,
    });
    if (action === null) continue;
    const { op, apply } = action;
    const reply = await core.send(op);
    if (process.env.CHAOS_DEBUG === '2')
      console.log(
        `${((now - start.getTime()) / minute).toFixed(0)} ${JSON.stringify(op)} ${reply.ok} shown ${reply.state.activeAccountId} running ${reply.state.running} kills ${core.kills}`,
      );
    if (!reply.ok && process.env.CHAOS_DEBUG) console.log(`refused ${op.op}: ${reply.error}`);
    if (diskFailing !== null) {
      // Saved, then shown, or refused and not shown: with nothing writable, a new entry must be refused,
      // and a refused one must not be on screen.
      const creates = op.op === 'start' || op.op === 'add';
      const onScreen = reply.state.running === token || reply.state.today.some((e) => e.token === token);
      if (reply.ok && creates) {
        shownNotSaved++;
        details.push(`${token}: ${op.op} acknowledged while the disk could not be written`);
      } else if (!reply.ok) {
        refused++;
        if (onScreen) {
          shownNotSaved++;
          details.push(`${token}: ${op.op} refused (${reply.error}) but shown`);
        }
      }
    }
    if (!reply.ok) continue; // Refused before it was acknowledged (e.g. yesterday's entry): not in the ledger.
    apply();
    done++;
    // Kill the core while it is sending what was just acknowledged: at least a dozen times per account,
    // at seeded moments, plus a few more by chance.
    if (done % killEvery === killPhase || chance(0.02)) {
      await world.pause(pickInt(0, 30));
      await core.kill();
    }
  }
  // The network and the disk come back for good; one more restart, then everything must reach Harvest.
  harvest.faults.clear();
  diskFailing = null;
  await core.kill();
  const settled = await world.settle();
  const end = world.now().getTime();

  const { lost, duplicated, wrongDuration } = compareWithHarvest(ledger, harvest, start, end, details);
  // With one account, every entry Harvest holds is the shown account's: its day's billed hours must agree.
  const billedWrong = account.other ? null : billedDifference(settled.state.billed, harvest.entries());
  if (billedWrong) details.push(billedWrong);
  if (settled.state.pending > 0) details.push(`${settled.state.pending} changes still unsent at the end`);
  if (settled.state.setAside > 0)
    details.push(`${settled.state.setAside} changes set aside: ${settled.state.setAsideReasons.join('; ')}`);
  await world.close();
  // A change still unsent, or set aside (Harvest refused it), did not reach Harvest: it counts as lost.
  const unsent = settled.state.pending + settled.state.setAside;
  return {
    operations: done,
    kills: core.kills,
    lost: lost + unsent,
    duplicated,
    wrongDuration: wrongDuration + wrongSince + (billedWrong ? 1 : 0),
    timeAway: awayAnswers.kept + awayAnswers.discarded,
    diskPhases,
    refused,
    shownNotSaved,
    details,
  };
}

/** The three account styles of one seed, and their sum: what a run's closing line reports. */
export interface StylesResult {
  total: RunResult;
  /** Operations per style: duration (12-hour), timestamp 12-hour, timestamp 24-hour, then two accounts. */
  perStyle: number[];
}

export async function runEveryStyle(
  seed: number,
  operations: number,
  open: (seedOfStyle: number, setup: WorldSetup) => Promise<World>,
  /** A fourth run signed in to two accounts at once (a duration one and a 24-hour start/end-time one). */
  severalAccounts = false,
): Promise<StylesResult> {
  const results = [
    await runScenario(seed, operations, { timestamp: false, clock: '12h' }, (w) => open(seed, w)),
    await runScenario(seed + 1, Math.round(operations / 3), { timestamp: true, clock: '12h' }, (w) =>
      open(seed + 1, w),
    ),
    // Harvest answers "14:30" here whatever was sent: a lost create must still be recognised by its minute.
    await runScenario(seed + 2, Math.round(operations / 3), { timestamp: true, clock: '24h' }, (w) =>
      open(seed + 2, w),
    ),
    ...(severalAccounts
      ? [
          await runScenario(
            seed + 3,
            Math.round(operations / 3),
            { timestamp: false, clock: '12h', other: { timestamp: true, clock: '24h' } },
            (w) => open(seed + 3, w),
          ),
        ]
      : []),
  ];
  const total = results.reduce((a, r) => ({
    operations: a.operations + r.operations,
    kills: a.kills + r.kills,
    lost: a.lost + r.lost,
    duplicated: a.duplicated + r.duplicated,
    wrongDuration: a.wrongDuration + r.wrongDuration,
    diskPhases: a.diskPhases + r.diskPhases,
    refused: a.refused + r.refused,
    shownNotSaved: a.shownNotSaved + r.shownNotSaved,
    timeAway: a.timeAway + r.timeAway,
    details: [...a.details, ...r.details],
  }));
  return { total, perStyle: results.map((r) => r.operations) };
}

/** Whether a run lost, duplicated or changed anything, or showed what it didn't save. */
export const failedRun = (r: RunResult): boolean =>
  r.lost + r.duplicated + r.wrongDuration + r.shownNotSaved > 0;
