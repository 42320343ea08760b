// Checks how the preview picks what opens its URL (BROWSER, none, the platform's opener) and that failing never hurts.
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openBrowser, planBrowserOpen } from '../../electron/web/open-browser';

const url = 'http://127.0.0.1:5180/?key=Zm9vYmFyLWJhei1xdXV4LTAxMjM0NTY3ODlhYmNkZWY';
const desktop = { DISPLAY: ':0' };

describe('planBrowserOpen', () => {
  it('runs xdg-open with the exact URL on Linux with a display', () => {
    expect(planBrowserOpen(url, { platform: 'linux', env: desktop })).toEqual({
      kind: 'run',
      command: 'xdg-open',
      args: [url],
    });
    expect(planBrowserOpen(url, { platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' } })).toMatchObject({
      command: 'xdg-open',
    });
  });

  it('runs open on macOS', () => {
    expect(planBrowserOpen(url, { platform: 'darwin', env: {} })).toEqual({
      kind: 'run',
      command: 'open',
      args: [url],
    });
  });

  it('runs cmd /c start "" with the quoted URL, verbatim, on Windows', () => {
    expect(planBrowserOpen(url, { platform: 'win32', env: {} })).toEqual({
      kind: 'run',
      command: 'cmd',
      args: ['/c', 'start', '""', `"${url}"`],
      windowsVerbatimArguments: true,
    });
  });

  it('keeps a quote in the URL from closing the quotes cmd sees', () => {
    const plan = planBrowserOpen('http://127.0.0.1:1/?q=a"&calc', { platform: 'win32', env: {} });
    expect(plan.kind === 'run' && plan.args[3]).toBe('"http://127.0.0.1:1/?q=a%22&calc"');
  });

  it.each(['none', 'NONE', ' None '])('opens nothing when BROWSER is %j', (value) => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(planBrowserOpen(url, { platform, env: { ...desktop, BROWSER: value } })).toEqual({
        kind: 'none',
      });
    }
  });

  it('runs the BROWSER program itself with the URL, on every platform', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(planBrowserOpen(url, { platform, env: { BROWSER: 'firefox' } })).toEqual({
        kind: 'run',
        command: 'firefox',
        args: [url],
      });
    }
  });

  it('takes a BROWSER with spaces as one program path, not a shell line', () => {
    const plan = planBrowserOpen(url, {
      platform: 'linux',
      env: { BROWSER: '/opt/My Browser/run; rm -rf ~' },
    });
    expect(plan).toEqual({ kind: 'run', command: '/opt/My Browser/run; rm -rf ~', args: [url] });
  });

  it('falls back to the platform opener when BROWSER is empty', () => {
    expect(planBrowserOpen(url, { platform: 'linux', env: { ...desktop, BROWSER: '  ' } })).toMatchObject({
      command: 'xdg-open',
    });
  });

  it('says to open it by hand on Linux without a graphical session, instead of running xdg-open', () => {
    expect(planBrowserOpen(url, { platform: 'linux', env: {} })).toEqual({
      kind: 'by-hand',
      reason: 'no graphical session',
    });
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'not a url'])(
    'hands nothing to an opener for %s',
    (bad) => {
      expect(planBrowserOpen(bad, { platform: 'darwin', env: { BROWSER: 'firefox' } }).kind).toBe('by-hand');
    },
  );
});

/** A spawn stand-in that records the call and hands back a child the test can make fail. */
function fakeSpawn() {
  const child = Object.assign(new EventEmitter(), { unref: vi.fn() }) as unknown as ChildProcess &
    EventEmitter & { unref: ReturnType<typeof vi.fn> };
  const calls: { command: string; args: string[]; options: SpawnOptions }[] = [];
  const spawn = (command: string, args: string[], options: SpawnOptions) => {
    calls.push({ command, args, options });
    return child;
  };
  return { spawn, calls, child };
}

describe('openBrowser', () => {
  it('starts the opener detached, with no stdio, and lets this process exit without waiting for it', () => {
    const { spawn, calls, child } = fakeSpawn();
    openBrowser(url, { platform: 'darwin', env: {}, spawn, log: () => {} });
    expect(calls).toEqual([
      {
        command: 'open',
        args: [url],
        options: expect.objectContaining({ detached: true, stdio: 'ignore' }),
      },
    ]);
    expect(child.unref).toHaveBeenCalled();
  });

  it('runs nothing and says nothing when BROWSER=none', () => {
    const { spawn, calls } = fakeSpawn();
    const log = vi.fn();
    openBrowser(url, { platform: 'linux', env: { ...desktop, BROWSER: 'none' }, spawn, log });
    expect(calls).toEqual([]);
    expect(log).not.toHaveBeenCalled();
  });

  it('runs nothing without a display and says in one line that the URL can be opened by hand', () => {
    const { spawn, calls } = fakeSpawn();
    const log = vi.fn();
    openBrowser(url, { platform: 'linux', env: {}, spawn, log });
    expect(calls).toEqual([]);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]![0]).toContain(`open ${url} by hand`);
  });

  it('says once that the URL can be opened by hand when the opener reports an error and then exits', () => {
    const { spawn, child } = fakeSpawn();
    const log = vi.fn();
    openBrowser(url, { platform: 'darwin', env: {}, spawn, log });
    child.emit('error', Object.assign(new Error('spawn open ENOENT'), { code: 'ENOENT' }));
    child.emit('exit', -2, null);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]![0]).toContain('open not found');
    expect(log.mock.calls[0]![0]).toContain('by hand');
    expect(log.mock.calls[0]![0]).not.toContain('\n');
  });

  it('says nothing when the opener exits cleanly', () => {
    const { spawn, child } = fakeSpawn();
    const log = vi.fn();
    openBrowser(url, { platform: 'darwin', env: {}, spawn, log });
    child.emit('exit', 0, null);
    expect(log).not.toHaveBeenCalled();
  });

  it('survives a spawn that throws', () => {
    const log = vi.fn();
    const spawn = () => {
      throw new Error('EINVAL');
    };
    expect(() => openBrowser(url, { platform: 'darwin', env: {}, spawn, log })).not.toThrow();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('by hand'));
  });

  it('does not throw when the BROWSER program does not exist, and says so once', async () => {
    const lines: string[] = [];
    const said = new Promise<void>((done) => {
      openBrowser(url, {
        platform: 'linux',
        env: { BROWSER: '/nonexistent/sheaf-test-browser' },
        log: (line) => {
          lines.push(line);
          done();
        },
      });
    });
    await said;
    await new Promise((r) => setTimeout(r, 50));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('/nonexistent/sheaf-test-browser not found');
  });

  it.skipIf(process.platform === 'win32')(
    'hands a real BROWSER program exactly the URL, and reports its failing exit status',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'sheaf-open-browser-'));
      try {
        const record = join(dir, 'opened.txt');
        const program = join(dir, 'browser.sh');
        await writeFile(program, `#!/bin/sh\nprintf '%s\\n' "$#" "$@" > '${record}'\nexit 3\n`);
        await chmod(program, 0o755);
        const line = await new Promise<string>((done) =>
          openBrowser(url, { platform: 'linux', env: { BROWSER: program }, log: done }),
        );
        expect(await readFile(record, 'utf8')).toBe(`1\n${url}\n`);
        expect(line).toContain('exited with status 3');
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
});
