// Owns checking the built output against its budgets: the popover's JavaScript under 150 KB gzipped, and a preload
// that a sandboxed window can load (CommonJS, requiring nothing but 'electron'). Run after `electron-vite build`;
// an argument names another output folder than out/ (the bench builds into its own).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const out = process.argv[2] ? resolve(process.argv[2]) : fileURLToPath(new URL('../out/', import.meta.url));
const budgetKb = 150;
const problems = [];

const assets = join(out, 'renderer', 'assets');
const scripts = readdirSync(assets).filter((name) => name.endsWith('.js'));
const gzipped = scripts.reduce(
  (sum, name) => sum + gzipSync(readFileSync(join(assets, name)), { level: 9 }).length,
  0,
);
const kb = Math.round((gzipped / 1024) * 10) / 10;
console.log(`renderer bundle: ${kb} KB gzipped (budget ${budgetKb} KB, ${scripts.length} file(s))`);
if (kb > budgetKb) problems.push(`the renderer bundle is ${kb} KB gzipped, over the ${budgetKb} KB budget`);

const preload = readFileSync(join(out, 'preload', 'index.cjs'), 'utf8');
const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
const foreign = required.filter((name) => name !== 'electron');
console.log(
  `preload: ${Math.round(preload.length / 102.4) / 10} KB, requires ${[...new Set(required)].join(', ') || 'nothing'}`,
);
if (foreign.length > 0)
  problems.push(`the sandboxed preload requires ${foreign.join(', ')}; only 'electron' loads there`);
if (/^\s*(import|export)\s/m.test(preload)) problems.push('the preload is not CommonJS');

if (problems.length > 0) {
  for (const p of problems) console.error(`bundle check failed: ${p}`);
  process.exit(1);
}
