// Owns `npm run web`: builds the renderer when missing, starts the preview host and prints the one URL to open
// (and, with --open, opens it in the default browser).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { introLines } from './intro';
import { openBrowser } from './open-browser';
import { startWebHost } from './server';

const rendererDir = 'out/renderer';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    // none (the default), simulated (typed on stdin) or system (this computer's: D-Bus on Linux).
    idle: { type: 'string', default: 'none' },
    // The older spelling of --idle simulated.
    'simulate-idle': { type: 'boolean', default: false },
    // Off by default: tests, CI and anyone scripting the preview get the URL and no browser window.
    // `npm start` passes it when it falls back to the preview, as it promises the app opens in the browser.
    open: { type: 'boolean', default: false },
  },
});

function parsePort(): number {
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(
      `Sheaf preview: --port takes a number from 0 to 65535 (0 picks a free one), not "${values.port}".`,
    );
    process.exit(2);
  }
  return port;
}

function buildRendererIfMissing(): void {
  if (existsSync(join(rendererDir, 'index.html'))) return;
  console.error('Sheaf preview: building the renderer first (npx electron-vite build)…');
  // Build output goes to stderr so stdout stays the one line with the URL.
  const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: ['ignore', 2, 2] });
  if (build.status !== 0 || !existsSync(join(rendererDir, 'index.html'))) {
    console.error(
      'Sheaf preview: the renderer build failed; fix the errors above, then run `npm run web` again.',
    );
    process.exit(1);
  }
}

const idleSources = ['none', 'simulated', 'system'] as const;

function parseIdle(): (typeof idleSources)[number] {
  if (values['simulate-idle']) return 'simulated';
  const idle = idleSources.find((name) => name === values.idle);
  if (idle) return idle;
  console.error(`Sheaf preview: --idle takes none, simulated or system, not "${values.idle}".`);
  process.exit(2);
}

const port = parsePort();
const idleSource = parseIdle();
buildRendererIfMissing();
const host = await startWebHost({
  port,
  rendererDir,
  simulateIdle: idleSource === 'simulated',
  systemIdle: idleSource === 'system',
});
const [urlLine, ...about] = introLines({
  url: host.url,
  // BROWSER=none: the person (or a script) opens it.
  opened: values.open && process.env.BROWSER !== 'none',
  demo: process.env.SHEAF_DEMO === '1' && !process.env.HARVEST_ACCESS_TOKEN,
  drivable: host.controlSocket !== null,
});
// The URL alone on stdout (what scripts read); the few lines about it on stderr, where people see them too.
console.log(urlLine);
for (const line of about) console.error(line);
// Only now: the host is listening, and the URL carries this run's key, so nothing earlier could open the page.
if (values.open) openBrowser(host.url);
if (host.idle) steerIdleFromStdin(host.idle);

/** --idle simulated: type "away 37", "back", "sleep", "wake", "lock" or "unlock" to play the person leaving. */
function steerIdleFromStdin(idle: NonNullable<typeof host.idle>): void {
  console.error(
    'Sheaf preview: simulating idle; type "away <minutes>", "back", "sleep", "wake", "lock", "unlock".',
  );
  const events = { sleep: 'suspend', wake: 'resume', lock: 'lock-screen', unlock: 'unlock-screen' } as const;
  createInterface({ input: process.stdin }).on('line', (line) => {
    const [word, arg] = line.trim().split(/\s+/);
    if (word === 'away' && Number(arg) >= 0) idle.away(Number(arg));
    else if (word === 'back') idle.back();
    else if (word && word in events) idle.emit(events[word as keyof typeof events]);
    else console.error(`Sheaf preview: "${line.trim()}"? Try "away 37" or "back".`);
  });
}

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  host.close().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(`Sheaf preview: closing failed: ${String(err)}`);
      process.exit(1);
    },
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
