// The data folder is the person's: Sheaf keeps a folder's mode as it found it (its socket goes in a private
// subfolder it makes), refuses a folder another user owns for everything, and says why when a read-only folder
// can't take the socket, in the popover and from the `sheaf` command.
import { spawnSync } from 'node:child_process';
import { chmod, chown, mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemorySecretStore } from '../../electron/web/secrets';
import { startWebHost } from '../../electron/web/server';
import { runSheafIn } from '../fixtures/sheaf-cli';

const isRoot = process.getuid?.() === 0;
let dir: string;

const start = (dataDir: string) =>
  startWebHost({
    rendererDir: join(dir, 'renderer'),
    env: {},
    dataDir,
    secrets: createMemorySecretStore(),
    log: () => {},
  });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sheaf-folder-'));
  // Others must be able to pass through to reach the folders below when a test is run as another user.
  await chmod(dir, 0o755);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('a data folder Sheaf did not create', () => {
  it.each([
    ['a shared sticky folder', 0o1777],
    ['a group folder', 0o2770],
    ['an ordinary folder', 0o755],
  ])('keeps %s as it was, and makes the socket a private subfolder of its own', async (_what, mode) => {
    const data = join(dir, `kept-${mode.toString(8)}`);
    await mkdir(data);
    await chmod(data, mode);
    const host = await start(data);
    try {
      expect((await stat(data)).mode & 0o7777).toBe(mode);
      expect(host.controlSocket).toBe(join(data, 'control', 'control.sock'));
      expect((await stat(join(data, 'control'))).mode & 0o777).toBe(0o700);
      expect((await runSheafIn(data, ['status'])).code).toBe(0);
    } finally {
      await host.close();
    }
  });

  // chown to another user needs root; CI runs as root, elsewhere this is skipped.
  it.runIf(isRoot)("refuses another user's folder for everything, saying whose it is", async () => {
    const theirs = join(dir, 'theirs');
    await mkdir(theirs);
    await chown(theirs, 65534, 65534);
    await expect(start(theirs)).rejects.toThrow(
      /^Sheaf won't use the data folder .*theirs: it belongs to the user nobody \(uid 65534\), not to you\./,
    );
    // Nothing of this person's was written there: no settings, cache, outbox or socket for its owner to read
    // or plant lines in.
    expect(await readdir(theirs)).toEqual([]);
  });
});

describe('a read-only data folder', () => {
  /**
   * As root a mode can't make a folder read-only (root writes anyway), so CI mounts a read-only tmpfs; anyone
   * else gets a folder they may only read (500). Mounting needs root, and a mount namespace that allows it.
   */
  async function readOnlyFolder(): Promise<{ path: string; undo(): Promise<void> } | null> {
    const path = join(dir, 'read-only');
    await mkdir(path, { recursive: true });
    if (!isRoot) {
      await chmod(path, 0o500);
      return { path, undo: () => chmod(path, 0o700) };
    }
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', path]);
    if (mounted.status !== 0) return null;
    return { path, undo: async () => void spawnSync('umount', [path]) };
  }

  it('says why in the popover, and the command says permission denied, not that Sheaf is not running', async (ctx) => {
    const folder = await readOnlyFolder();
    if (!folder) return ctx.skip();
    try {
      const host = await start(folder.path);
      try {
        expect(host.controlSocket).toBeNull();
        const why = expect.stringMatching(
          /^Scripts can't reach Sheaf: permission denied making its socket in /,
        );
        expect(host.state().notices).toContainEqual(why);
        const { code, err } = await runSheafIn(folder.path, ['status']);
        expect(code).toBe(1);
        expect(err).toMatch(/permission denied/);
        expect(err).not.toMatch(/isn't running/);
      } finally {
        await host.close();
      }
    } finally {
      await folder.undo();
    }
  });
});
