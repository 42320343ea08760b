// Owns the security scan: @doyensec/electronegativity over electron/ and renderer/ together, failing on any HIGH
// finding. Both folders are scanned in one pass so its global checks (navigation limits, permission handler, CSP)
// see main's handlers and the renderer's page at once instead of reporting each half as missing the other.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const electronVersion = createRequire(import.meta.url)('electron/package.json').version;
const scanDir = mkdtempSync(join(tmpdir(), 'sheaf-security-'));
const report = join(scanDir, 'electronegativity.csv');

try {
  for (const dir of ['electron', 'renderer']) {
    cpSync(join(root, dir), join(scanDir, 'app', dir), {
      recursive: true,
      filter: (src) => !src.includes('node_modules'),
    });
  }
  const bin = join(root, 'node_modules', '.bin', 'electronegativity');
  // -e: the scanner can't read the version from a bare folder and would judge us by Electron 0.1's defaults.
  const run = spawnSync(bin, ['-i', join(scanDir, 'app'), '-o', report, '-r', '-e', electronVersion], {
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (run.status !== 0) {
    console.error(run.stdout, run.stderr);
    throw new Error(`electronegativity exited with ${run.status ?? run.signal}`);
  }
  const findings = parseCsv(readFileSync(report, 'utf8')).map((row) => ({
    issue: row[0],
    severity: row[1],
    confidence: row[2],
    file: row[3],
    location: row[4],
    description: row[6],
  }));
  const counts = {};
  for (const f of findings) counts[f.severity] = (counts[f.severity] ?? 0) + 1;
  const summary = Object.entries(counts)
    .map(([severity, n]) => `${n} ${severity}`)
    .join(', ');
  console.log(`electronegativity (Electron ${electronVersion}): ${summary || 'no findings'}`);
  for (const f of findings) {
    console.log(`  ${f.severity.padEnd(13)} ${f.issue} ${f.file}:${f.location} — ${f.description}`);
  }
  const high = findings.filter((f) => f.severity === 'HIGH');
  if (high.length > 0) {
    console.error(`security scan failed: ${high.length} HIGH finding(s)`);
    process.exitCode = 1;
  }
} finally {
  rmSync(scanDir, { recursive: true, force: true });
}

/** electronegativity's CSV: a header row, then quoted or bare fields. */
function parseCsv(text) {
  const rows = [];
  for (const line of text.split(/\r?\n/).slice(1)) {
    if (!line.trim()) continue;
    const fields = [];
    let i = 0;
    while (i <= line.length) {
      if (line[i] === '"') {
        let value = '';
        i++;
        while (i < line.length && !(line[i] === '"' && line[i + 1] !== '"')) {
          value += line[i] === '"' ? '"' : line[i];
          i += line[i] === '"' ? 2 : 1;
        }
        fields.push(value);
        i += 2;
      } else {
        const end = line.indexOf(',', i);
        fields.push(line.slice(i, end === -1 ? line.length : end).trim());
        i = end === -1 ? line.length + 1 : end + 1;
      }
    }
    rows.push(fields);
  }
  return rows;
}
