#!/usr/bin/env node
// Owns the `sheaf` bin (package.json, so `npm link` works): runs the command `npm run build` compiled to plain
// JavaScript (out/sheaf). In a checkout not built yet it runs the TypeScript through tsx instead, slower, and says so.
import { existsSync } from 'node:fs';

const compiled = new URL('../out/sheaf/sheaf.mjs', import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  process.stderr.write('sheaf: not built yet, running the sources (slow); `npm run build` makes it quick.\n');
  const { register } = await import('tsx/esm/api');
  register();
  await import('./sheaf/main.ts');
}
