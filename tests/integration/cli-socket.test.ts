// The control socket's doors: owner-only modes, another user turned away, Sheaf not running, a left-behind or
// foreign socket, requests that aren't one short JSON line of a script's command, and the compiled `sheaf` bin.
import { spawn, spawnSync } from 'node:child_process';
import { chown, cp, lstat, mkdir, mkdtemp, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { controlSocketPath, maxRequestBytes } from '../../electron/control/protocol';
import { createMemorySecretStore } from '../../electron/web/secrets';
import { startWebHost, type WebHost } from '../../electron/web/server';
import { compiledSheaf, runCompiled, runNode, runSheafIn } from '../fixtures/sheaf-cli';

let dir: string;
let dataDir: string;
let host: WebHost;
const logs: string[] = [];

const start = (data: string) =>
  startWebHost({
    rendererDir: join(dir, 'renderer'),
    env: {},
    dataDir: data,
    secrets: createMemorySecretStore(),
    log: (line) => logs.push(line),
  });

const sheafIn = (data: string, ...args: string[]) => runSheafIn(data, args);

/** Sends raw lines to the socket and collects the answer lines until the host closes or `count` arrive. */
function raw(payload: string | Buffer, count = 1): Promise<unknown[]> {
  return new Promise((done, fail) => {
    const socket = createConnection(host.controlSocket!);
    let text = '';
    const answers = () =>
      text
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as unknown);
    socket.on('data', (chunk) => {
      text += chunk.toString();
      if (answers().length >= count) {
        socket.destroy();
        done(answers());
      }
    });
    socket.on('close', () => done(answers()));
    socket.on('error', fail);
    socket.write(payload);
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sheaf-socket-'));
  dataDir = join(dir, 'data');
  host = await start(dataDir);
});

afterAll(async () => {
  await host?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the socket', () => {
  it('is a Unix socket, 600, in a subfolder Sheaf made that only its owner may enter (700)', async () => {
    expect(host.controlSocket).toBe(join(dataDir, 'control', 'control.sock'));
    const socket = await lstat(host.controlSocket!);
    expect(socket.isSocket()).toBe(true);
    expect(socket.mode & 0o777).toBe(0o600);
    expect(socket.uid).toBe(process.getuid!());
    expect((await stat(join(dataDir, 'control'))).mode & 0o777).toBe(0o700);
    // A data folder Sheaf made itself is private from the start.
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
  });

  it.runIf(process.getuid?.() === 0)("turns away another user's connection", () => {
    // Run as nobody: the folder's 700 refuses the connect before Sheaf hears a byte.
    const probe = spawnSync(
      process.execPath,
      [
        '-e',
        `require('net').createConnection(${JSON.stringify(host.controlSocket)}).on('error', e => { console.log(e.code); process.exit(0) }).on('connect', () => { console.log('connected'); process.exit(0) })`,
      ],
      { uid: 65534, gid: 65534, encoding: 'utf8' },
    );
    expect(probe.stdout.trim()).toBe('EACCES');
  });

  it('answers a request that is not JSON, or not a script command, without doing anything', async () => {
    expect(await raw('hello\n')).toEqual([
      { ok: false, error: { code: 'bad_input', message: 'A request is one line of JSON.' } },
    ]);
    expect(await raw('{"command":"signOut"}\n')).toEqual([
      { ok: false, error: { code: 'bad_input', message: `Scripts can't ask Sheaf to "signOut".` } },
    ]);
    expect(await raw('{"command":"updateSettings","input":{"theme":"dark"}}\n')).toMatchObject([
      { ok: false },
    ]);
    expect(await raw('{"command":"startTimer","input":{"projectId":-1,"taskId":1}}\n')).toMatchObject([
      { ok: false, error: { code: 'bad_input', message: expect.stringContaining('projectId') } },
    ]);
    expect(await raw('{"command":"getState","extra":1}\n')).toMatchObject([
      { ok: false, error: { code: 'bad_input' } },
    ]);
  });

  it('answers several lines on one connection in order', async () => {
    const answers = (await raw('{"command":"getState"}\n{"command":"stopTimer"}\n', 2)) as Array<{
      ok: boolean;
    }>;
    expect(answers.map((a) => a.ok)).toEqual([true, false]);
  });

  it('stops reading a line longer than any request and closes the connection', async () => {
    const answers = await raw(Buffer.alloc(maxRequestBytes + 10, 'a'));
    expect(answers).toEqual([
      { ok: false, error: { code: 'bad_input', message: 'That request is too long.' } },
    ]);
  });
});

describe('when Sheaf is not there', () => {
  it('exits 3 and says how to start Sheaf when nothing listens in the data folder', async () => {
    const { code, err } = await sheafIn(join(dir, 'nobody-home'), 'status');
    expect(code).toBe(3);
    expect(err).toBe(
      "Sheaf isn't running. Start the Sheaf app (or `npm run web` for the preview), then try again.",
    );
  });

  it('exits 3 for a socket left behind by a Sheaf that was killed, and a new host takes its place', async () => {
    const left = join(dir, 'left-behind');
    await mkdir(join(left, 'control'), { recursive: true, mode: 0o700 });
    const path = controlSocketPath(left);
    // A process that listens and is killed outright never removes its socket file.
    const child = spawn(process.execPath, [
      '-e',
      `require('net').createServer().listen(${JSON.stringify(path)}, () => console.log('up'))`,
    ]);
    await new Promise((ready) => child.stdout.once('data', ready));
    child.kill('SIGKILL');
    await new Promise((gone) => child.once('exit', gone));
    expect((await lstat(path)).isSocket()).toBe(true);
    expect((await sheafIn(left, 'status')).code).toBe(3);

    const next = await start(left);
    try {
      expect(next.controlSocket).toBe(path);
      expect((await sheafIn(left, 'status')).out).toBe('Not signed in to Harvest: open Sheaf to sign in');
    } finally {
      await next.close();
    }
  });

  it('a second host on the same data folder leaves the first one answering scripts', async () => {
    const second = await start(dataDir);
    try {
      expect(second.controlSocket).toBeNull();
      expect(logs.some((l) => l.includes('another Sheaf already answers scripts'))).toBe(true);
      expect((await sheafIn(dataDir, 'status')).code).toBe(0);
    } finally {
      await second.close();
    }
  });

  it("refuses to talk to a file posing as the socket, or to another user's socket", async () => {
    const posing = join(dir, 'posing');
    await mkdir(join(posing, 'control'), { recursive: true });
    await writeFile(controlSocketPath(posing), '');
    expect(await sheafIn(posing, 'status')).toMatchObject({
      code: 1,
      err: expect.stringContaining("isn't Sheaf's socket"),
    });

    if (process.getuid?.() !== 0) return;
    const foreign = join(dir, 'foreign');
    await mkdir(join(foreign, 'control'), { recursive: true });
    const server = createServer((s) => s.end('{"ok":true,"value":null}\n'));
    await new Promise<void>((ready) => server.listen(controlSocketPath(foreign), ready));
    try {
      await chown(controlSocketPath(foreign), 65534, 65534);
      expect(await sheafIn(foreign, 'status')).toMatchObject({
        code: 1,
        err: expect.stringContaining('belongs to another user'),
      });
    } finally {
      server.close();
    }
  });
});

describe('the sheaf bin', () => {
  const bin = (data: string, ...args: string[]) => runCompiled(args, { SHEAF_DATA_DIR: data });

  it('runs compiled as a process, with the exit codes on the process', async () => {
    expect(await bin(dataDir, 'status')).toMatchObject({
      status: 0,
      stdout: 'Not signed in to Harvest: open Sheaf to sign in\n',
    });
    expect((await bin(join(dir, 'nobody-home'), 'status')).status).toBe(3);
    expect((await bin(dataDir, 'frobnicate')).status).toBe(2);
  });

  it('package.json’s bin runs the compiled command once built, and the sources through tsx before, saying so', async () => {
    // A checkout of the launcher with node_modules and the sources beside it, first unbuilt, then built.
    const checkout = join(dir, 'checkout');
    await mkdir(join(checkout, 'scripts'), { recursive: true });
    await cp('scripts/sheaf.mjs', join(checkout, 'scripts', 'sheaf.mjs'));
    await symlink(join(process.cwd(), 'scripts', 'sheaf'), join(checkout, 'scripts', 'sheaf'));
    await symlink(join(process.cwd(), 'node_modules'), join(checkout, 'node_modules'));
    const launch = () =>
      runNode(join(checkout, 'scripts', 'sheaf.mjs'), ['status'], { SHEAF_DATA_DIR: dataDir });
    const unbuilt = await launch();
    expect(unbuilt.stderr).toContain('`npm run build` makes it quick');
    expect(unbuilt.stdout).toBe('Not signed in to Harvest: open Sheaf to sign in\n');

    await cp(join((await compiledSheaf()).entry, '..'), join(checkout, 'out', 'sheaf'), { recursive: true });
    expect(await launch()).toMatchObject({
      status: 0,
      stderr: '',
      stdout: 'Not signed in to Harvest: open Sheaf to sign in\n',
    });
  });
});
