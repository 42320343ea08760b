// Owns `npm run web`: builds the renderer when missing, starts the preview host and prints the one URL to open.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startWebHost } from './server';

const rendererDir = 'out/renderer';

function parsePort(): number {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '0' } } });
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

const port = parsePort();
buildRendererIfMissing();
const host = await startWebHost({ port, rendererDir });
console.log(`Sheaf preview: ${host.url}`);

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
