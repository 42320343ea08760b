// Checks that every path counting hours from two times gives the same number for the same two times, date and
// zone: the view (an edit applied before Harvest answers), an added entry, the hours an edit sends to Harvest,
// and the sandbox standing in for Harvest. Runs in the process zone; scripts/time-zones.sh varies it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Ledger } from '../../electron/main/core/timesheet/ledger';
import type { SyncQueue } from '../../electron/main/core/timesheet/sync-queue';
import { addedTimes, editInStyle } from '../../electron/main/core/timesheet/account-style';
import { Commands } from '../../electron/main/core/timesheet/commands';
import { applyIntents, type Intent } from '../../electron/main/core/timesheet/intents';
import { readNewEntry } from '../../electron/sandbox/entry-input';
import { buildAccount } from '../../electron/sandbox/seed';
import { SandboxStore } from '../../electron/sandbox/store';
import { roundHours } from '../../shared/elapsed';
import type { AssignmentOption } from '../../shared/state';
import { momentOf, processZone, readTime, sameTime, spanHours, timeAt } from '../../shared/wall-clock';
import { localEntry } from '../fixtures/local-entry';

const now = new Date('2026-12-01T15:00:00Z');

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(now);
});
afterEach(() => vi.useRealTimers());

/** The change days of every zone the time tests run in, each with a span across its change, and a plain day. */
const spans: Array<[date: string, start: string, end: string]> = [
  ['2026-03-08', '1:00am', '4:00am'],
  ['2026-11-01', '1:00am', '4:00am'],
  ['2026-03-29', '12:30am', '2:30am'],
  ['2026-10-25', '12:30am', '2:30am'],
  ['2026-04-05', '1:00am', '3:00am'],
  ['2026-10-04', '1:00am', '3:00am'],
  ['2026-09-27', '2:00am', '5:00am'],
  ['2026-06-03', '9:00am', '17:30'],
];

const option: AssignmentOption = {
  projectId: 1,
  projectName: 'Website',
  projectCode: null,
  clientId: 3,
  clientName: 'Acme',
  taskId: 2,
  taskName: 'Design',
  billable: true,
};

const addIntent: Extract<Intent, { kind: 'add' }> = {
  kind: 'add',
  id: 'a',
  at: now.toISOString(),
  localRef: 'local-1',
  projectId: 1,
  taskId: 2,
  notes: '',
  names: { clientName: 'Acme', projectName: 'Website', projectCode: null, taskName: 'Design' },
  spentDate: '2026-06-03',
  hours: 3,
  startedTime: null,
  endedTime: null,
};

/** Whether the process zone's clock shows this time twice on that date (a fall-back day's repeated hour). */
function shownTwice(date: string, time: string): boolean {
  const first = momentOf(date, readTime(time)!).getTime();
  return [30, 60].some((m) => sameTime(timeAt(new Date(first + m * 60_000), '24h'), time));
}

function viewHours(date: string, start: string, end: string): number | undefined {
  const confirmed = new Map([[7, localEntry({ spentDate: date, startedTime: '0:00', endedTime: '0:30' })]]);
  const edit: Intent = {
    kind: 'edit',
    id: 'e',
    at: now.toISOString(),
    ref: 7,
    changes: { startedTime: start, endedTime: end },
  };
  return applyIntents(confirmed, [edit], new Map(), true).entries.get(7)?.hours;
}

async function addedHours(date: string, start: string, end: string): Promise<number> {
  const queued: Intent[] = [];
  const ledger = { assignments: [option] } as unknown as Ledger;
  const queue = { enqueue: async (i: Intent) => void queued.push(i) } as unknown as SyncQueue;
  const commands = new Commands({ now: () => new Date() }, ledger, queue);
  await commands.addEntry({ projectId: 1, taskId: 2, spentDate: date, startedTime: start, endedTime: end });
  const added = queued[0];
  if (added?.kind !== 'add') throw new Error('addEntry queued no add');
  return added.hours;
}

function sentHours(date: string, start: string, end: string): number | undefined {
  const entry = localEntry({ spentDate: date, startedTime: '0:00', endedTime: '0:30' });
  const duration = { timestampTimers: false, clock: '12h' } as const;
  return editInStyle(duration, entry, { startedTime: start, endedTime: end }, now).hours;
}

function sandboxHours(date: string, start: string, end: string): number {
  const account = buildAccount('demo', now, { wantsTimestampTimers: true });
  const store = new SandboxStore(account, { now: () => new Date() });
  const project = account.assignments[0]!;
  const body = {
    project_id: project.project.id,
    task_id: project.task_assignments[0]!.task.id,
    spent_date: date,
    started_time: start,
    ended_time: end,
  };
  return store.create(readNewEntry(body)).baseHours;
}

describe(`hours between two times in ${processZone()}`, () => {
  it.each(spans)(
    '%s from %s to %s: the view, an added entry, an edit sent and the sandbox agree',
    async (date, start, end) => {
      const expected = spanHours(date, start, end)!;
      expect(expected).not.toBeNull();
      expect(viewHours(date, start, end)).toBe(expected);
      expect(await addedHours(date, start, end)).toBe(expected);
      expect(sentHours(date, start, end)).toBe(roundHours(expected));
      expect(sandboxHours(date, start, end)).toBe(roundHours(expected));
    },
  );

  it.each(spans)(
    '%s from %s: new hours on a start/end-time account send times that count back to those hours',
    (date, start) => {
      const entry = localEntry({ spentDate: date, startedTime: start, endedTime: start });
      const timestamps = { timestampTimers: true, clock: '12h' } as const;
      const sent = editInStyle(timestamps, entry, { hours: 3 }, now);
      const added = addedTimes('24h', { ...addIntent, spentDate: date, hours: 3 }, now);
      for (const { started_time, ended_time } of [sent, added]) {
        const hours = spanHours(date, started_time, ended_time);
        // A bare time in a repeated hour means its first showing, so an end in the second can't be written.
        if (shownTwice(date, ended_time!)) expect(hours).toBeLessThan(3);
        else expect(hours).toBe(3);
      }
    },
  );

  // What the process zone's own change day must give, whatever the paths agree on (UTC has none: 3 h).
  const pinned: Record<string, [date: string, start: string, end: string, hours: number]> = {
    'America/New_York': ['2026-03-08', '1:00am', '4:00am', 2],
    'Europe/London': ['2026-10-25', '12:30am', '2:30am', 3],
    'Asia/Kolkata': ['2026-03-08', '1:00am', '4:00am', 3],
    'Australia/Lord_Howe': ['2026-10-04', '1:00am', '3:00am', 1.5],
    'Pacific/Chatham': ['2026-09-27', '2:00am', '5:00am', 2],
    UTC: ['2026-03-08', '1:00am', '4:00am', 3],
  };
  // The runtime may spell a zone its older way (Asia/Kolkata resolves as Asia/Calcutta), so compare resolved names.
  const resolved = (zone: string) =>
    new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  const own = Object.entries(pinned).find(([zone]) => resolved(zone) === processZone())?.[1];

  it.skipIf(!own)(`gives the zone's own change-day hours on every path (${own?.join(' ')})`, async () => {
    const [date, start, end, hours] = own!;
    expect(viewHours(date, start, end)).toBe(hours);
    expect(await addedHours(date, start, end)).toBe(hours);
    expect(sentHours(date, start, end)).toBe(hours);
    expect(sandboxHours(date, start, end)).toBe(hours);
  });
});
