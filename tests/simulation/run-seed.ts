// Owns one seed of the simulation: the three account styles run on virtual time, and the seed's result line.
import { createHash } from 'node:crypto';
import { runEveryStyle, failedRun, type RunResult, type WorldSetup } from '../chaos/scenario';
import { restoreRealTime } from './virtual-time';
import { openSimulatedWorld } from './world';

const emptyResult = (detail: string): RunResult => ({
  operations: 0,
  kills: 0,
  lost: 0,
  duplicated: 0,
  wrongDuration: 0,
  diskPhases: 0,
  refused: 0,
  shownNotSaved: 0,
  timeAway: 0,
  details: [detail],
});

export interface SeedResult {
  seed: number;
  total: RunResult;
  failed: boolean;
  /** The line a seed ends with; the same seed prints the same line. */
  line: string;
  /** A digest of every request Harvest saw: the same seed gives the same one. */
  trace: string;
}

export const defaultOperations = 300;

export async function simulateSeed(seed: number, operations = defaultOperations): Promise<SeedResult> {
  let total: RunResult;
  // Every request Harvest saw, in order, with when and what: two runs of one seed must match to the byte.
  const trace = createHash('sha256');
  const open = async (s: number, setup: WorldSetup) => {
    const world = await openSimulatedWorld(s, setup);
    const close = world.close;
    world.close = async () => {
      for (const r of world.harvest.requestLog) trace.update(`${r.at} ${r.method} ${r.path} ${r.status}\n`);
      await close();
    };
    return world;
  };
  try {
    ({ total } = await runEveryStyle(seed, operations, open));
  } catch (err) {
    // A core that stops answering is a failure of its own, and the seed replays it like any other.
    restoreRealTime();
    const message = err instanceof Error ? err.message.split('\n')[0]! : String(err);
    return {
      seed,
      total: emptyResult(message),
      failed: true,
      line: `simulation: seed ${seed}, stopped: ${message}`,
    };
  }
  const line =
    `simulation: seed ${seed}, operations ${total.operations}, crashes ${total.kills}, disk phases ${total.diskPhases}, time away ${total.timeAway}, ` +
    `lost ${total.lost}, duplicated ${total.duplicated}, wrong duration ${total.wrongDuration}, shown but not saved ${total.shownNotSaved}`;
  return { seed, total, failed: failedRun(total), line, trace: trace.digest('hex') };
}
