// Owns putting the `sheaf` command where a terminal finds it, as VS Code does for `code`: a link in ~/.local/bin
// (or /usr/local/bin for everyone, which Settings asks about first), or on Windows its folder on the user's PATH.
// Plain Node behind the CommandInstaller port, so both hosts use it and tests run it against a temporary home.
import { execFile } from 'node:child_process';
import { lstat, mkdir, readlink, symlink, unlink } from 'node:fs/promises';
import { join, win32 } from 'node:path';
import { promisify } from 'node:util';
import type { CommandInstalled } from '../../../shared/ipc';
import { errnoOf } from '../core/storage/disk';
import { NotAllowedError } from '../core/base/errors';
import type { CommandInstaller } from '../core/ports';

/** The user's own PATH as Windows keeps it (HKCU\Environment), read and written whole. */
export interface UserPath {
  read(): Promise<string>;
  write(value: string): Promise<void>;
}

export interface CommandLinkOptions {
  /** What the link points at: the packaged Resources/bin/sheaf (sheaf.cmd), or a checkout's scripts/sheaf.mjs. */
  launcher: string;
  home: string;
  platform: NodeJS.Platform;
  /** The PATH this Sheaf was started with: a new terminal's is usually the same. */
  path: string | undefined;
  /** For everyone: /usr/local/bin. */
  systemDir?: string;
  /** Windows only. */
  userPath?: UserPath;
  /** Set when Sheaf runs from an AppImage ($APPIMAGE), mounted somewhere new each run. */
  appImage?: string;
}

export function createCommandInstaller(o: CommandLinkOptions): CommandInstaller {
  return {
    async install(where) {
      // A link into the AppImage's mount would break as soon as Sheaf quits.
      if (o.appImage) {
        throw new NotAllowedError(
          'Sheaf runs from an AppImage, which moves each time it starts: install the .deb for the sheaf command.',
        );
      }
      if (o.platform === 'win32') {
        if (where === 'system')
          throw new NotAllowedError('On Windows the sheaf command goes on your own PATH.');
        return addToUserPath(o);
      }
      const folder = where === 'user' ? join(o.home, '.local', 'bin') : (o.systemDir ?? '/usr/local/bin');
      return linkInto(folder, o);
    },
  };
}

const shown = (path: string, home: string) =>
  path.startsWith(`${home}/`) ? `~${path.slice(home.length)}` : path;

async function linkInto(folder: string, o: CommandLinkOptions): Promise<CommandInstalled> {
  const path = join(folder, 'sheaf');
  try {
    await mkdir(folder, { recursive: true });
    const there = await lstat(path).catch(() => null);
    if (there && !there.isSymbolicLink()) {
      throw new NotAllowedError(
        `${shown(path, o.home)} is already there and isn't a link; move it aside first.`,
      );
    }
    // A link (an older Sheaf's, or one left by a moved app) is replaced: the newest install is the one to run.
    const linked = there ? await readlink(path) : null;
    if (linked !== o.launcher) {
      if (there) await unlink(path);
      await symlink(o.launcher, path);
    }
  } catch (err) {
    const code = errnoOf(err);
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new NotAllowedError(
        `Sheaf may not write to ${folder}. In a terminal: sudo ln -sf '${o.launcher}' '${path}'`,
      );
    }
    throw err;
  }
  const onPath = (o.path ?? '').split(':').includes(folder);
  const where = shown(path, o.home);
  return {
    path,
    onPath,
    note: onPath
      ? `Installed ${where}. Open a new terminal and run: sheaf --help`
      : `Installed ${where}, but ${shown(folder, o.home)} isn't on your PATH: add it in your shell's profile ` +
        `(export PATH="${folder.startsWith(`${o.home}/`) ? `$HOME${folder.slice(o.home.length)}` : folder}:$PATH"), ` +
        'then open a new terminal.',
  };
}

/** The PATH value with `folder` added at its end; null when it is there already (Windows compares case-blind). */
export function withFolder(value: string, folder: string): string | null {
  const parts = value.split(';').filter((p) => p !== '');
  const norm = (p: string) => p.replace(/\\+$/, '').toLowerCase();
  if (parts.some((p) => norm(p) === norm(folder))) return null;
  return [...parts, folder].join(';');
}

async function addToUserPath(o: CommandLinkOptions): Promise<CommandInstalled> {
  const userPath = o.userPath ?? registryUserPath();
  const folder = win32.dirname(o.launcher);
  const next = withFolder(await userPath.read(), folder);
  if (next !== null) await userPath.write(next);
  return {
    path: o.launcher,
    onPath: true,
    note:
      next === null
        ? `${folder} is on your PATH already. Open a new terminal and run: sheaf --help`
        : `Added ${folder} to your PATH. Open a new terminal and run: sheaf --help`,
  };
}

/** HKCU\Environment's Path through reg.exe (Windows has no Node API for it); a new terminal reads it. */
function registryUserPath(): UserPath {
  const run = promisify(execFile);
  return {
    async read() {
      const { stdout } = await run('reg', ['query', 'HKCU\\Environment', '/v', 'Path']).catch(() => ({
        stdout: '',
      }));
      return /Path\s+REG_(?:EXPAND_)?SZ\s+(.*)/i.exec(stdout)?.[1]?.trim() ?? '';
    },
    async write(value) {
      await run('reg', ['add', 'HKCU\\Environment', '/v', 'Path', '/t', 'REG_EXPAND_SZ', '/d', value, '/f']);
    },
  };
}
