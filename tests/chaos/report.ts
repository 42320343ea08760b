// Owns the test reports the fault runs leave for the test command's closing line: one test per run (a seed, or
// the real-process suite), in the shape of a Playwright JSON report, so a failure here can't print "0 failed".
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface RunOutcome {
  /** The run's result line, which names the seed that replays it. */
  title: string;
  failed: boolean;
}

export function writeRunReport(file: string, suite: string, runs: RunOutcome[]): void {
  const report = {
    suites: [
      {
        title: suite,
        specs: runs.map((r) => ({
          title: r.title,
          tests: [{ status: r.failed ? 'unexpected' : 'expected' }],
        })),
      },
    ],
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(report));
}
