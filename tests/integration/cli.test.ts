// The `sheaf` command against a running preview host signed in to the sandbox: every subcommand and exit code,
// the JSON it prints, words that match several or nothing, links, and usage mistakes.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSheafIn, startSignedInPreview, stateIn, type SignedInPreview } from '../fixtures/sheaf-cli';

let dir: string;
let preview: SignedInPreview;
const logs: string[] = [];

const sheaf = (...args: string[]) => runSheafIn(preview.dataDir, args, 3000);
const state = () => stateIn(preview.dataDir);

const website = 'Acme Corp — Website Redesign';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sheaf-cli-'));
  preview = await startSignedInPreview(dir, (line) => logs.push(line));
});

afterAll(async () => {
  await preview?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('sheaf status', () => {
  it('says no timer is running, in one line', async () => {
    expect(await sheaf('status')).toEqual({ code: 0, out: 'No timer running', err: '' });
  });

  it('prints nothing at all for --format with nothing running, its totals included', async () => {
    expect(await sheaf('status', '--format', '▶ {project} · today {today}')).toEqual({
      code: 0,
      out: '',
      err: '',
    });
  });

  it('prints the JSON shape with nothing running', async () => {
    const { code, out } = await sheaf('status', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({
      running: null,
      today: { hours: 0 },
      week: { hours: 0 },
      signedIn: true,
      sync: { state: expect.any(String), pending: 0 },
    });
  });
});

describe('sheaf start', () => {
  it('refuses words that match nothing, and starts nothing', async () => {
    const { code, err } = await sheaf('start', 'zeppelin', 'polish');
    expect(code).toBe(1);
    expect(err).toBe(`Nothing you're assigned to matches "zeppelin polish". Check the words, or open Sheaf.`);
    expect((await state()).running).toBeNull();
  });

  it('lists the candidates when the words match several, and exits 1 without starting', async () => {
    const { code, err } = await sheaf('start', 'website');
    expect(code).toBe(1);
    expect(err).toContain('"website" matches more than one project and task:');
    expect(err).toContain(`\n  ${website} — Design\n  ${website} — Development\n`);
    expect(err).toMatch(/Add a word to pick one\.$/);
    expect((await state()).running).toBeNull();
  });

  it('starts the one clear best match at once, with its notes', async () => {
    const { code, out } = await sheaf('start', 'website', 'dev', '--notes', 'Hero variants');
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toBe(`Started ${website} — Development`);
    const running = (await state()).running;
    expect(running).toMatchObject({
      projectName: 'Website Redesign',
      taskName: 'Development',
      notes: 'Hero variants',
    });
  });

  it('then shows the timer in the status line, its JSON, a --format and waybar', async () => {
    expect((await sheaf('status')).out).toMatch(new RegExp(`^▶ ${website} — Development 0:0\\d$`));
    const json = JSON.parse((await sheaf('status', '--json')).out);
    expect(json.running).toMatchObject({
      client: 'Acme Corp',
      project: 'Website Redesign',
      task: 'Development',
      notes: 'Hero variants',
      running: true,
      elapsed: expect.stringMatching(/^0:0\d$/),
      startedAt: expect.any(String),
    });
    expect(json.today.hours).toBeGreaterThanOrEqual(0);
    expect(json.week.hours).toBeGreaterThanOrEqual(json.today.hours);
    expect((await sheaf('status', '--format', '{project} · {task} {elapsed}')).out).toMatch(
      /^Website Redesign · Development 0:0\d$/,
    );
    const waybar = JSON.parse((await sheaf('status', '--waybar')).out);
    expect(waybar).toMatchObject({ class: 'running', alt: 'running' });
    expect(waybar.text).toMatch(/^▶ Website Redesign 0:0\d$/);
    expect(waybar.tooltip).toContain(`${website} — Development\nHero variants\nToday `);
  });
});

describe('the other subcommands', () => {
  it('note sets the running entry’s notes', async () => {
    const { code, out } = await sheaf('note', 'Homepage', 'hero');
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toBe(`Notes saved for ${website} — Development`);
    expect((await state()).running?.notes).toBe('Homepage hero');
  });

  it('today lists today’s entries, and its JSON carries them', async () => {
    const today = await sheaf('today');
    expect(today.code).toBe(0);
    expect(today.out).toMatch(
      new RegExp(`^Today \\d+:\\d\\d\\n▶ +\\d+:\\d\\d  ${website} — Development  Homepage hero$`),
    );
    const json = JSON.parse((await sheaf('today', '--json')).out);
    expect(json).toMatchObject({
      date: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
      hours: expect.any(Number),
    });
    expect(json.entries).toEqual([expect.objectContaining({ task: 'Development', running: true })]);
  });

  it('stop stops it, and a second stop says nothing was running', async () => {
    expect((await sheaf('stop')).out.split('\n')[0]).toBe(`Stopped ${website} — Development`);
    expect((await sheaf('status')).out).toBe('No timer running');
    expect(await sheaf('stop')).toEqual({ code: 0, out: 'No timer was running.', err: '' });
  });

  it('note refuses when nothing runs', async () => {
    expect(await sheaf('note', 'x')).toMatchObject({
      code: 1,
      err: 'No timer is running: start one, then add its notes.',
    });
  });

  it('restart restarts the last entry, and refuses while one runs', async () => {
    expect((await sheaf('restart')).out.split('\n')[0]).toBe(`Restarted ${website} — Development`);
    expect((await state()).running?.taskName).toBe('Development');
    const again = await sheaf('restart');
    expect(again.code).toBe(1);
    expect(again.err).toBe(`A timer is already running: ${website} — Development. Stop it first.`);
  });

  it('toggle stops what runs, then starts the last entry again', async () => {
    expect((await sheaf('toggle')).out.split('\n')[0]).toBe(`Stopped ${website} — Development`);
    expect((await sheaf('toggle')).out.split('\n')[0]).toBe(`Started ${website} — Development`);
    await sheaf('stop');
  });

  it('show asks the host for the popover (the preview logs it)', async () => {
    expect(await sheaf('show')).toEqual({ code: 0, out: '', err: '' });
    expect(logs.some((l) => l.includes('asked to show the popover'))).toBe(true);
  });

  it('links the timer to the work given with --ref, keeping the notes', async () => {
    const issue = 'https://github.com/acme/site/issues/12';
    const { code } = await sheaf('start', 'website', 'dev', '--notes', 'Hero variants', '--ref', issue);
    expect(code).toBe(0);
    expect((await state()).running).toMatchObject({
      notes: 'Hero variants',
      reference: { id: 'acme/site#12', permalink: issue },
    });
    await sheaf('stop');
  });
});

describe('sheaf open', () => {
  it('follows a start link by ids, and a stop link', async () => {
    const pair = (await state()).recent[0]!;
    const started = await sheaf(
      'open',
      `sheaf://start?project=${pair.projectId}&task=${pair.taskId}&notes=From%20a%20link`,
    );
    expect(started.code).toBe(0);
    expect((await state()).running).toMatchObject({ taskId: pair.taskId, notes: 'From a link' });
    expect((await sheaf('open', 'sheaf://stop')).code).toBe(0);
    expect((await state()).running).toBeNull();
  });

  it('follows a start link from a Jira issue, linking the timer to it', async () => {
    const ticket = 'https://acme.atlassian.net/browse/PROJ-7';
    const link = `sheaf://start?q=website+dev&ref=${encodeURIComponent(ticket)}`;
    expect((await sheaf('open', link)).code).toBe(0);
    expect((await state()).running).toMatchObject({ reference: { id: 'PROJ-7', groupId: 'PROJ' } });
    await sheaf('stop');
  });

  it('follows a start link by words', async () => {
    expect((await sheaf('open', 'sheaf://start?q=mobile+research')).code).toBe(0);
    expect((await state()).running).toMatchObject({ projectName: 'Mobile App', taskName: 'Research' });
    await sheaf('stop');
  });

  it.each([
    [
      'sheaf://signout',
      'Sheaf links can start, stop, toggle or show the timer; "signout" isn\'t one of those.',
    ],
    [
      'sheaf://start?project=999999&task=1',
      "That project and task aren't among your Harvest assignments. Pick another one.",
    ],
    ['sheaf://start?q=website', '"website" matches more than one project and task:'],
    ['https://evil.example/stop', 'Sheaf opens only sheaf:// links, not "https:".'],
  ])(
    'refuses %s saying why once, on stderr (no notification as well), and changes nothing',
    async (link, why) => {
      const before = logs.length;
      const { code, err } = await sheaf('open', link);
      expect(code).toBe(1);
      expect(err).toContain(why);
      expect(err.split(why)).toHaveLength(2);
      const since = logs.slice(before);
      expect(since.filter((l) => l.startsWith('preview notification'))).toEqual([]);
      expect(since.filter((l) => l.startsWith('sheaf:// link not followed: '))).toHaveLength(1);
      expect((await state()).running).toBeNull();
    },
  );
});

describe('usage', () => {
  it.each([
    [[]],
    [['frobnicate']],
    [['status', '--json', '--waybar']],
    [['status', '--bogus']],
    [['status', '--format', '{nope}']],
    [['start']],
    [['start', 'design', '--stop-other', '--keep-other']],
    [['note']],
    [['stop', 'now']],
    [['open', 'sheaf://stop', 'sheaf://show']],
    [['completion', 'tcsh']],
  ])('sheaf %j is a usage error (exit 2) that prints the usage', async (args) => {
    const { code, err } = await sheaf(...args);
    expect(code).toBe(2);
    expect(err).toContain('Usage: sheaf <command>');
  });

  it('a subcommand’s --help prints its own usage and runs nothing, even among its words', async () => {
    const help = await sheaf('start', 'website', 'dev', '--help');
    expect(help).toMatchObject({ code: 0, err: '' });
    expect(help.out).toMatch(
      /^Usage: sheaf <command>\n {2}start <words…> \[--notes TEXT\] \[--ref URL\] \[--stop-other \| --keep-other\]/,
    );
    expect(help.out).not.toContain('  stop ');
    expect((await state()).running).toBeNull();
  });

  it('takes words after -- as words, a dash and all', async () => {
    expect((await sheaf('note', '--', '--help')).err).toBe(
      'No timer is running: start one, then add its notes.',
    );
  });

  it('help prints the usage on stdout', async () => {
    const { code, out } = await sheaf('--help');
    expect(code).toBe(0);
    expect(out).toContain('completion bash|zsh|fish');
  });
});
