// Owns one account's fault-injection run: the sandbox Harvest with its faults shaken before every action, the
// disk failing for a few actions at a time, the core killed at seeded moments, and the tally at the end.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'date-fns';
import { startSandbox, type Sandbox } from '../../electron/sandbox/server';
import { msPerMinute as minute } from '../../shared/elapsed';
import { FakeClock } from '../fixtures/fake-clock';
import { startCore } from './core';
import { compareWithHarvest, type Ledger } from './ledger';
import { nextAction, seededDice, type Account } from './person';

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
  details: string[];
}

export async function runScenario(seed: number, operations: number, account: Account): Promise<RunResult> {
  const { timestamp } = account;
  const dice = seededDice(seed);
  const { pickInt, chance } = dice;
  // Timestamp accounts keep one day (wall-clock times can't cross midnight); duration runs cross one.
  const start = timestamp ? new Date(2026, 10, 24, 7, 0) : new Date(2026, 10, 24, 9, 0);
  const clock = new FakeClock(start);
  const dir = mkdtempSync(join(tmpdir(), 'sheaf-chaos-'));
  const clockFile = join(dir, 'clock');
  const tick = (ms: number) => {
    clock.advance(ms);
    writeFileSync(clockFile, String(clock.now().getTime()));
  };
  tick(0);
  const sandbox: Sandbox = await startSandbox({
    clock,
    seed: 'empty',
    wantsTimestampTimers: timestamp,
    timeClock: account.clock,
    rateLimit: false,
  });
  const ledger: Ledger = new Map();
  let diskFailing: string | null = null;
  let diskOpsLeft = 0;
  let diskPhases = 0;
  let refused = 0;
  let shownNotSaved = 0;
  const details: string[] = [];

  const core = await startCore(
    () => ({
      CHAOS_CLOCK_FILE: clockFile,
      CHAOS_API_URL: sandbox.url,
      CHAOS_TOKEN: sandbox.token,
      CHAOS_ACCOUNT_ID: sandbox.accountId,
      CHAOS_DATA_DIR: join(dir, 'data'),
      CHAOS_DISK: diskFailing ?? '',
    }),
    () => ((clock.now().getTime() - start.getTime()) / minute).toFixed(0),
  );

  function shakeFaults() {
    const f = sandbox.faults;
    if (chance(0.08)) f.outage = !f.outage;
    if (chance(0.1)) f.add({ kind: 500, count: pickInt(1, 3) });
    if (chance(0.06)) f.add({ kind: 429, count: pickInt(1, 2) });
    if (chance(0.06)) f.add({ kind: 'drop-before', count: 1 });
    if (chance(0.08)) f.add({ kind: 'drop-after', count: 1, method: chance(0.5) ? 'POST' : undefined });
    f.latencyMs = chance(0.2) ? pickInt(0, 40) : 0;
  }

  const assignments = core.state.assignments;
  const killEvery = Math.max(2, Math.floor(operations / 12));
  const killPhase = pickInt(0, killEvery - 1);
  let done = 0;
  let attempts = 0;
  while (done < operations && attempts < operations * 20) {
    attempts++;
    tick(pickInt(1, timestamp ? 3 : 6) * minute);
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
    const now = clock.now().getTime();
    const today = format(clock.now(), 'yyyy-MM-dd');
    const token = `t${seed.toString(36)}-${done}`;
    const action = nextAction(dice, {
      account,
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
      console.log(`${((now - start.getTime()) / minute).toFixed(0)} ${JSON.stringify(op)} ${reply.ok}`);
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
      await new Promise((r) => setTimeout(r, pickInt(0, 30)));
      await core.kill();
    }
  }
  // The network and the disk come back for good; one more restart, then everything must reach Harvest.
  sandbox.faults.clear();
  diskFailing = null;
  await core.kill();
  // Time goes on while the core catches up (its request budget is 100 per 15 s of this clock, too).
  const passing = setInterval(() => tick(5_000), 20);
  const settled = await core.send({ op: 'settle' }).finally(() => clearInterval(passing));
  const end = clock.now().getTime();

  const { lost, duplicated, wrongDuration } = compareWithHarvest(ledger, sandbox, start, end, details);
  if (settled.state.pending > 0) details.push(`${settled.state.pending} changes still unsent at the end`);
  if (settled.state.setAside > 0)
    details.push(`${settled.state.setAside} changes set aside: ${settled.state.setAsideReasons.join('; ')}`);
  core.end();
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
  // A change still unsent, or set aside (Harvest refused it), did not reach Harvest: it counts as lost.
  const unsent = settled.state.pending + settled.state.setAside;
  return {
    operations: done,
    kills: core.kills,
    lost: lost + unsent,
    duplicated,
    wrongDuration,
    diskPhases,
    refused,
    shownNotSaved,
    details,
  };
}
