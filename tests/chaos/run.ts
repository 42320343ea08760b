// The fault-injection smoke test: a scripted person drives Sheaf's core (in a child process, on real files)
// against the sandbox Harvest on loopback with injected 500s, 429s, latency, dropped connections and outages,
// and SIGKILLs the core now and then. At the end Harvest's entries are compared with a ledger of what the person
// was told was done. The deterministic simulation (tests/simulation) runs the same script on virtual time and
// replays; this suite keeps it honest with real processes, real files and real kills, so it can't replay.
// Prints `operations: N, kills: K, lost: 0, duplicated: 0, wrong duration: 0` and fails on any non-zero.
import { openProcessWorld } from './process-world';
import { writeRunReport } from './report';
import { failedRun, runEveryStyle } from './scenario';

const seed = Number(process.env.CHAOS_SEED ?? Math.floor(Math.random() * 2 ** 31));
// A smoke test beside the simulation: enough actions for a few dozen real kills, in about a minute.
const operations = Number(process.env.CHAOS_OPERATIONS ?? 240);
const reportFile = process.argv.includes('--report')
  ? process.argv[process.argv.indexOf('--report') + 1]
  : null;
console.log(`fault injection: seed ${seed} (real processes and real time: a seed does not replay exactly)`);
const started = Date.now();
const { total, perStyle } = await runEveryStyle(seed, operations, (_seed, setup) => openProcessWorld(setup));
for (const d of total.details.slice(0, 20)) console.log(`  ${d}`);
console.log(
  `fault injection: duration account ${perStyle[0]} ops, 12-hour timestamp account ${perStyle[1]} ops, 24-hour timestamp account ${perStyle[2]} ops, ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
console.log(
  `disk: ${total.diskPhases} full or read-only phases, ${total.refused} changes refused, shown but not saved: ${total.shownNotSaved}`,
);
console.log(
  `operations: ${total.operations}, kills: ${total.kills}, lost: ${total.lost}, duplicated: ${total.duplicated}, wrong duration: ${total.wrongDuration}, shown but not saved: ${total.shownNotSaved}`,
);
const failed = failedRun(total) || total.kills < 20 || total.operations < 300 || total.diskPhases < 3;
if (reportFile)
  writeRunReport(reportFile, 'fault injection', [
    {
      title: `fault injection: seed ${seed}, operations ${total.operations}, kills ${total.kills}, lost ${total.lost}, duplicated ${total.duplicated}, wrong duration ${total.wrongDuration}, shown but not saved ${total.shownNotSaved}`,
      failed,
    },
  ]);
process.exit(failed ? 1 : 0);
