// Owns one seed of the simulation: the three account styles run on virtual time, and the seed's result line.
import { runEveryStyle, failedRun, type RunResult } from '../chaos/scenario';
import { openSimulatedWorld } from './world';

export interface SeedResult {
  seed: number;
  total: RunResult;
  failed: boolean;
  /** The line a seed ends with; the same seed prints the same line. */
  line: string;
}

export const defaultOperations = 300;

export async function simulateSeed(seed: number, operations = defaultOperations): Promise<SeedResult> {
  const { total } = await runEveryStyle(seed, operations, (s, setup) => openSimulatedWorld(s, setup));
  const line =
    `simulation: seed ${seed}, operations ${total.operations}, crashes ${total.kills}, disk phases ${total.diskPhases}, time away ${total.timeAway}, ` +
    `lost ${total.lost}, duplicated ${total.duplicated}, wrong duration ${total.wrongDuration}, shown but not saved ${total.shownNotSaved}`;
  return { seed, total, failed: failedRun(total), line };
}
