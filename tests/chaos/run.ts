// The fault-injection suite: a scripted person drives Sheaf's core (in a child process) against the sandbox
// Harvest with injected 500s, 429s, latency, dropped connections and outages, and SIGKILLs the core now and
// then. At the end Harvest's entries are compared with a ledger of what the person was told was done.
// Prints `operations: N, kills: K, lost: 0, duplicated: 0, wrong duration: 0` and fails on any non-zero.
// Replay a failure with CHAOS_SEED=<seed printed>.
import { runScenario } from './scenario';

const seed = Number(process.env.CHAOS_SEED ?? Math.floor(Math.random() * 2 ** 31));
const operations = Number(process.env.CHAOS_OPERATIONS ?? 400);
console.log(`fault injection: seed ${seed} (replay with CHAOS_SEED=${seed})`);
const started = Date.now();
const results = [
  await runScenario(seed, operations, { timestamp: false, clock: '12h' }),
  await runScenario(seed + 1, Math.round(operations / 3), { timestamp: true, clock: '12h' }),
  // Harvest answers "14:30" here whatever was sent: a lost create must still be recognised by its minute.
  await runScenario(seed + 2, Math.round(operations / 3), { timestamp: true, clock: '24h' }),
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
  details: [...a.details, ...r.details],
}));
for (const d of total.details.slice(0, 20)) console.log(`  ${d}`);
console.log(
  `fault injection: duration account ${results[0]!.operations} ops, 12-hour timestamp account ${results[1]!.operations} ops, 24-hour timestamp account ${results[2]!.operations} ops, ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
console.log(
  `disk: ${total.diskPhases} full or read-only phases, ${total.refused} changes refused, shown but not saved: ${total.shownNotSaved}`,
);
console.log(
  `operations: ${total.operations}, kills: ${total.kills}, lost: ${total.lost}, duplicated: ${total.duplicated}, wrong duration: ${total.wrongDuration}, shown but not saved: ${total.shownNotSaved}`,
);
const failed =
  total.lost + total.duplicated + total.wrongDuration + total.shownNotSaved > 0 ||
  total.kills < 20 ||
  total.operations < 500 ||
  total.diskPhases < 3;
process.exit(failed ? 1 : 0);
