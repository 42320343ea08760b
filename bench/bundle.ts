// Owns the bundle figure: the renderer's JavaScript gzipped, as scripts/bundle-size.mjs measures it for the
// budget, and what it is made of: each package's (or source file's) share of the minified output, read from the
// source map and gzipped on its own.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { benchBuild, rendererDirOf } from './build';
import { goal } from './report';

const goalKb = 120;
const shown = 8;

const base64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** One segment's fields from a source map's base64 VLQ ("AAAA"): generated column, source, line, column, name. */
function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = base64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}

/** "react-dom", "@tanstack/virtual-core", or the app's own file (renderer/src/components/Picker.tsx). */
function ownerOf(source: string): string {
  const nm = source.lastIndexOf('node_modules/');
  if (nm < 0) return source;
  const [first, second] = source.slice(nm + 'node_modules/'.length).split('/');
  return first?.startsWith('@') ? `${first}/${second}` : (first ?? source);
}

/** Each owner's characters of `code`, in order: a segment runs from its column to the next segment's. */
function sharesOf(code: string, map: { sources: string[]; mappings: string }): Map<string, string[]> {
  const shares = new Map<string, string[]>();
  const lines = code.split('\n');
  let source = 0;
  map.mappings.split(';').forEach((line, l) => {
    const text = lines[l] ?? '';
    let column = 0;
    const starts: { column: number; owner: string }[] = [];
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const [dCol = 0, dSource] = decodeVlq(segment);
      column += dCol;
      if (dSource !== undefined) source += dSource;
      starts.push({ column, owner: dSource === undefined ? '(unmapped)' : ownerOf(map.sources[source]!) });
    }
    if (starts.length === 0 || starts[0]!.column > 0) starts.unshift({ column: 0, owner: '(unmapped)' });
    starts.forEach((s, i) => {
      const piece = text.slice(s.column, starts[i + 1]?.column ?? text.length);
      const pieces = shares.get(s.owner);
      if (pieces) pieces.push(piece);
      else shares.set(s.owner, [piece]);
    });
  });
  return shares;
}

export function bundleBench(): void {
  const outDir = benchBuild();
  // The budget's own measurement, so the bench and `npm run build` can't disagree about the total.
  const check = spawnSync('node', ['scripts/bundle-size.mjs', outDir], { encoding: 'utf8' });
  const line = check.stdout.split('\n').find((l) => l.startsWith('renderer bundle:')) ?? '';
  const kb = Number(/([\d.]+) KB gzipped/.exec(line)?.[1] ?? NaN);
  goal('renderer JavaScript gzipped', kb, '≤', goalKb, 'KB');
  console.log(`  (${line.replace('renderer bundle: ', 'bundle-size.mjs: ')})`);

  const assets = join(rendererDirOf(outDir), 'assets');
  const owners = new Map<string, { raw: number; gzip: number }>();
  for (const name of readdirSync(assets).filter((n) => n.endsWith('.js'))) {
    const code = readFileSync(join(assets, name), 'utf8');
    const map = JSON.parse(readFileSync(join(assets, `${name}.map`), 'utf8')) as {
      sources: string[];
      mappings: string;
    };
    // Sources are relative to the map; named from the repository root they read as the files people edit.
    map.sources = map.sources.map((source) => relative(process.cwd(), resolve(assets, source)));
    for (const [owner, pieces] of sharesOf(code, map)) {
      const text = pieces.join('');
      const seen = owners.get(owner) ?? { raw: 0, gzip: 0 };
      owners.set(owner, {
        raw: seen.raw + Buffer.byteLength(text),
        gzip: seen.gzip + gzipSync(text, { level: 9 }).length,
      });
    }
  }
  const ranked = [...owners].sort((a, b) => b[1].gzip - a[1].gzip);
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`heaviest parts (each gzipped alone, so they add up to more than the total):`);
  for (const [owner, size] of ranked.slice(0, shown)) {
    console.log(`  ${kib(size.gzip).padStart(8)} gzipped  ${kib(size.raw).padStart(8)} minified  ${owner}`);
  }
  const appGzip = ranked
    .filter(([o]) => o.startsWith('renderer/') || o.startsWith('shared/'))
    .reduce((sum, [, s]) => sum + s.gzip, 0);
  console.log(`  (the app's own renderer/ and shared/ files together: ${kib(appGzip)} gzipped)`);
}
