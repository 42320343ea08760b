// Checks the preview host answers a browser's /favicon.ico with the app icon, so no page load logs a 404.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemorySecretStore } from '../../electron/web/secrets';
import { startWebHost, type WebHost } from '../../electron/web/server';
import { previewContentSecurityPolicy } from '../../electron/web/static-files';

let dir: string;
let host: WebHost;
let origin: string;

function startHost(rendererDir: string, data: string): Promise<WebHost> {
  return startWebHost({
    rendererDir,
    env: {},
    dataDir: join(dir, data),
    secrets: createMemorySecretStore(),
    log: () => {},
  });
}

/** The sources a CSP directive allows, as a list. */
function directive(policy: string, name: string): string[] {
  const found = policy
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([key]) => key === name);
  return found?.slice(1) ?? [];
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sheaf-web-favicon-'));
  // Like the real build: an index.html and hashed assets, and no favicon of its own.
  await mkdir(join(dir, 'renderer', 'assets'), { recursive: true });
  await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Sheaf</title>');
  host = await startHost(join(dir, 'renderer'), 'data');
  origin = new URL(host.url).origin;
});

afterAll(async () => {
  await host?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('/favicon.ico', () => {
  it('is answered with the app icon as a cacheable PNG, not a 404', async () => {
    const reply = await fetch(`${origin}/favicon.ico`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('image/png');
    expect(reply.headers.get('cache-control')).toMatch(/max-age=[1-9]\d*/);
    const body = Buffer.from(await reply.arrayBuffer());
    expect(body.equals(await readFile('resources/icon.png'))).toBe(true);
    expect(Number(reply.headers.get('content-length'))).toBe(body.length);
  });

  it('keeps the strict headers every other answer carries', async () => {
    const reply = await fetch(`${origin}/favicon.ico`);
    expect(reply.headers.get('content-security-policy')).toBe(previewContentSecurityPolicy(host.port));
    expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
    expect(reply.headers.get('cross-origin-resource-policy')).toBe('same-origin');
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await fetch(`${origin}/favicon.ico`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('image/png');
    expect(await head.text()).toBe('');
    expect((await fetch(`${origin}/favicon.ico`, { method: 'POST' })).status).toBe(405);
  });

  it('is allowed by the page CSP (img-src self) in both the header and the renderer meta tag', async () => {
    expect(directive(previewContentSecurityPolicy(host.port), 'img-src')).toContain("'self'");
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(
      await readFile('renderer/index.html', 'utf8'),
    );
    expect(directive(meta![1]!, 'img-src')).toContain("'self'");
  });

  it('opens no other way to the resources folder', async () => {
    for (const path of [
      '/icon.png',
      '/resources/icon.png',
      '/favicon.ico/',
      '/assets/favicon.ico',
      '/tray.png',
    ]) {
      expect((await fetch(`${origin}${path}`)).status, path).toBe(404);
    }
  });

  it("is the renderer's own favicon when the build has one", async () => {
    const rendererDir = join(dir, 'renderer-with-icon');
    await mkdir(rendererDir);
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Sheaf</title>');
    await writeFile(join(rendererDir, 'favicon.ico'), 'own icon');
    const other = await startHost(rendererDir, 'data-2');
    try {
      const reply = await fetch(`${new URL(other.url).origin}/favicon.ico`);
      expect(reply.status).toBe(200);
      expect(reply.headers.get('content-type')).toBe('image/x-icon');
      expect(await reply.text()).toBe('own icon');
    } finally {
      await other.close();
    }
  });
});
