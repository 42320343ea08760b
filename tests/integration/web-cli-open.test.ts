// Runs the real `npm run web` entry (cli.ts): only --open opens a browser, and with exactly the printed URL.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const tsx = join(repo, 'node_modules', '.bin', 'tsx');
const cli = join(repo, 'electron', 'web', 'cli.ts');

let dir: string;
let record: string;
let browser: string;
const running: ChildProcess[] = [];

interface Cli {
  url: Promise<string>;
  /** Resolves with the first stderr line matching `pattern`. */
  stderrLine(pattern: RegExp): Promise<string>;
}

function startCli(args: string[], env: Record<string, string>): Cli {
  const child = spawn(tsx, [cli, ...args], {
    // A folder with a renderer already "built", so the CLI never starts a real build.
    cwd: dir,
    env: {
      ...process.env,
      HARVEST_ACCESS_TOKEN: '',
      HARVEST_ACCOUNT_ID: '',
      SHEAF_DEMO: '0',
      SHEAF_DATA_DIR: join(dir, 'data'),
      TSX_TSCONFIG_PATH: join(repo, 'tsconfig.json'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  const stderr: string[] = [];
  const waiters: { pattern: RegExp; done: (line: string) => void }[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => {
    stderr.push(line);
    for (const w of waiters.filter((w) => w.pattern.test(line))) {
      waiters.splice(waiters.indexOf(w), 1);
      w.done(line);
    }
  });
  const url = new Promise<string>((done, fail) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^Sheaf preview: (http:\S+)$/.exec(line);
      if (match) done(match[1]!);
    });
    child.once('exit', (code) =>
      fail(new Error(`cli exited (${code}) before printing a URL: ${stderr.join(' | ')}`)),
    );
  });
  return {
    url,
    stderrLine: (pattern) =>
      new Promise((done) => {
        const seen = stderr.find((line) => pattern.test(line));
        if (seen) done(seen);
        else waiters.push({ pattern, done });
      }),
  };
}

async function exists(path: string): Promise<boolean> {
  return readFile(path).then(
    () => true,
    () => false,
  );
}

async function waitForFile(path: string, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await exists(path)) return readFile(path, 'utf8');
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${path} never appeared`);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sheaf-web-cli-'));
  await mkdir(join(dir, 'out', 'renderer'), { recursive: true });
  await writeFile(join(dir, 'out', 'renderer', 'index.html'), '<!doctype html><title>Sheaf</title>');
  record = join(dir, 'opened.json');
  // A stand-in browser: records the arguments it was given and whether the page already answered them.
  browser = join(dir, 'browser.mjs');
  await writeFile(
    browser,
    `#!${process.execPath}
import { renameSync, writeFileSync } from 'node:fs';
const args = process.argv.slice(2);
const status = await fetch(args[0]).then((r) => r.status, (e) => String(e));
writeFileSync(${JSON.stringify(record + '.tmp')}, JSON.stringify({ args, status }));
renameSync(${JSON.stringify(record + '.tmp')}, ${JSON.stringify(record)});
`,
  );
  await chmod(browser, 0o755);
});

afterEach(async () => {
  await Promise.all(
    running.splice(0).map(
      (child) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          child.once('exit', () => done());
          child.kill('SIGTERM');
        }),
    ),
  );
  await rm(record, { force: true });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// The stand-in browser is a script with a shebang, which Windows can't run.
describe.skipIf(process.platform === 'win32')('npm run web', () => {
  it('with --open runs BROWSER once with exactly the URL it printed, after the page answers', async () => {
    const run = startCli(['--open'], { BROWSER: browser });
    const url = await run.url;
    const opened = JSON.parse(await waitForFile(record)) as { args: string[]; status: unknown };
    expect(opened.args).toEqual([url]);
    expect(new URL(url).searchParams.get('key')).toMatch(/^[\w-]{43}$/);
    expect(opened.status).toBe(200);
  });

  it('without --open prints the URL and opens nothing, even with BROWSER set', async () => {
    const run = startCli([], { BROWSER: browser });
    const url = await run.url;
    expect((await fetch(url)).status).toBe(200);
    // Had it started the stand-in, the stand-in would have fetched the page and written its record by now.
    await new Promise((r) => setTimeout(r, 1000));
    expect(await exists(record)).toBe(false);
  });

  it('with --open and a BROWSER that does not exist says in one line to open the URL by hand, and keeps serving', async () => {
    const run = startCli(['--open'], { BROWSER: join(dir, 'no-such-browser') });
    const url = await run.url;
    const line = await run.stderrLine(/by hand/);
    expect(line).toBe(
      `Sheaf preview: couldn't open a browser (${join(dir, 'no-such-browser')} not found); open ${url} by hand.`,
    );
    expect((await fetch(url)).status).toBe(200);
  });

  it('with --open and BROWSER=none opens nothing and says nothing about a browser', async () => {
    const run = startCli(['--open'], { BROWSER: 'none' });
    const url = await run.url;
    expect((await fetch(url)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    const said = await Promise.race([
      run.stderrLine(/browser/),
      new Promise<null>((r) => setTimeout(() => r(null), 200)),
    ]);
    expect(said).toBeNull();
  });
});
