// Checks the browser preview host's doors: the per-run key, the Origin check, the static folder's walls, the bridge protocol.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { AppState } from '../../shared/state';
import { createMemorySecretStore } from '../../electron/web/secrets';
import { previewContentSecurityPolicy } from '../../electron/web/static-files';
import { startWebHost, type WebHost } from '../../electron/web/server';

let dir: string;
let host: WebHost;
let origin: string;
let key: string;

type Reply = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** Raw HTTP, because fetch would normalise "/../" away before it ever reached the host. */
function get(path: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

/** Resolves with the socket once open, or with the HTTP status the host refused the upgrade with. */
function connect(
  query: string,
  wsOrigin: string | null = origin,
  onMessage?: (message: unknown) => void,
): Promise<WebSocket | number> {
  return new Promise((done, fail) => {
    const ws = new WebSocket(
      `ws://127.0.0.1:${host.port}/bridge${query}`,
      wsOrigin ? { origin: wsOrigin } : {},
    );
    // The first state push can arrive in the same packet as the handshake, before 'open' handlers resume.
    if (onMessage) ws.on('message', (data) => onMessage(JSON.parse(data.toString())));
    ws.once('open', () => done(ws));
    ws.once('unexpected-response', (_req, res) => done(res.statusCode ?? 0));
    ws.once('error', fail);
  });
}

async function open(): Promise<{ ws: WebSocket; messages: unknown[]; next: () => Promise<unknown> }> {
  const messages: unknown[] = [];
  const waiters: ((m: unknown) => void)[] = [];
  const ws = await connect(`?key=${key}`, origin, (message) => {
    const waiter = waiters.shift();
    if (waiter) waiter(message);
    else messages.push(message);
  });
  if (typeof ws === 'number') throw new Error(`upgrade refused with ${ws}`);
  const next = () =>
    messages.length > 0 ? Promise.resolve(messages.shift()) : new Promise<unknown>((r) => waiters.push(r));
  return { ws, messages, next };
}

/** Waits for the answer to call `id`, skipping state pushes. */
async function answer(
  next: () => Promise<unknown>,
  id: number,
): Promise<{ ok: boolean; [k: string]: unknown }> {
  for (let i = 0; i < 50; i++) {
    const message = (await next()) as { id?: number; result?: { ok: boolean } };
    if (message.id === id) return message.result!;
  }
  throw new Error(`no answer to call ${id}`);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sheaf-web-host-'));
  const rendererDir = join(dir, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(
    join(rendererDir, 'index.html'),
    `<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src 'none'; connect-src 'self'"><title>Sheaf</title>`,
  );
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("sheaf")');
  await writeFile(join(dir, 'secret.txt'), 'outside the renderer folder');
  host = await startWebHost({
    rendererDir,
    env: {},
    dataDir: join(dir, 'data'),
    secrets: createMemorySecretStore(),
    log: () => {},
  });
  const url = new URL(host.url);
  origin = url.origin;
  key = url.searchParams.get('key')!;
});

afterAll(async () => {
  await host?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the page', () => {
  it('is served on 127.0.0.1 with a 256-bit key in the URL', () => {
    expect(origin).toBe(`http://127.0.0.1:${host.port}`);
    expect(Buffer.from(key, 'base64url')).toHaveLength(32);
  });

  it('carries the strict CSP and nosniff', async () => {
    const page = await get('/?key=x');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    const policy = previewContentSecurityPolicy(host.port);
    expect(page.headers['content-security-policy']).toBe(policy);
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    // The one connection allowed is this host's own bridge, not any loopback port…
    expect(policy).toContain(`connect-src 'self' ws://127.0.0.1:${host.port};`);
    // …in the page's own meta policy too, which ships without any (the Electron popover needs none).
    expect(page.body).toContain(`connect-src 'self' ws://127.0.0.1:${host.port}"`);
    expect(await readFile('renderer/index.html', 'utf8')).not.toMatch(/ws:/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
  });

  it('serves assets with their content type', async () => {
    const script = await get('/assets/app.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.body).toContain('sheaf');
  });

  it.each([
    '/../secret.txt',
    '/../package.json',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%2fetc%2fpasswd',
    '/assets/%00.js',
    '/%E0%A4%A',
    '/missing.js',
    '/assets',
  ])('answers %s with 404 and nothing from outside', async (path) => {
    const reply = await get(path);
    expect(reply.status).toBe(404);
    expect(reply.body).not.toContain('outside the renderer folder');
    expect(reply.headers['content-security-policy']).toBe(previewContentSecurityPolicy(host.port));
  });

  it('refuses a Host name other than its own (DNS rebinding)', async () => {
    const reply = await get('/', { Host: `evil.example:${host.port}` });
    expect(reply.status).toBe(421);
  });
});

describe('the bridge door', () => {
  it.each([
    ['no key', ''],
    ['an empty key', '?key='],
    ['a wrong key', '?key=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['a prefix of the key', () => `?key=${key.slice(0, 20)}`],
  ])('refuses %s with 403', async (_label, query) => {
    expect(await connect(typeof query === 'function' ? query() : query)).toBe(403);
  });

  it.each([
    ['a foreign origin', 'http://evil.example'],
    ['localhost instead of 127.0.0.1', () => origin.replace('127.0.0.1', 'localhost')],
    ['another port', 'http://127.0.0.1:1'],
    ['the null origin', 'null'],
  ])('refuses the right key from %s', async (_label, from) => {
    expect(await connect(`?key=${key}`, typeof from === 'function' ? from() : from)).toBe(403);
  });

  it('refuses the right key with no Origin at all', async () => {
    expect(await connect(`?key=${key}`, null)).toBe(403);
  });

  it('refuses the right key on another path', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/other?key=${key}`, { origin });
    const status = await new Promise((done) =>
      ws.once('unexpected-response', (_q, res) => done(res.statusCode)),
    );
    expect(status).toBe(403);
  });
});

describe('the bridge protocol', () => {
  it('pushes the state on connect and answers getState', async () => {
    const { ws, next } = await open();
    const first = (await next()) as { type: string; state: unknown };
    expect(first.type).toBe('state');
    expect(AppState.parse(first.state).session.status).toBe('signed_out');

    ws.send(JSON.stringify({ id: 7, command: 'getState' }));
    const result = await answer(next, 7);
    expect(result.ok).toBe(true);
    expect(AppState.parse(result.value).session.status).toBe('signed_out');
    ws.close();
  });

  it('answers bad calls with errors and keeps serving after malformed messages', async () => {
    const { ws, next } = await open();
    ws.send('not json {');
    ws.send('null');
    ws.send(JSON.stringify({ id: 'x', command: 'getState' }));
    ws.send(Buffer.from([1, 2, 3]), { binary: true });
    ws.send(JSON.stringify({ id: 1 }));
    ws.send(JSON.stringify({ id: 2, command: 'launchMissiles' }));
    ws.send(JSON.stringify({ id: 3, command: 'signIn', input: { token: 'short', accountId: 'abc' } }));
    ws.send(JSON.stringify({ id: 4, command: 'getState', input: { extra: true } }));
    ws.send(JSON.stringify({ id: 5, command: 'getState' }));

    for (const id of [1, 2, 3, 4]) {
      const result = (await answer(next, id)) as { ok: boolean; error?: { code: string } };
      expect(result.ok, `call ${id}`).toBe(false);
      expect(result.error?.code, `call ${id}`).toBe('bad_input');
    }
    expect((await answer(next, 5)).ok).toBe(true);
    ws.close();
  });

  it('closes a socket that sends more than 64 KB, and the host stays up', async () => {
    const { ws } = await open();
    const closed = new Promise<number>((done) => ws.once('close', (code) => done(code)));
    ws.send(
      JSON.stringify({ id: 1, command: 'updateNotes', input: { entryId: 1, notes: 'x'.repeat(70_000) } }),
    );
    expect(await closed).toBe(1009);

    const again = await open();
    again.ws.send(JSON.stringify({ id: 1, command: 'getState' }));
    expect((await answer(again.next, 1)).ok).toBe(true);
    again.ws.close();
  });

  it('answers the host commands itself', async () => {
    const { ws, next } = await open();
    ws.send(JSON.stringify({ id: 1, command: 'hidePopover' }));
    ws.send(JSON.stringify({ id: 2, command: 'openHarvest' }));
    expect(await answer(next, 1)).toEqual({ ok: true, value: undefined });
    expect(await answer(next, 2)).toEqual({ ok: true, value: undefined });
    ws.close();
  });
});

describe('closing', () => {
  it('stops listening and is idempotent', async () => {
    const other = await startWebHost({
      rendererDir: join(dir, 'renderer'),
      env: {},
      dataDir: join(dir, 'data-2'),
      secrets: createMemorySecretStore(),
      log: () => {},
    });
    await Promise.all([other.close(), other.close()]);
    await expect(fetch(`http://127.0.0.1:${other.port}/`)).rejects.toThrow();
  });
});

describe('SHEAF_DEMO=1 (what `npm start` sets when it falls back to the preview)', () => {
  it('opens straight into the demo account when no token is configured', async () => {
    const demoHost = await startWebHost({
      rendererDir: join(dir, 'renderer'),
      env: { SHEAF_DEMO: '1' },
      dataDir: join(dir, 'data-demo'),
      secrets: createMemorySecretStore(),
      log: () => {},
    });
    try {
      const url = new URL(demoHost.url);
      const ws = new WebSocket(`ws://127.0.0.1:${demoHost.port}/bridge?key=${url.searchParams.get('key')}`, {
        origin: url.origin,
      });
      const session = await new Promise<unknown>((resolve, reject) => {
        ws.on('message', (data) => {
          const message = JSON.parse(data.toString()) as { type?: string; state?: unknown };
          if (message.type !== 'state') return;
          const state = AppState.parse(message.state);
          if (state.session.status === 'signed_in') resolve(state.session);
        });
        ws.once('error', reject);
      });
      ws.close();
      expect(session).toMatchObject({ status: 'signed_in', demo: true });
    } finally {
      await demoHost.close();
    }
  });
});
