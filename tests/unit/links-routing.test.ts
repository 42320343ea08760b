// Following a read sheaf:// link with fake command handlers: which command runs, that a refused link runs none and
// says why in a notification, and the same for the status views the `sheaf` command prints.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { CommandHandlers } from '../../shared/ipc';
import type { AppState } from '../../shared/state';
import { openLink } from '../../electron/control/open-link';
import { NotAllowedError, SignInFirstError } from '../../electron/main/core/base/errors';
import { assignmentLabel } from '../../shared/labels';
import { pickByWords } from '../../shared/pick-by-words';
import type { Notifier } from '../../electron/main/core/ports';
import { startControl } from '../../electron/control/server';
import { formatStatus, statusJson, statusLine, todayLines, waybarJson } from '../../scripts/sheaf/views';
import { runSheaf } from '../../scripts/sheaf/cli';
import { assignmentOption, entryView, sampleAppState } from '../fixtures/app-state';

const dates = { today: '2025-06-02', weekStart: '2025-06-02', weekEnd: '2025-06-08' };
const signedIn = (over: Partial<AppState> = {}) =>
  sampleAppState(dates, {
    session: {
      status: 'signed_in',
      demo: false,
      user: { id: 1, name: 'Dana', email: 'd@x' },
      accountName: 'Acme',
      weeklyCapacitySeconds: null,
    },
    ...over,
  });
const options = [
  assignmentOption('Acme', 'Website', 'Design', { projectId: 11, taskId: 101 }),
  assignmentOption('Acme', 'Website', 'Development', { projectId: 11, taskId: 102 }),
];

function setUp(state: AppState = signedIn()) {
  const calls: string[] = [];
  const handler = (name: string) => vi.fn(() => void calls.push(name));
  const handlers = {
    getState: () => state,
    // Core's answers, by the same rules (pick-by-words.ts, the assignments check), from the fake's two pairs.
    startTimer: vi.fn((input: { projectId: number; taskId: number }) => {
      if (!options.some((o) => o.projectId === input.projectId && o.taskId === input.taskId))
        throw new NotAllowedError(
          "That project and task aren't among your Harvest assignments. Pick another one.",
        );
      calls.push(`startTimer ${JSON.stringify(input)}`);
    }),
    startByWords: vi.fn(({ words, notes }: { words: string; notes?: string }) => {
      if (state.session.status !== 'signed_in') throw new SignInFirstError();
      const pick = pickByWords(options, words);
      if (pick.kind !== 'one') return pick;
      calls.push(`startByWords ${JSON.stringify({ words, notes })}`);
      return { kind: 'started', label: assignmentLabel(pick.option) };
    }),
    stopTimer: handler('stopTimer'),
    toggleTimer: handler('toggleTimer'),
  } as Partial<CommandHandlers> as CommandHandlers;
  const shown: string[] = [];
  const notifier: Notifier = { show: (_kind, title, body) => void shown.push(`${title}: ${body}`) };
  const showPopover = vi.fn();
  const open = (link: string) => openLink(link, { handlers, notifier, showPopover, log: () => {} });
  return { calls, shown, showPopover, open };
}

describe('openLink', () => {
  it('runs stop, toggle and start through the command handlers, and show through the host', async () => {
    const { calls, showPopover, open } = setUp();
    await open('sheaf://stop');
    await open('sheaf://toggle');
    await open('sheaf://start?project=11&task=102&notes=Hero');
    await open('sheaf://start?q=website+des');
    await open('sheaf://show');
    expect(calls).toEqual([
      'stopTimer',
      'toggleTimer',
      'startTimer {"projectId":11,"taskId":102,"notes":"Hero"}',
      'startByWords {"words":"website des"}',
    ]);
    expect(showPopover).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['sheaf://start?project=11&task=999', "That project and task aren't among your Harvest assignments"],
    [
      'sheaf://start?q=website',
      '"website" matches more than one project and task: Acme — Website — Design; Acme — Website — Development.',
    ],
    ['sheaf://start?q=zeppelin', `Nothing you're assigned to matches "zeppelin"`],
    ['sheaf://signout', 'Sheaf links can start, stop, toggle or show the timer'],
  ])('refuses %s, runs nothing, and notifies why', async (link, why) => {
    const { calls, shown, open } = setUp();
    const result = await open(link);
    expect(result.ok).toBe(false);
    expect(calls).toEqual([]);
    expect(shown).toEqual([expect.stringContaining(`Sheaf didn't follow the link: ${why}`)]);
  });

  it('says to sign in first when signed out, rather than that nothing matched', async () => {
    const { calls, shown, open } = setUp(sampleAppState(dates));
    expect(await open('sheaf://start?q=website+des')).toEqual({
      ok: false,
      error: { code: 'unauthorized', message: 'Sign in to Harvest first.' },
    });
    expect(calls).toEqual([]);
    expect(shown).toEqual(["Sheaf didn't follow the link: Sign in to Harvest first."]);
  });
});

describe('the status views', () => {
  const now = Date.parse('2025-06-02T10:00:00Z');
  const running = entryView({
    isRunning: true,
    hours: 0.5,
    runningSince: '2025-06-02T09:37:00Z',
    notes: 'Hero',
  });
  const state = signedIn({
    running,
    today: { date: dates.today, totalHours: 2 },
    week: { start: dates.weekStart, end: dates.weekEnd, totalHours: 10 },
  });

  it('add the running timer’s time since the snapshot to today and the week', () => {
    expect(statusLine(state, now)).toBe('▶ Acme — Website — Design 0:53');
    expect(statusJson(state, now)).toMatchObject({
      running: { hours: 0.88, elapsed: '0:53', notes: 'Hero' },
      today: { hours: 2.38 },
      week: { hours: 10.38 },
    });
    expect(formatStatus('{client}/{project}/{task} {elapsed} {today} {week}', state, now)).toBe(
      'Acme/Website/Design 0:53 2:23 10:23',
    );
  });

  it('leave a status bar nothing, not placeholders nor bare totals, when nothing runs', () => {
    const stopped = signedIn({ sync: { state: 'offline', pending: 2, lastSyncedAt: null, message: null } });
    expect(formatStatus('{project} {elapsed}', stopped, now)).toBe('');
    expect(formatStatus('Today {today}', stopped, now)).toBe('');
    expect(waybarJson(stopped, now)).toEqual({
      text: 'No timer running',
      tooltip: 'Today 0:00 · This week 0:00\nOffline: 2 waiting to reach Harvest',
      class: ['stopped', 'offline'],
      alt: 'stopped',
    });
  });
});

describe('what the command prints from fields someone else wrote', () => {
  const now = Date.parse('2025-06-02T10:00:00Z');
  // What the link stored: a terminal title, a bell, clear-screen, a carriage return, a line feed, and a
  // right-to-left override; plus a C1 CSI in a project's name, which Harvest would hand back as typed.
  const hostile = 'hi\u001b]0;PWNED\u0007\u001b[2J\rfake line\n\u202etxt';
  const shown = 'hi\\u001B]0;PWNED\\u0007\\u001B[2J⏎fake line⏎\\u202Etxt';
  const running = entryView({
    isRunning: true,
    hours: 0,
    runningSince: '2025-06-02T09:37:00Z',
    projectName: 'Web\u009b2Jsite',
    notes: hostile,
  });
  const state = signedIn({
    running,
    day: { ...signedIn().day, isToday: true, entries: [running] },
  });
  // eslint-disable-next-line no-control-regex
  const rawControl = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

  it('shows notes on one line, line breaks as ⏎ and every control or bidi character escaped', () => {
    expect(formatStatus('{notes}', state, now)).toBe(shown);
    expect(formatStatus('{project}', state, now)).toBe('Web\\u009B2Jsite');
    expect(statusLine(state, now)).toBe('▶ Acme — Web\\u009B2Jsite — Design 0:23');
    const today = todayLines(state, now);
    expect(today).toHaveLength(2);
    expect(today[1]).toContain(`Acme — Web\\u009B2Jsite — Design  ${shown}`);
  });

  it('gives waybar a tooltip whose only line breaks are its own', () => {
    const bar = waybarJson(state, now);
    expect(bar.text).toBe('▶ Web\\u009B2Jsite 0:23');
    expect(bar.tooltip.split('\n')).toEqual([
      'Acme — Web\\u009B2Jsite — Design',
      shown,
      'Today 0:23 · This week 0:23',
    ]);
  });

  it('prints nothing raw, in any of status, --format, --waybar, --json and today', async () => {
    const handlers = { getState: () => state } as Partial<CommandHandlers> as CommandHandlers;
    const printed: string[] = [];
    const dir = await mkdtemp(join(tmpdir(), 'sheaf-print-'));
    const control = await startControl({ dataDir: dir, handlers, showPopover: () => {}, log: () => {} });
    try {
      for (const args of [
        ['status'],
        ['status', '--format', '{client} {project} {task} {notes}'],
        ['status', '--waybar'],
        ['status', '--json'],
        ['today'],
        ['today', '--json'],
      ]) {
        const io = {
          env: { SHEAF_DATA_DIR: dir },
          stdout: (line: string) => void printed.push(line),
          stderr: (line: string) => void printed.push(line),
          now: () => now,
        };
        expect(await runSheaf(args, io)).toBe(0);
      }
    } finally {
      await control.close();
      await rm(dir, { recursive: true, force: true });
    }
    for (const text of printed) expect(text).not.toMatch(rawControl);
    // JSON stays JSON, and still carries the notes as they are to whoever parses it.
    expect(JSON.parse(printed[3]!).running.notes).toBe(hostile);
  });
});
