// The simulation's command (`npm run simulate`): `--seed N` runs one seed and ends with its result line;
// `--seeds K` runs K seeds (from a random first one, or `--from N`), prints seeds per second and every failing
// seed, and exits non-zero on any failure; `--ci` runs the fixed seeds plus a few random ones and writes a
// report the test command's closing line counts. `--operations N` sets the actions per seed.
import { parseArgs } from 'node:util';
import { writeRunReport } from '../chaos/report';
import { simulateSeed, type SeedResult } from './run-seed';

/** Seeds that once found a loss stay in CI for good, beside a few new random ones. */
export const fixedSeeds = [1, 2, 3, 11404, 61137379, 1535035715, 1241244171];

const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    seeds: { type: 'string' },
    from: { type: 'string' },
    operations: { type: 'string' },
    ci: { type: 'boolean' },
    random: { type: 'string' },
    report: { type: 'string' },
    verbose: { type: 'boolean' },
  },
});

const operations = values.operations ? Number(values.operations) : undefined;
const randomSeed = () => Math.floor(Math.random() * 2 ** 31);

function seedsToRun(): number[] {
  if (values.seed !== undefined) return [Number(values.seed)];
  if (values.ci) return [...fixedSeeds, ...Array.from({ length: Number(values.random ?? 3) }, randomSeed)];
  const from = values.from !== undefined ? Number(values.from) : randomSeed();
  return Array.from({ length: Number(values.seeds ?? 10) }, (_, i) => from + i * 3);
}

const seeds = seedsToRun();
const started = Date.now();
const results: SeedResult[] = [];
for (const seed of seeds) {
  const r = await simulateSeed(seed, operations);
  results.push(r);
  // A long run says how far it has come, so a stopped one still tells how many seeds it ran.
  if (seeds.length >= 50 && results.length % 25 === 0)
    console.log(
      `simulation: ${results.length} of ${seeds.length} seeds run, ${results.filter((x) => x.failed).length} failing`,
    );
  if (r.failed || values.verbose || values.ci || seeds.length === 1) {
    for (const d of r.total.details.slice(0, 20)) console.log(`  ${d}`);
    console.log(r.failed ? `${r.line}  FAILED: replay with npm run simulate -- --seed ${seed}` : r.line);
  }
}
const seconds = (Date.now() - started) / 1000;
const failing = results.filter((r) => r.failed);
const ops = results.reduce((n, r) => n + r.total.operations, 0);
if (seeds.length > 1)
  console.log(
    `simulation: ${seeds.length} seeds, ${ops} operations in ${seconds.toFixed(1)} s (${(seeds.length / seconds).toFixed(2)} seeds/s), ` +
      `${failing.length} failing${failing.length ? `: ${failing.map((r) => r.seed).join(' ')}` : ''}`,
  );
if (values.report)
  writeRunReport(
    values.report,
    'simulation',
    results.map((r) => ({ title: r.line, failed: r.failed })),
  );
process.exit(failing.length > 0 ? 1 : 0);
