// The fault-injection suite's clock file, written by one process while another reads it.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { readClockFile, writeClockFile } from '../chaos/clock-file';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the chaos clock file', () => {
  it('is never read half-written while another process keeps moving time', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sheaf-clock-'));
    dirs.push(dir);
    const file = join(dir, 'clock');
    writeClockFile(file, new Date(Date.UTC(2026, 10, 24, 9)));
    const module = fileURLToPath(new URL('../chaos/clock-file.ts', import.meta.url));
    // The person's side, as the suite runs it: a tick after another, as fast as it can.
    const writer = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `const { writeClockFile } = await import(${JSON.stringify(module)});
         for (let i = 0; i < 4000; i++) writeClockFile(${JSON.stringify(file)}, new Date(Date.UTC(2026, 10, 24, 9) + i * 60000));`,
      ],
      { stdio: 'ignore' },
    );
    const done = new Promise((resolve) => writer.once('exit', resolve));
    let reads = 0;
    const torn: string[] = [];
    let finished = false;
    void done.then(() => (finished = true));
    while (!finished) {
      try {
        const at = readClockFile(file);
        if (at.getUTCFullYear() !== 2026) torn.push(at.toISOString());
      } catch (err) {
        torn.push(String(err));
      }
      reads++;
      if (reads % 200 === 0) await new Promise((r) => setImmediate(r));
    }
    expect(reads).toBeGreaterThan(100);
    expect(torn).toEqual([]);
  });

  it('refuses a file that holds no moment instead of reading it as 1970', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sheaf-clock-'));
    dirs.push(dir);
    const file = join(dir, 'clock');
    writeFileSync(file, '');
    expect(() => readClockFile(file)).toThrow(/holds "", not a moment/);
  });
});
