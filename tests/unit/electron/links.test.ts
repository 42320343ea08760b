// Tests how sheaf:// links reach Sheaf from the OS, against a fake of Electron's app: the scheme registered (from
// source too), macOS's open-url, a second launch's argv through the single-instance lock, and links that arrive
// before Sheaf is ready waiting for it; and the scheme claimed in the packages.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { App, Event as ElectronEvent } from 'electron';
import { parse } from 'yaml';
import { describe, expect, it, vi } from 'vitest';
import { receiveLinks, type LinkApp } from '../../../electron/main/platform/links';
import { FakeEmitter, fakeEvent } from './fake-electron';

class FakeApp extends FakeEmitter implements LinkApp {
  registered = true;
  setAsDefaultProtocolClient = vi.fn<App['setAsDefaultProtocolClient']>(() => this.registered);
}

function setUp(options: { argv?: string[]; defaultApp?: boolean; registered?: boolean } = {}) {
  const app = new FakeApp();
  app.registered = options.registered ?? true;
  const log = vi.fn<(line: string) => void>();
  const inbox = receiveLinks({
    app,
    argv: options.argv ?? ['/opt/Sheaf/sheaf'],
    defaultApp: options.defaultApp ?? false,
    execPath: '/opt/Sheaf/sheaf',
    log,
  });
  const target = { openLink: vi.fn<(link: string) => void>(), show: vi.fn<() => void>() };
  return { app, inbox, target, log };
}

describe('receiveLinks', () => {
  it('registers sheaf:// with the OS: the packaged app by itself, Electron from source with the app’s path', () => {
    expect(setUp().app.setAsDefaultProtocolClient).toHaveBeenCalledWith('sheaf');
    const fromSource = setUp({ argv: ['/usr/bin/electron', 'out/main/index.js'], defaultApp: true });
    expect(fromSource.app.setAsDefaultProtocolClient).toHaveBeenCalledWith('sheaf', '/opt/Sheaf/sheaf', [
      resolve('out/main/index.js'),
    ]);
  });

  it('logs when the OS would not take the scheme', () => {
    expect(setUp({ registered: false }).log).toHaveBeenCalledWith(
      'sheaf:// links: the OS did not take Sheaf as their handler',
    );
  });

  it('follows the link a first launch carries, once Sheaf is ready', () => {
    const { inbox, target } = setUp({ argv: ['/opt/Sheaf/sheaf', 'sheaf://start?q=acme'] });
    expect(target.openLink).not.toHaveBeenCalled();
    inbox.deliverTo(target);
    expect(target.openLink).toHaveBeenCalledWith('sheaf://start?q=acme');
  });

  it('takes macOS’s open-url, before ready and after, and keeps the OS from handling it too', () => {
    const { app, inbox, target } = setUp();
    const early = fakeEvent();
    app.emit('open-url', early, 'sheaf://toggle');
    inbox.deliverTo(target);
    const late: ElectronEvent = fakeEvent();
    app.emit('open-url', late, 'sheaf://stop');
    expect(target.openLink.mock.calls).toEqual([['sheaf://toggle'], ['sheaf://stop']]);
    expect(early.defaultPrevented).toBe(true);
  });

  it('routes a second launch through the lock: its link is followed, a plain launch shows the popover', () => {
    const { app, inbox, target } = setUp();
    inbox.deliverTo(target);
    app.emit('second-instance', fakeEvent(), ['/opt/Sheaf/sheaf', '--flag', 'sheaf://show'], '/home/dana');
    app.emit('second-instance', fakeEvent(), ['/opt/Sheaf/sheaf'], '/home/dana');
    expect(target.openLink).toHaveBeenCalledWith('sheaf://show');
    expect(target.show).toHaveBeenCalledTimes(1);
  });
});

describe('packaging', () => {
  it('claims sheaf:// for the app on macOS and Windows (protocols) and Linux (the .desktop MimeType)', async () => {
    const config = parse(await readFile('electron-builder.yml', 'utf8')) as {
      protocols: Array<{ schemes: string[] }>;
      linux: { desktop: { entry: { MimeType: string } } };
    };
    expect(config.protocols.flatMap((p) => p.schemes)).toEqual(['sheaf']);
    expect(config.linux.desktop.entry.MimeType.split(';')).toContain('x-scheme-handler/sheaf');
  });

  it('declares the sheaf command as the package’s bin', async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { bin: Record<string, string> };
    expect(pkg.bin).toEqual({ sheaf: 'scripts/sheaf.mjs' });
  });
});
