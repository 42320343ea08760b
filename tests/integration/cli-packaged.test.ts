// The sheaf command as a packaged Sheaf ships it (electron-builder.yml's extraResources: resources/sheaf and
// resources/bin), laid out as the Linux package installs it, reached through links as /usr/bin/sheaf and
// ~/.local/bin/sheaf are, and run by the system's Node or, with none on PATH, by the app's binary as Node.
import { chmod, cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledSheaf, runNode, startSignedInPreview, type SignedInPreview } from '../fixtures/sheaf-cli';
import { spawn } from 'node:child_process';

let dir: string;
let preview: SignedInPreview;
let installed: string;

/** `sh <launcher> …` with PATH as given: the launcher is a shell script, the way a shell runs a bin. */
function launch(launcher: string, args: string[], path: string) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn(launcher, args, {
      env: { PATH: path, SHEAF_DATA_DIR: preview.dataDir, HOME: dir },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sheaf-packaged-'));
  preview = await startSignedInPreview(dir);
  // /opt/Sheaf as the deb installs it: the app's binary, and its resources folder with what extraResources adds.
  installed = join(dir, 'opt', 'Sheaf');
  await mkdir(join(installed, 'resources'), { recursive: true });
  await cp(dirname((await compiledSheaf()).entry), join(installed, 'resources', 'sheaf'), {
    recursive: true,
  });
  await cp('resources/bin', join(installed, 'resources', 'bin'), { recursive: true });
  // The app's binary, as far as the launcher uses it: with ELECTRON_RUN_AS_NODE=1 it is Node.
  await writeFile(
    join(installed, 'sheaf-app'),
    `#!/bin/sh\n[ "$ELECTRON_RUN_AS_NODE" = 1 ] || exit 99\nexec ${JSON.stringify(process.execPath)} "$@"\n`,
  );
  await chmod(join(installed, 'sheaf-app'), 0o755);
  await mkdir(join(dir, 'usr', 'bin'), { recursive: true });
  await symlink(join(installed, 'resources', 'bin', 'sheaf'), join(dir, 'usr', 'bin', 'sheaf'));
  // Settings' link is absolute too, but a relative one (ln -s ../../opt/…) must work as well.
  await mkdir(join(dir, 'home', '.local', 'bin'), { recursive: true });
  await symlink('../../../opt/Sheaf/resources/bin/sheaf', join(dir, 'home', '.local', 'bin', 'sheaf'));
}, 30_000);

afterAll(async () => {
  await preview?.close();
  await rm(dir, { recursive: true, force: true });
});

/** A PATH with the shell's tools the launcher needs and, when asked, Node. */
async function pathWith(node: boolean): Promise<string> {
  const bin = join(dir, node ? 'tools-node' : 'tools');
  await mkdir(bin, { recursive: true });
  for (const tool of ['sh', 'dirname', 'readlink', 'uname', ...(node ? ['node'] : [])]) {
    const real = tool === 'node' ? process.execPath : `/usr/bin/${tool}`;
    await symlink(real, join(bin, tool)).catch(() => {});
  }
  return bin;
}

describe('the packaged sheaf command', () => {
  it('answers through /usr/bin/sheaf with the system’s Node', async () => {
    const done = await launch(join(dir, 'usr', 'bin', 'sheaf'), ['status'], await pathWith(true));
    expect(done).toEqual({ status: 0, stdout: 'No timer running\n', stderr: '' });
  });

  it('answers through a relative link with no Node on PATH, run by the app’s binary as Node', async () => {
    const path = await pathWith(false);
    const link = join(dir, 'home', '.local', 'bin', 'sheaf');
    expect(await launch(link, ['status', '--json'], path)).toMatchObject({ status: 0, stderr: '' });
    const started = await launch(link, ['start', 'mobile', 'research'], path);
    expect(started.stdout.split('\n')[0]).toBe('Started Acme Corp — Mobile App — Research');
    expect((await launch(link, ['stop'], path)).status).toBe(0);
  });

  it('is the same command the build compiled (its exit codes included)', async () => {
    const { entry } = await compiledSheaf();
    const path = await pathWith(true);
    expect((await launch(join(dir, 'usr', 'bin', 'sheaf'), ['frobnicate'], path)).status).toBe(2);
    expect((await runNode(entry, ['frobnicate'], {})).status).toBe(2);
  });
});
