// Runs `npm start` (scripts/start.mjs) against a stand-in electron package and npm: it finds a downloaded binary
// without requiring electron (which since Electron 42 starts its own download), tries one download, and otherwise
// opens the browser preview saying so in one sentence — and remembers that, so later starts don't try again. The
// build's own output shows only when the build fails.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const startScript = new URL('../../../scripts/start.mjs', import.meta.url);
const startMessages = new URL('../../../scripts/start-messages.mjs', import.meta.url);
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A project folder holding start.mjs, an electron package whose require behaves like Electron 42+, and a fake npm. */
function project(install: 'fails' | 'downloads', downloaded = false, buildFails = false) {
  const root = mkdtempSync(join(tmpdir(), 'sheaf-start-'));
  dirs.push(root);
  const electron = join(root, 'node_modules', 'electron');
  mkdirSync(join(root, 'scripts'));
  mkdirSync(electron, { recursive: true });
  copyFileSync(startScript, join(root, 'scripts', 'start.mjs'));
  copyFileSync(startMessages, join(root, 'scripts', 'start-messages.mjs'));
  writeFileSync(
    join(electron, 'package.json'),
    JSON.stringify({ name: 'electron', version: '45.0.0', main: 'index.js' }),
  );
  // Electron 42+: requiring the package downloads the binary when path.txt is missing, loudly.
  writeFileSync(
    join(electron, 'index.js'),
    `const fs = require('fs'), path = require('path');
     const file = path.join(__dirname, 'path.txt');
     if (!fs.existsSync(file)) { console.log('Downloading Electron binary...'); throw new Error('fetch failed'); }
     module.exports = path.join(__dirname, 'dist', fs.readFileSync(file, 'utf8'));`,
  );
  const fakeBinary = `#!/bin/sh\necho "electron ran: $* as node: \${ELECTRON_RUN_AS_NODE:-no}"\n`;
  const place = `fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
     fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), ${JSON.stringify(fakeBinary)}, { mode: 0o755 });
     fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');`;
  writeFileSync(
    join(electron, 'install.js'),
    `const fs = require('fs'), path = require('path');
     fs.appendFileSync(path.join(__dirname, 'install-runs'), 'x');
     ${install === 'downloads' ? place : 'process.exit(1);'}`,
  );
  if (downloaded) {
    mkdirSync(join(electron, 'dist'));
    writeFileSync(join(electron, 'dist', 'electron'), fakeBinary);
    chmodSync(join(electron, 'dist', 'electron'), 0o755);
    writeFileSync(join(electron, 'path.txt'), 'electron');
  }
  writeFileSync(
    join(root, 'npm-cli.js'),
    `console.log('npm ' + process.argv.slice(2).join(' '));
     if (${buildFails} && process.argv.includes('build')) { console.error('error TS1: broken'); process.exit(1); }`,
  );
  return {
    root,
    installRuns: () =>
      existsSync(join(electron, 'install-runs'))
        ? readFileSync(join(electron, 'install-runs'), 'utf8').length
        : 0,
  };
}

function start(root: string) {
  const run = spawnSync(process.execPath, [join(root, 'scripts', 'start.mjs')], {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      npm_execpath: join(root, 'npm-cli.js'),
      ELECTRON_RUN_AS_NODE: '1',
      ELECTRON_OVERRIDE_DIST_PATH: '',
    },
    timeout: 30_000,
  });
  return { status: run.status, lines: `${run.stdout}${run.stderr}`.trim().split('\n') };
}

// The stand-in binary is a shell script.
describe.skipIf(process.platform === 'win32')('npm start', () => {
  it('without a binary tries one quiet download, then opens the preview saying so in one sentence', () => {
    const { root, installRuns } = project('fails');
    const { status, lines } = start(root);
    expect(status).toBe(0);
    expect(lines).toEqual([
      'Starting Sheaf…',
      'Downloading Electron (first run)…',
      'Electron could not be downloaded (offline?), so Sheaf opens in your browser; later starts skip the download (delete node_modules/.cache/sheaf to try again).',
      'npm run --silent web -- --open',
    ]);
    expect(installRuns()).toBe(1);
  });

  it('once the download has failed, later starts go straight to the browser without trying again', () => {
    const { root, installRuns } = project('fails');
    start(root);
    expect(start(root).lines).toEqual([
      'Starting Sheaf…',
      'Electron is not available here, so Sheaf opens in your browser.',
      'npm run --silent web -- --open',
    ]);
    expect(installRuns()).toBe(1);
  });

  it('opens Electron once the one download succeeds', () => {
    const { root, installRuns } = project('downloads');
    const { lines } = start(root);
    expect(lines).toEqual([
      'Starting Sheaf…',
      'Downloading Electron (first run)…',
      'electron ran: . as node: no',
    ]);
    expect(installRuns()).toBe(1);
  });

  it('opens an already downloaded Electron without downloading, never as plain Node', () => {
    const { root, installRuns } = project('fails', true);
    expect(start(root).lines).toEqual(['Starting Sheaf…', 'electron ran: . as node: no']);
    expect(installRuns()).toBe(0);
  });

  it("shows the build's output only when the build fails, and then stops", () => {
    const { root } = project('fails', true, true);
    const { status, lines } = start(root);
    expect(status).toBe(1);
    expect(lines).toContain('error TS1: broken');
    expect(lines.at(-1)).toBe('Sheaf could not be built; the errors are above.');
  });
});
