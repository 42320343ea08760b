// Checks, over seeded generated texts, that wall-clock.ts is the only reader of a time of day: the IPC contract,
// core, the sandbox and the form take and refuse exactly what readTime does, at the same minute; that writing
// then reading gives the same minute back; and that no other source file carries a time-of-day pattern.
// The seed is printed; TIME_SEED=<seed> replays a run exactly.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fromHarvest } from '../../electron/main/core/timesheet/entries';
import { readNewEntry } from '../../electron/sandbox/entry-input';
import type { TimeEntry } from '../../shared/harvest/schemas';
import { commands } from '../../shared/ipc';
import { momentOf, readTime, readTypedTime, spanHours, writeTime } from '../../shared/wall-clock';
import { timeEntry } from '../fixtures/scripted-harvest';
import { seededRandom } from '../fixtures/seeded-random';
import { timeTexts } from '../fixtures/time-texts';

const seed = Number(process.env.TIME_SEED ?? 20_260_308);
const texts = timeTexts(seededRandom(seed), 648);
const date = '2026-03-08';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-03-09T15:00:00Z'));
});
afterEach(() => vi.useRealTimers());

/** What each side makes of a text: minutes after midnight, or null for a refusal. */
const readers: Record<string, (text: string) => number | null> = {
  contract: (text) => {
    const input = { projectId: 1, taskId: 2, spentDate: date, startedTime: text, endedTime: '23:59' };
    return commands.addEntry.input.safeParse(input).success ? readTime(text) : null;
  },
  core: (text) => {
    const running = { is_running: true, spent_date: date, started_time: text, timer_started_at: null };
    const since = fromHarvest({ ...sampleEntry, ...running } as TimeEntry).runningSince;
    return spanHours(date, text, '23:59') === null || since === null ? null : readTime(text);
  },
  sandbox: (text) => {
    try {
      const body = { project_id: 1, task_id: 2, spent_date: date, started_time: text, ended_time: '23:59' };
      return readNewEntry(body).startedMinutes ?? null;
    } catch {
      return null;
    }
  },
};

describe(`generated times of day (seed ${seed})`, () => {
  it('are read the same way by the contract, core and the sandbox', () => {
    console.log(`wall-clock property seed ${seed}: TIME_SEED=${seed} replays this run`);
    const disagreements = texts.filter((text) =>
      Object.values(readers).some((read) => read(text) !== readTime(text)),
    );
    const readable = texts.filter((text) => readTime(text) !== null).length;
    console.log(`${texts.length} texts, ${readable} readable, ${disagreements.length} read differently`);
    expect(disagreements).toEqual([]);
  });

  it("are never read differently by the form, which only adds shorthands to Harvest's styles", () => {
    for (const text of texts) {
      const minutes = readTime(text);
      if (minutes === null) continue;
      expect(readTypedTime(text), text).toMatchObject({ ok: true, minutes });
    }
  });

  it('come back as the same minute once written in either clock (format after parse)', () => {
    for (const text of texts) {
      const minutes = readTime(text);
      if (minutes === null) continue;
      expect(readTime(writeTime(minutes, '12h')), text).toBe(minutes);
      expect(readTime(writeTime(minutes, '24h')), text).toBe(minutes);
    }
  });

  it('name the moment core anchors a running timer on', () => {
    for (const text of texts) {
      const minutes = readTime(text);
      if (minutes === null) continue;
      const entry = { ...sampleEntry, is_running: true, spent_date: date, started_time: text } as TimeEntry;
      expect(fromHarvest(entry).runningSince, text).toEqual(momentOf(date, minutes));
    }
  });
});

describe('every minute of the day', () => {
  it('is written and read back as itself on both clocks (parse after format)', () => {
    for (let minutes = 0; minutes < 24 * 60; minutes++) {
      for (const clock of ['12h', '24h'] as const) expect(readTime(writeTime(minutes, clock))).toBe(minutes);
    }
  });
});

describe('the source', () => {
  const roots = ['shared', 'electron', 'renderer/src'];
  const files = roots.flatMap((root) =>
    readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => join(root, f)),
  );

  it('reads a time of day in wall-clock.ts alone', () => {
    // An am/pm pattern, a date-fns time format or a clock read off a Date: the ways the old readers did it.
    const timeReading = /\[ap\]|'h:mm|getHours\(\)|getMinutes\(\)/;
    const readersFound = files.filter(
      (f) => f !== join('shared', 'wall-clock.ts') && timeReading.test(readFileSync(f, 'utf8')),
    );
    expect(files.length).toBeGreaterThan(50);
    expect(readersFound).toEqual([]);
  });
});

// Harvest's own shape of an entry (the scripted Harvest's), on the day the clocks go forward.
const sampleEntry = timeEntry(1, { spent_date: date, hours: 0, hours_without_timer: 0 });
