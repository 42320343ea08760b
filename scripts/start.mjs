// Owns `npm start`: build, then open Sheaf in Electron; if the Electron binary is missing, try once to download it,
// and when that fails (offline) open the browser preview in the default browser instead, saying so in one plain
// sentence.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const downloadTimeoutMs = 60_000;

/**
 * The Electron binary's path, or null when the npm package is there but its binary was never downloaded. Read from
 * the package's path.txt, not require('electron'): since Electron 42 that require itself starts a download, with no
 * timeout and its stack trace on the terminal when offline.
 */
function electronBinary() {
  try {
    const dir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : null;
    const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
    const path = override ? join(override, name ?? 'electron') : name && join(dir, 'dist', name);
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function run(command, args, options = {}) {
  return spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
}

/** Hands the terminal to a long-running child and exits with its status. */
function become(command, args, env = process.env) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/**
 * npm itself, for running our scripts. Under `npm start` npm says where its CLI is (npm_execpath), so it runs on
 * this Node with no shell; Node 20.12+ refuses to spawn Windows' npm.cmd without one (CVE-2024-27980).
 */
function npm(args) {
  const cli = process.env.npm_execpath;
  if (cli && /\.[cm]?js$/.test(cli)) return [process.execPath, [cli, ...args]];
  return process.platform === 'win32' ? ['cmd.exe', ['/d', '/s', '/c', 'npm', ...args]] : ['npm', args];
}

if (run(...npm(['run', '--silent', 'build'])).status !== 0) process.exit(1);

let electron = electronBinary();
if (!electron) {
  console.log('Downloading Electron (first run)…');
  run(process.execPath, ['node_modules/electron/install.js'], {
    stdio: 'ignore',
    timeout: downloadTimeoutMs,
    killSignal: 'SIGKILL',
  });
  electron = electronBinary();
}

if (electron) {
  // A parent shell may have set this (e.g. VS Code's terminal); it would start Electron as plain Node.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  become(electron, ['.'], env);
} else {
  console.log('Electron could not be downloaded (offline?), so Sheaf opens in your browser instead.');
  // Like the desktop app started with `npm start`: straight into the demo unless a token is configured.
  // --open: the preview opens its own URL once it is listening (the URL carries a per-run key only it knows);
  // BROWSER picks the browser, BROWSER=none keeps it to printing the URL.
  become(...npm(['run', '--silent', 'web', '--', '--open']), { SHEAF_DEMO: '1', ...process.env });
}
