// Owns the checks of who can reach the sandbox and how: loopback only unless asked, the token only from the header
// on writes, JSON-only write bodies (no cross-site form can post), and a request log that stays bounded.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isLoopbackHost, startSandbox } from '../../electron/sandbox/server';
import { HEADERS_UA, TODAY, sandboxAt } from '../fixtures/harvest/sandbox-harness';

const repo = fileURLToPath(new URL('../..', import.meta.url));

describe('where the sandbox listens', () => {
  it('counts only this computer as loopback', () => {
    for (const host of ['127.0.0.1', '127.0.0.2', '::1', '[::1]', 'localhost', '::ffff:127.0.0.1'])
      expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'example.com', '128.0.0.1', 'localhost.evil'])
      expect(isLoopbackHost(host), host).toBe(false);
  });

  it('refuses a host beyond loopback unless allowRemote is set', async () => {
    await expect(startSandbox({ host: '0.0.0.0', rateLimit: false })).rejects.toThrow(/only on loopback/);
    const sandbox = await startSandbox({ host: '0.0.0.0', allowRemote: true, rateLimit: false });
    try {
      expect(sandbox.url).toMatch(/^http:\/\/0\.0\.0\.0:\d+\/v2$/);
    } finally {
      await sandbox.close();
    }
  });

  it('`npm run sandbox --host` beyond loopback needs --allow-remote, and then warns', async () => {
    const run = (args: string[]) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
        const child = spawn(
          join(repo, 'node_modules', '.bin', 'tsx'),
          [join(repo, 'electron', 'sandbox', 'cli.ts'), '--quiet', ...args],
          { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] },
        );
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk;
          // Started: that is all this test needs to see.
          if (stdout.includes('Press Ctrl-C to stop.')) child.kill('SIGTERM');
        });
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
        child.on('exit', (code) => done({ code, stdout, stderr }));
      });

    const refused = await run(['--host', '0.0.0.0']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--allow-remote');
    expect(refused.stdout).toBe('');

    const allowed = await run(['--host', '0.0.0.0', '--allow-remote']);
    expect(allowed.stderr).toMatch(/^Warning: the sandbox listens on 0\.0\.0\.0, beyond this computer/);
    expect(allowed.stdout).toContain('HARVEST_API_URL=http://0.0.0.0:');
  }, 30_000);
});

describe('tokens on writes', () => {
  it('takes ?access_token= on reads, as Harvest does', async () => {
    const { call, sandbox } = await sandboxAt();
    const read = await call('GET', `/users/me?access_token=${sandbox.token}`, {
      headers: { Authorization: '' },
    });
    expect(read.status).toBe(200);
  });

  it.each(['POST', 'PATCH', 'DELETE'])(
    'refuses a query token on %s with 401, even beside a good header',
    async (method) => {
      const { call, sandbox, trackable } = await sandboxAt({ seed: 'empty' });
      const created = await call('POST', '/time_entries', {
        body: { ...trackable(), spent_date: TODAY, hours: 1 },
      });
      const path = method === 'POST' ? '/time_entries' : `/time_entries/${created.json.id}`;
      const body = method === 'DELETE' ? undefined : { ...trackable(), spent_date: TODAY, hours: 2 };
      for (const headers of [{ Authorization: '' }, {}] as Record<string, string>[]) {
        const res = await call(method, `${path}?access_token=${sandbox.token}`, { body, headers });
        expect(res.status).toBe(401);
        expect(res.json).toMatchObject({ error: 'invalid_token' });
      }
      expect(sandbox.admin.entries().map((e) => e.hours)).toEqual([1]);
    },
  );
});

/** Each encoding of a real entry for the sandbox's own ids that Harvest (Rails) reads as form data. */
const formBodies: [string, (entry: Record<string, string>) => string][] = [
  ['application/x-www-form-urlencoded', (entry) => new URLSearchParams(entry).toString()],
  [
    'multipart/form-data; boundary=x',
    (entry) =>
      Object.entries(entry)
        .map(([k, v]) => `--x\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
        .join('') + '--x--\r\n',
  ],
];

describe('write bodies', () => {
  it.each(formBodies)(
    'creates the entry from a %s body, as Harvest takes form data as well as JSON',
    async (type, encode) => {
      const { call, sandbox, trackable } = await sandboxAt({ seed: 'empty' });
      const { project_id, task_id } = trackable();
      const entry = {
        project_id: String(project_id),
        task_id: String(task_id),
        spent_date: TODAY,
        hours: '1.5',
        notes: 'from a form & more',
      };
      const res = await call('POST', '/time_entries', {
        rawBody: encode(entry),
        headers: { 'Content-Type': type },
      });
      expect(res.status).toBe(201);
      expect(sandbox.admin.entries()).toEqual([
        expect.objectContaining({ hours: 1.5, notes: 'from a form & more', spent_date: TODAY }),
      ]);
    },
  );

  it('reads a form body’s bracketed external_reference fields as one object', async () => {
    const { call, trackable } = await sandboxAt({ seed: 'empty' });
    const { project_id, task_id } = trackable();
    const form = new URLSearchParams({
      project_id: String(project_id),
      task_id: String(task_id),
      spent_date: TODAY,
      hours: '1',
      'external_reference[id]': '12',
      'external_reference[group_id]': 'acme/site',
      'external_reference[permalink]': 'https://github.com/acme/site/issues/12',
    });
    const res = await call('POST', '/time_entries', {
      rawBody: form.toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(201);
    expect(res.json.external_reference).toMatchObject({
      id: '12',
      group_id: 'acme/site',
      permalink: 'https://github.com/acme/site/issues/12',
    });
  });

  it.each(['text/plain', 'text/plain;charset=UTF-8'])(
    'answers a %s write with 415 and a Harvest-style message, creating nothing',
    async (type) => {
      const { call, sandbox, trackable } = await sandboxAt({ seed: 'empty' });
      const res = await call('POST', '/time_entries', {
        rawBody: JSON.stringify({ ...trackable(), spent_date: TODAY, hours: 1 }),
        headers: { 'Content-Type': type },
      });
      expect(res.status).toBe(415);
      expect(res.json).toEqual({ message: expect.stringContaining('application/json') });
      expect(sandbox.admin.entries()).toEqual([]);
    },
  );

  it('refuses a body sent with no Content-Type at all', async () => {
    const { sandbox } = await sandboxAt({ seed: 'empty' });
    // fetch would label a string body text/plain; a bare request sends none.
    const res = await fetch(`${sandbox.url}/time_entries`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${sandbox.token}`,
        'Harvest-Account-Id': sandbox.accountId,
        'User-Agent': HEADERS_UA,
      },
      body: new Blob(['{"hours":1}']),
    });
    expect(res.status).toBe(415);
    expect(sandbox.admin.entries()).toEqual([]);
  });

  it('takes JSON with a charset, and a body-less PATCH …/stop', async () => {
    const { call, trackable } = await sandboxAt({ seed: 'empty' });
    const started = await call('POST', '/time_entries', {
      rawBody: JSON.stringify({ ...trackable(), spent_date: TODAY }),
      headers: { 'Content-Type': 'Application/JSON; charset=utf-8' },
    });
    expect(started.status).toBe(201);
    const stopped = await call('PATCH', `/time_entries/${started.json.id}/stop`);
    expect([stopped.status, stopped.json.is_running]).toEqual([200, false]);
  });
});

describe('the request log', () => {
  it('keeps the newest 5,000 of 10,000 requests, bodies only on the newest 1,000', async () => {
    const { call, sandbox, trackable } = await sandboxAt({ seed: 'empty' });
    const body = { ...trackable(), spent_date: TODAY, hours: 0.1 };
    for (let i = 0; i < 10_000; i += 50) {
      await Promise.all(
        Array.from({ length: 50 }, (_, j) =>
          (i + j) % 10 === 0
            ? call('POST', '/time_entries', { body: { ...body, notes: `request ${i + j}` } })
            : call('GET', `/users/me?n=${i + j}`),
        ),
      );
    }
    const log = sandbox.requestLog;
    expect(log).toHaveLength(5_000);
    expect(log.every((r) => r.status !== 0)).toBe(true);
    // The newest requests are the ones kept (50 at a time arrive in any order among themselves).
    expect(log.some((r) => r.path === '/v2/users/me?n=9999')).toBe(true);
    expect(log.some((r) => r.path === '/v2/users/me?n=4949')).toBe(false);
    const posts = log.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(500);
    expect(log.slice(0, -1_000).every((r) => r.body === undefined)).toBe(true);
    expect(
      log
        .slice(-1_000)
        .filter((r) => r.method === 'POST')
        .every((r) => /^request \d+$/.test((r.body as { notes: string }).notes)),
    ).toBe(true);
  }, 60_000);

  it('does not keep a body over 16,384 characters', async () => {
    const { call, sandbox, trackable } = await sandboxAt({ seed: 'empty' });
    await call('POST', '/time_entries', {
      body: { ...trackable(), spent_date: TODAY, notes: 'x'.repeat(20_000) },
    });
    expect(sandbox.requestLog[0]!.body).toMatch(/^\(\d+ characters, not kept\)$/);
  });
});
