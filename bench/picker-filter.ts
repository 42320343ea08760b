// Owns the Node-only picker figure: the renderer's own matcher over 20,000 pairs per keystroke (typing,
// erasing, pasting), without React or a browser, to tell matching time from rendering time.
import { performance } from 'node:perf_hooks';
import { toOptions } from '../electron/main/core/timesheet/assignments';
import { buildAccount } from '../electron/sandbox/seed';
import { createMatcher } from '../renderer/src/lib/match';
import { benchNow, largeAccount } from './account';
import { prefixes, typedQueries } from './queries';
import { ms, stats } from './report';

function time<T>(run: () => T): [T, number] {
  const start = performance.now();
  const value = run();
  return [value, performance.now() - start];
}

export function pickerFilterBench(): void {
  const account = buildAccount(largeAccount, benchNow, false);
  const pairs = toOptions(account.assignments);
  const [matcher, buildMs] = time(() => createMatcher(pairs));
  const typing: number[] = [];
  const erasing: number[] = [];
  let found = 0;
  // Warm the JIT the way a first few keystrokes would, outside the measurement.
  for (const q of ['zq', 'zqx', '']) matcher.search(q);
  // One matcher for the whole session, as in the popover; every query is new to it.
  for (const query of typedQueries) {
    const keystrokes = prefixes(query);
    for (const q of keystrokes) {
      const [result, took] = time(() => matcher.search(q));
      found += result.length;
      typing.push(took);
    }
    for (const q of [...keystrokes.slice(0, -1).reverse(), '']) {
      const [result, took] = time(() => matcher.search(q));
      found += result.length;
      erasing.push(took);
    }
  }
  const t = stats(typing);
  const e = stats(erasing);
  console.log(
    `picker filter, Node only (${pairs.length} pairs): median ${ms(t.median)}, p95 ${ms(t.p95)} ` +
      `(${typing.length} keystrokes typing ${typedQueries.length} queries, max ${ms(t.max)}, ${found} results listed)`,
  );
  console.log(
    `picker erasing a letter (${erasing.length} keystrokes): median ${ms(e.median)}, p95 ${ms(e.p95)}`,
  );
  console.log(`picker index build (${pairs.length} pairs, once per assignments list): ${ms(buildMs)}`);

  const cold: number[] = [];
  for (const query of typedQueries) {
    const fresh = createMatcher(pairs);
    cold.push(time(() => fresh.search(query))[1]);
  }
  const c = stats(cold);
  console.log(`picker whole query at once (pasted): median ${ms(c.median)}, max ${ms(c.max)}`);
}
