// Owns `npm run bench`: the picker's filtering time per keystroke over 20,000 project/task pairs (the
// renderer's own matcher, pairs from the sandbox's large-account generator) and the core's snapshot build time.
import { performance } from 'node:perf_hooks';
import { toOptions } from '../electron/main/core/assignments';
import type { CachedEntry } from '../electron/main/core/entries';
import type { HarvestApi } from '../electron/main/core/harvest/api';
import { TimerService } from '../electron/main/core/timesheet';
import { buildAccount } from '../electron/sandbox/seed';
import { createMatcher } from '../renderer/src/lib/match';
import { defaultPrefs } from '../shared/state';
import { sampleAppState } from '../tests/fixtures/app-state';

const now = new Date(2026, 10, 25, 10, 0, 0);

function stats(samples: number[]): { median: number; p95: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1]! };
}

const ms = (n: number) => `${n.toFixed(2)} ms`;

function time<T>(run: () => T): [T, number] {
  const start = performance.now();
  const value = run();
  return [value, performance.now() - start];
}

/** Each query typed a letter at a time, then erased a letter at a time, as a person corrects a typo. */
const typed = [
  'project 1234 design',
  'client 42 dev',
  'p-0777',
  'research',
  'dsgn',
  'quality assurance client 7',
  'xyz nothing matches',
  'meetings',
  'client 9 project 88',
  'supp',
  'writing 2001',
  'management',
  'cl 17 qa',
  'p-2400 research',
  'development client 250',
  'proj 5 meet',
];

function pickerBench(): void {
  const account = buildAccount({ projects: 2500, tasksPerProject: 8 }, now, false);
  const pairs = toOptions(account.assignments);
  const [matcher, buildMs] = time(() => createMatcher(pairs));
  const typing: number[] = [];
  const erasing: number[] = [];
  let found = 0;
  // Warm the JIT the way a first few keystrokes would, outside the measurement.
  for (const q of ['zq', 'zqx', '']) matcher.search(q);
  // One matcher for the whole session, as in the popover; every query is new to it.
  for (const query of typed) {
    const keystrokes = [...query].map((_, i) => query.slice(0, i + 1));
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
    `picker filter (${pairs.length} pairs): median ${ms(t.median)}, p95 ${ms(t.p95)} ` +
      `(${typing.length} keystrokes typing ${typed.length} queries, max ${ms(t.max)}, ${found} results listed)`,
  );
  console.log(
    `picker erasing a letter (${erasing.length} keystrokes): median ${ms(e.median)}, p95 ${ms(e.p95)}`,
  );
  console.log(`picker index build (${pairs.length} pairs, once per assignments list): ${ms(buildMs)}`);

  const cold: number[] = [];
  for (const query of typed) {
    const matcher = createMatcher(pairs);
    cold.push(time(() => matcher.search(query))[1]);
  }
  const c = stats(cold);
  console.log(`picker whole query at once (pasted): median ${ms(c.median)}, max ${ms(c.max)}`);
}

function entries(count: number): CachedEntry[] {
  return Array.from({ length: count }, (_, i) => {
    const day = 1 + (i % 28);
    return {
      ref: 900_000 + i,
      spentDate: `2026-11-${String(day).padStart(2, '0')}`,
      clientName: `Client ${i % 50}`,
      projectId: 5_000_001 + (i % 200),
      projectName: `Project ${i % 200}`,
      projectCode: null,
      taskId: 2001 + (i % 8),
      taskName: 'Development',
      notes: `Note ${i}`,
      hours: 0.25 + (i % 12) / 4,
      runningSince: null,
      startedTime: null,
      endedTime: null,
      isLocked: false,
      lockedReason: null,
      createdAt: new Date(2026, 10, day, 9 + (i % 8)).toISOString(),
    };
  });
}

async function snapshotBench(): Promise<void> {
  const count = 500;
  // The snapshot never calls Harvest; an API that would throw proves it.
  const api = new Proxy({} as HarvestApi, {
    get: () => () => Promise.reject(new Error('bench: no Harvest')),
  });
  const timer = new TimerService({
    api,
    clock: { now: () => now },
    userId: 1,
    timestampTimers: false,
    clockStyle: '12h',
    weekStartDay: 'Monday',
    learnTimerStyle: false,
    onChange: () => undefined,
    onUnauthorized: () => undefined,
  });
  await timer.restore({ savedAt: now.toISOString(), assignments: [], entries: entries(count) });
  const samples: number[] = [];
  for (let i = 0; i < 200; i++) samples.push(time(() => timer.view())[1]);
  const s = stats(samples);
  console.log(`core state snapshot (${count} entries): median ${ms(s.median)}, p95 ${ms(s.p95)}`);
  timer.dispose();

  const state = sampleAppState(
    { today: '2026-11-25', weekStart: '2026-11-23', weekEnd: '2026-11-29' },
    { prefs: { ...defaultPrefs, timeFormat: 'decimal' } },
  );
  const json = JSON.stringify({ ...state, ...timer.view() });
  console.log(`state snapshot size (${count} entries loaded): ${(json.length / 1024).toFixed(1)} KiB`);
}

pickerBench();
await snapshotBench();
