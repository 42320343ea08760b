// Owns the sheaf command figure (issue 25): `sheaf status` compiled, beside the least Node client asking the same
// socket, in turn against one preview host with a timer running; and `sheaf --help` beside a bare Node. Wall time
// and peak memory of whole processes; the memory goal is against the tsx path measured once (bench/README.md).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { buildSheaf } from '../scripts/build-sheaf';
import { startTokenPreview } from '../tests/fixtures/token-preview';
import { goal, ms, stats } from './report';

const runs = 20;
/** `sheaf status` through tsx before it was compiled (bench/README.md): the goal is 40 MB less than this. */
const tsxPeakMb = 101.6;
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

interface Sample {
  wallMs: number;
  peakMb: number;
}

/** One whole process: wall time from spawn to exit, peak memory as the process itself read it at exit. */
function measure(args: string[], env: Record<string, string>, peakFile: string): Promise<Sample> {
  return new Promise((done, fail) => {
    const began = performance.now();
    const child = spawn(process.execPath, ['--import', here('./sheaf/peak.mjs'), ...args], {
      env: { ...process.env, ...env, SHEAF_BENCH_PEAK: peakFile },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', fail);
    child.on('close', (code) => {
      const wallMs = performance.now() - began;
      if (code !== 0) return fail(new Error(`${args.join(' ')} exited ${code}: ${out}`));
      const lines = readFileSync(peakFile, 'utf8').trim().split('\n');
      done({ wallMs, peakMb: Number(lines[lines.length - 1]) / 1024 });
    });
  });
}

export async function sheafBench(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'sheaf-bench-command-'));
  const preview = await startTokenPreview(dir);
  const { dataDir } = preview;
  try {
    const { entry } = await buildSheaf(join(dir, 'sheaf'));
    const env = { SHEAF_DATA_DIR: dataDir };
    const peak = join(dir, 'peak');
    await writeFile(peak, '');
    const run = (args: string[]) => measure(args, env, peak);
    // Signed in, then a timer running, so status has a line to format as a status bar would show it.
    for (let i = 0; i < 100; i++) {
      const started = await run([entry, 'start', 'website', 'dev']).then(
        () => true,
        () => false,
      );
      if (started) break;
      await new Promise((r) => setTimeout(r, 200));
    }

    const commands = {
      compiled: [entry, 'status'],
      client: [here('./sheaf/client.mjs')],
      help: [entry, '--help'],
      node: ['-e', '0'],
    };
    const samples = {
      compiled: [] as Sample[],
      client: [] as Sample[],
      help: [] as Sample[],
      node: [] as Sample[],
    };
    for (const name of Object.keys(commands) as (keyof typeof commands)[]) await run(commands[name]); // warm-up
    // In turn, so a drift in the machine's speed falls on all of them alike; the ratio is taken pair by pair.
    const ratios: number[] = [];
    for (let i = 0; i < runs; i++) {
      for (const name of Object.keys(commands) as (keyof typeof commands)[]) {
        samples[name].push(await run(commands[name]));
      }
      ratios.push(samples.compiled[i]!.wallMs / samples.client[i]!.wallMs);
    }

    const wall = (name: keyof typeof samples) => stats(samples[name].map((s) => s.wallMs));
    const mem = (name: keyof typeof samples) => stats(samples[name].map((s) => s.peakMb)).median;
    console.log(
      `${runs} runs each, in turn, against a preview host with a timer running (median wall, peak RSS):`,
    );
    for (const [name, label] of [
      ['compiled', 'sheaf status (compiled)'],
      ['client', 'minimal Node client'],
      ['help', 'sheaf --help (compiled)'],
      ['node', 'node -e 0 (Node starting, no more)'],
    ] as const) {
      console.log(
        `  ${label.padEnd(36)} ${ms(wall(name).median, 1).padStart(9)}  ${mem(name).toFixed(1)} MB`,
      );
    }
    goal('sheaf status / minimal client, wall (median of pairs)', stats(ratios).median, '≤', 1.3, '×');
    goal(
      `sheaf status peak memory (tsx path: ${tsxPeakMb} MB)`,
      mem('compiled'),
      '≤',
      Math.round((tsxPeakMb - 40) * 10) / 10,
      'MB',
    );
    // On a busy machine Node alone can take longer than 100 ms: the line after says what the command adds to it.
    goal('sheaf --help, wall (median)', wall('help').median, '<', 100, 'ms');
    console.log(
      `sheaf --help beyond a bare Node, wall (median): ${ms(wall('help').median - wall('node').median, 1)}`,
    );
  } finally {
    await preview.close();
    await rm(dir, { recursive: true, force: true });
  }
}
