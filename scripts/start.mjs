// Owns `npm start`: build (quietly, showing the output only when it fails), then open Sheaf in Electron; if the
// Electron binary is missing, try once to download it, and when that fails (offline) open the browser preview in the
// default browser instead, saying so in one plain sentence and remembering it so later starts don't wait on the
// network again. What it says lives in start-messages.mjs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { knownUnavailable, messages, rememberUnavailable } from './start-messages.mjs';

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

console.log(messages.starting);
// A build log is not news when it works: keep it, and show it only when the build fails.
const build = run(...npm(['run', '--silent', 'build']), {
  stdio: ['ignore', 'pipe', 'pipe'],
  encoding: 'utf8',
  // A failing build can say a lot; all of it is shown then.
  maxBuffer: 64 * 1024 * 1024,
});
if (build.status !== 0) {
  process.stdout.write(build.stdout ?? '');
  process.stderr.write(build.stderr ?? '');
  console.error(messages.buildFailed);
  process.exit(1);
}

let electron = electronBinary();
const remembered = !electron && knownUnavailable(root);
if (!electron && !remembered) {
  console.log(messages.downloading);
  run(process.execPath, ['node_modules/electron/install.js'], {
    stdio: 'ignore',
    timeout: downloadTimeoutMs,
    killSignal: 'SIGKILL',
  });
  electron = electronBinary();
  if (!electron) rememberUnavailable(root);
}

if (electron) {
  // A parent shell may have set this (e.g. VS Code's terminal); it would start Electron as plain Node.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  become(electron, ['.'], env);
} else {
  console.log(messages.inBrowser(!remembered));
  // Like the desktop app started with `npm start`: straight into the demo unless a token is configured.
  // --open: the preview opens its own URL once it is listening (the URL carries a per-run key only it knows);
  // BROWSER picks the browser, BROWSER=none keeps it to printing the URL.
  become(...npm(['run', '--silent', 'web', '--', '--open']), { SHEAF_DEMO: '1', ...process.env });
}
