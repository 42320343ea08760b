// Owns the fault simulation's long run for `npm run bench`: many seeds in a process of its own, printing seeds
// per second and every failing seed (each replays with `npm run simulate -- --seed N`). CI runs only a few.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Seeds the bench runs; BENCH_SIMULATION_SEEDS sets another number. */
const seeds = Number(process.env.BENCH_SIMULATION_SEEDS ?? 100);

export function simulationBench(): void {
  const cli = fileURLToPath(new URL('../tests/simulation/cli.ts', import.meta.url));
  const run = spawnSync(process.execPath, ['--import', 'tsx', cli, '--seeds', String(seeds)], {
    stdio: 'inherit',
  });
  if (run.status !== 0) console.log('(the simulation found a failing seed: see the lines above)');
}
