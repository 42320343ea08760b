// Drives the renderer's web bridge (renderer/src/bridge/web.ts) against the real preview host over loopback.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, connect as tcpConnect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { AppState } from '../../shared/state';
import { createWebBridge } from '../../renderer/src/bridge/web';
import { createMemorySecretStore } from '../../electron/web/secrets';
import { startWebHost, type WebHost } from '../../electron/web/server';

let dir: string;
let host: WebHost;
let page: URL;
let proxy: Server;
let proxyPort: number;
const proxied = new Set<Socket>();

/** Node 20 has no WebSocket global; ws stands in, sending the Origin a browser would send for the page. */
function useBrowserWebSocket(origin: string): void {
  class BrowserWebSocket extends WebSocket {
    constructor(url: string) {
      super(url, { origin });
    }
  }
  (globalThis as { WebSocket?: unknown }).WebSocket = BrowserWebSocket;
}

/** A loopback TCP relay in front of the host, so a test can cut the line the way a dropped network would. */
async function startRelay(port: number): Promise<void> {
  proxy = createServer((client) => {
    const upstream = tcpConnect(port, '127.0.0.1');
    for (const s of [client, upstream]) {
      proxied.add(s);
      s.on('error', () => {});
      s.on('close', () => proxied.delete(s));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  proxyPort = (proxy.address() as { port: number }).port;
}

function nextState(bridge: ReturnType<typeof createWebBridge>): Promise<AppState> {
  return new Promise((done) => {
    // subscribe replays the latest state at once; wait for a fresh push instead.
    let replaying = true;
    const stop = bridge.subscribe((state) => {
      if (replaying) return;
      stop();
      done(state);
    });
    replaying = false;
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sheaf-web-bridge-'));
  await mkdir(join(dir, 'renderer'));
  await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Sheaf</title>');
  host = await startWebHost({
    rendererDir: join(dir, 'renderer'),
    env: {},
    dataDir: join(dir, 'data'),
    secrets: createMemorySecretStore(),
    log: () => {},
  });
  page = new URL(host.url);
  useBrowserWebSocket(page.origin);
  await startRelay(host.port);
});

afterAll(async () => {
  for (const s of proxied) s.destroy();
  await new Promise((r) => proxy?.close(r));
  await host?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the web bridge', () => {
  it('queues calls made before the socket opens and answers each by its id', async () => {
    const bridge = createWebBridge({ host: page.host, search: page.search });
    const [state, hidden, badSignIn] = await Promise.all([
      bridge.getState(),
      bridge.hidePopover(),
      bridge.signIn({ token: 'short', accountId: 'not a number' }),
    ]);
    expect(state.ok && state.value.session.status).toBe('signed_out');
    expect(hidden.ok).toBe(true);
    expect(badSignIn.ok).toBe(false);
    expect(!badSignIn.ok && badSignIn.error.code).toBe('bad_input');
  });

  it('fans state to subscribers, and a late subscriber gets the latest at once', async () => {
    const bridge = createWebBridge({ host: page.host, search: page.search });
    const first = await new Promise<AppState>((done) => bridge.subscribe(done));
    expect(first.session.status).toBe('signed_out');

    const seen: AppState[] = [];
    const stop = bridge.subscribe((s) => seen.push(s));
    expect(seen).toHaveLength(1);
    stop();
  });

  it('has a function for every command in the contract', async () => {
    const bridge = createWebBridge({ host: page.host, search: page.search });
    const { commandNames } = await import('../../shared/ipc');
    for (const name of commandNames) expect(typeof bridge[name], name).toBe('function');
  });

  it('reconnects after the line drops and carries on', async () => {
    const bridge = createWebBridge({ host: `127.0.0.1:${proxyPort}`, search: page.search });
    expect((await bridge.getState()).ok).toBe(true);
    expect(proxied.size).toBeGreaterThan(0);

    const pushedAgain = nextState(bridge);
    for (const s of proxied) s.destroy();
    // The host pushes the state to every new connection, so a fresh push proves the bridge came back.
    expect((await pushedAgain).session.status).toBe('signed_out');
    const after = await bridge.getState();
    expect(after.ok).toBe(true);
  });

  it('says how to get in when the page URL has no key', async () => {
    const bridge = createWebBridge({ host: page.host, search: '' });
    const result = await bridge.getState();
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toMatch(/npm run web/);
  });
});
