// Owns the build every figure of a bench run reads: the current sources built once (main, preload, renderer, with
// source maps) into a folder of its own, so the bench measures today's code and never touches out/.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Hands a child process of the bench the folder this run built, so it doesn't build again. */
export const builtOutEnv = 'SHEAF_BENCH_OUT';

let built: string | undefined = process.env[builtOutEnv];

/** The built output folder (like out/), building it on first use. */
export function benchBuild(): string {
  if (built) return built;
  const outDir = join(mkdtempSync(join(tmpdir(), 'sheaf-bench-')), 'out');
  const run = spawnSync(
    'npx',
    ['electron-vite', 'build', '--sourcemap', '--outDir', outDir, '--logLevel', 'error'],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (run.status !== 0) throw new Error(`bench: electron-vite build failed (exit ${run.status})`);
  built = outDir;
  process.once('exit', () => rmSync(join(outDir, '..'), { recursive: true, force: true }));
  return outDir;
}

export const rendererDirOf = (outDir: string) => join(outDir, 'renderer');
