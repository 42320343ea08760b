// Checks the preview's static folder keeps its wall against symlinks: a linked file or folder that leads outside is
// a 404, links that stay inside and a build folder that is itself a link still serve, and the fixed favicon stays.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticHandler } from '../../electron/web/static-files';

let dir: string;
const servers: Server[] = [];

/** Serves rootDir on a random loopback port the way the preview host does, and answers with its origin. */
async function serve(rootDir: string, fallbacks: Record<string, string> = {}): Promise<string> {
  const handle = createStaticHandler(rootDir, { fallbacks });
  const server = createServer((req, res) => {
    void handle(req, res, new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
  });
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function body(url: string): Promise<{ status: number; text: string }> {
  const reply = await fetch(url);
  return { status: reply.status, text: await reply.text() };
}

let origin: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sheaf-web-symlinks-'));
  const root = join(dir, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await mkdir(join(dir, 'outside'));
  await writeFile(join(dir, 'outside', 'secret.txt'), 'outside the renderer folder');
  await writeFile(join(dir, 'icon.png'), 'fixed icon');
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Sheaf</title>');
  await writeFile(join(root, 'assets', 'app.js'), 'sheaf();');
  // The links a careless build step or a hostile checkout could leave in the folder.
  await symlink(join(dir, 'outside', 'secret.txt'), join(root, 'secret.txt'));
  await symlink('../../outside/secret.txt', join(root, 'assets', 'relative.txt'));
  await symlink(join(dir, 'outside'), join(root, 'linked'));
  await symlink(join(dir, 'outside', 'secret.txt'), join(root, 'favicon.ico'));
  await symlink(join(root, 'assets', 'app.js'), join(root, 'alias.js'));
  await symlink(join(root, 'assets'), join(root, 'assets-link'));
  origin = await serve(root, { '/favicon.ico': join(dir, 'icon.png') });
});

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((done) => s.close(done))));
  await rm(dir, { recursive: true, force: true });
});

describe('the static folder and symlinks', () => {
  it.each(['/secret.txt', '/assets/relative.txt', '/linked/secret.txt', '/linked/'])(
    'answers %s, a link leading outside, with 404 and nothing from outside',
    async (path) => {
      const reply = await body(`${origin}${path}`);
      expect(reply.status).toBe(404);
      expect(reply.text).not.toContain('outside the renderer folder');
    },
  );

  it('serves a link that stays inside the folder, typed by the name asked for', async () => {
    const reply = await fetch(`${origin}/alias.js`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await reply.text()).toBe('sheaf();');
    expect(await body(`${origin}/assets-link/app.js`)).toEqual({ status: 200, text: 'sheaf();' });
  });

  it('answers /favicon.ico with the fixed icon when the folder’s favicon is a link leading outside', async () => {
    expect(await body(`${origin}/favicon.ico`)).toEqual({ status: 200, text: 'fixed icon' });
  });

  it('still serves a build folder that is itself a link, and its fixed favicon', async () => {
    const linkedRoot = join(dir, 'renderer-link');
    await mkdir(join(dir, 'plain', 'assets'), { recursive: true });
    await writeFile(join(dir, 'plain', 'index.html'), '<!doctype html><title>Sheaf</title>');
    await writeFile(join(dir, 'plain', 'assets', 'app.js'), 'sheaf();');
    await symlink(join(dir, 'plain'), linkedRoot);
    const other = await serve(linkedRoot, { '/favicon.ico': join(dir, 'icon.png') });
    expect((await body(`${other}/`)).status).toBe(200);
    expect(await body(`${other}/assets/app.js`)).toEqual({ status: 200, text: 'sheaf();' });
    expect(await body(`${other}/favicon.ico`)).toEqual({ status: 200, text: 'fixed icon' });
  });
});
