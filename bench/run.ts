// Owns `npm run bench`: runs each figure of issue 14 (and the older Node-only ones) and prints it beside its goal.
// `npm run bench -- --only keystrokes,open` runs some; a bench prints numbers and never fails on a missed goal.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchBuild, builtOutEnv } from './build';
import { bundleBench } from './bundle';
import { dayBench } from './day';
import { pickerFilterBench } from './picker-filter';
import { section } from './report';
import { sheafBench } from './sheaf';
import { simulationBench } from './simulation';
import { snapshotBench } from './snapshot';

/** A Chromium figure runs in a process of its own (bench/browser/main.ts), on the build this run made. */
const inChromium = (figure: string) => () => {
  const main = fileURLToPath(new URL('./browser/main.ts', import.meta.url));
  const env = { ...process.env, [builtOutEnv]: benchBuild() };
  const run = spawnSync(process.execPath, ['--import', 'tsx', main, figure], { stdio: 'inherit', env });
  if (run.status !== 0) console.log(`(the ${figure} figure stopped early: exit ${run.status})`);
};

const figures: Record<string, { title: string; run: () => void | Promise<void> }> = {
  filter: { title: 'picker filter in Node', run: pickerFilterBench },
  snapshot: { title: 'core snapshot', run: snapshotBench },
  keystrokes: { title: 'keystrokes in Chromium', run: inChromium('keystrokes') },
  open: { title: 'popover open', run: inChromium('open') },
  renders: { title: 'render counts', run: inChromium('renders') },
  day: { title: 'a day without growth', run: dayBench },
  bundle: { title: 'renderer bundle', run: bundleBench },
  simulation: { title: 'fault simulation, many seeds', run: simulationBench },
  sheaf: { title: 'the sheaf command', run: sheafBench },
};

const { values } = parseArgs({ options: { only: { type: 'string' } } });
const chosen = values.only ? values.only.split(',').map((s) => s.trim()) : Object.keys(figures);
const unknown = chosen.filter((name) => !(name in figures));
if (unknown.length > 0) {
  console.error(
    `bench: no figure called ${unknown.join(', ')}; choose from ${Object.keys(figures).join(', ')}`,
  );
  process.exit(2);
}
for (const name of chosen) {
  section(`${figures[name]!.title} (--only ${name})`);
  await figures[name]!.run();
}
