// Settings' "Install the sheaf command" against a temporary home: the link in ~/.local/bin (or a folder for
// everyone), what it says about PATH, an older link replaced, a file of the person's never overwritten, the link
// running the command; and on Windows, the folder added once to the user's PATH (its registry behind a port).
import { spawnSync } from 'node:child_process';
import { lstat, mkdir, mkdtemp, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCommandInstaller, withFolder, type UserPath } from '../../electron/main/adapters/command-link';

let home: string;
const launcher = resolve('scripts/sheaf.mjs');

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'sheaf-home-'));
});

afterEach(() => rm(home, { recursive: true, force: true }));

const installer = (path = '/usr/bin:/bin', systemDir?: string) =>
  createCommandInstaller({ launcher, home, platform: 'linux', path, ...(systemDir ? { systemDir } : {}) });

describe('on Linux and macOS', () => {
  it('links ~/.local/bin/sheaf to the command, making the folder, and says to put it on PATH', async () => {
    const done = await installer().install('user');
    const link = join(home, '.local', 'bin', 'sheaf');
    expect(done).toEqual({
      path: link,
      onPath: false,
      note:
        "Installed ~/.local/bin/sheaf, but ~/.local/bin isn't on your PATH: add it in your shell's profile " +
        '(export PATH="$HOME/.local/bin:$PATH"), then open a new terminal.',
    });
    expect(await readlink(link)).toBe(launcher);
  });

  it('says only where it put it when the folder is on PATH, and the link runs the command', async () => {
    const bin = join(home, '.local', 'bin');
    const done = await installer(`${bin}:/usr/bin:/bin`).install('user');
    expect(done).toMatchObject({
      onPath: true,
      note: 'Installed ~/.local/bin/sheaf. Open a new terminal and run: sheaf --help',
    });
    const run = spawnSync(join(bin, 'sheaf'), ['--help'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: sheaf <command>');
  });

  it('replaces an older link, and installing twice leaves one link', async () => {
    const bin = join(home, '.local', 'bin');
    await mkdir(bin, { recursive: true });
    await symlink('/opt/OldSheaf/resources/bin/sheaf', join(bin, 'sheaf'));
    await installer().install('user');
    await installer().install('user');
    expect(await readlink(join(bin, 'sheaf'))).toBe(launcher);
  });

  it('never overwrites a file of the person’s called sheaf', async () => {
    const bin = join(home, '.local', 'bin');
    await mkdir(bin, { recursive: true });
    await writeFile(join(bin, 'sheaf'), '#!/bin/sh\necho mine\n');
    await expect(installer().install('user')).rejects.toThrow(
      "~/.local/bin/sheaf is already there and isn't a link; move it aside first.",
    );
    expect((await lstat(join(bin, 'sheaf'))).isSymbolicLink()).toBe(false);
  });

  it('links nothing into an AppImage, which is mounted somewhere new each run, and says what to install', async () => {
    const appImage = createCommandInstaller({
      launcher,
      home,
      platform: 'linux',
      path: '',
      appImage: '/x.AppImage',
    });
    await expect(appImage.install('user')).rejects.toThrow('install the .deb for the sheaf command');
    await expect(lstat(join(home, '.local', 'bin', 'sheaf'))).rejects.toThrow();
  });

  it('links into the folder for everyone when asked for it', async () => {
    const everyone = join(home, 'usr-local-bin');
    const done = await installer('/usr/bin', everyone).install('system');
    expect(done.path).toBe(join(everyone, 'sheaf'));
    expect(await readlink(join(everyone, 'sheaf'))).toBe(launcher);
  });
});

describe('on Windows', () => {
  const cmd = 'C:\\Users\\ada\\AppData\\Local\\Programs\\Sheaf\\resources\\bin\\sheaf.cmd';
  const folder = 'C:\\Users\\ada\\AppData\\Local\\Programs\\Sheaf\\resources\\bin';
  const registry = (value: string): UserPath & { value: string; writes: number } => {
    const fake = {
      value,
      writes: 0,
      read: async () => fake.value,
      write: async (next: string) => {
        fake.value = next;
        fake.writes++;
      },
    };
    return fake;
  };
  const windows = (userPath: UserPath) =>
    createCommandInstaller({ launcher: cmd, home: 'C:\\Users\\ada', platform: 'win32', path: '', userPath });

  it('adds the command’s folder to the user’s PATH once', async () => {
    const userPath = registry('C:\\Tools;%USERPROFILE%\\bin');
    expect(await windows(userPath).install('user')).toEqual({
      path: cmd,
      onPath: true,
      note: `Added ${folder} to your PATH. Open a new terminal and run: sheaf --help`,
    });
    expect(userPath.value).toBe(`C:\\Tools;%USERPROFILE%\\bin;${folder}`);
    expect((await windows(userPath).install('user')).note).toContain('is on your PATH already');
    expect(userPath.writes).toBe(1);
  });

  it('finds the folder already there whatever its case or trailing backslash', () => {
    expect(withFolder(`C:\\Tools;${folder.toUpperCase()}\\`, folder)).toBeNull();
    expect(withFolder('', folder)).toBe(folder);
  });

  it('has no folder for everyone', async () => {
    await expect(windows(registry('')).install('system')).rejects.toThrow('goes on your own PATH');
  });
});
