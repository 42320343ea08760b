// Owns the core snapshot figure: how long Timesheet.view() takes with 500 cached entries, and how big the
// state snapshot the popover receives is.
import { performance } from 'node:perf_hooks';
import type { CachedEntry } from '../electron/main/core/timesheet/entries';
import type { HarvestApi } from '../electron/main/core/harvest/api';
import { Timesheet } from '../electron/main/core/timesheet';
import { defaultPrefs } from '../shared/state';
import { sampleAppState } from '../tests/fixtures/app-state';
import { benchNow as now } from './account';
import { ms, stats } from './report';

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
      roundedHours: null,
      approval: 'unsubmitted' as const,
      reference: null,
      createdAt: new Date(2026, 10, day, 9 + (i % 8)).toISOString(),
    };
  });
}

export async function snapshotBench(): Promise<void> {
  const count = 500;
  // The snapshot never calls Harvest; an API that would throw proves it.
  const api = new Proxy({} as HarvestApi, {
    get: () => () => Promise.reject(new Error('bench: no Harvest')),
  });
  const timer = new Timesheet({
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
  for (let i = 0; i < 200; i++) {
    const start = performance.now();
    timer.view();
    samples.push(performance.now() - start);
  }
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
