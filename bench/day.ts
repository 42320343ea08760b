// Owns the day figure's process: the simulated day (bench/day/day-process.ts) runs in a child of its own with
// --expose-gc, so heap and RSS are read after a full collection and nothing else of the bench is counted in them.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export function dayBench(): void {
  const script = fileURLToPath(new URL('./day/day-process.ts', import.meta.url));
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', script], { stdio: 'inherit' });
  if (run.status !== 0) console.log(`(the simulated day stopped early: exit ${run.status})`);
}
