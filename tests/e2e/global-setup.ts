// Makes sure the built renderer the preview serves is there and no older than its sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const builtPage = 'out/renderer/index.html';

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export default function globalSetup(): void {
  const sources = Math.max(newestChange('renderer'), newestChange('shared'));
  if (existsSync(builtPage) && statSync(builtPage).mtimeMs >= sources) return;
  const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
  if (build.status !== 0 || !existsSync(builtPage)) {
    throw new Error(
      'The renderer build failed (npx electron-vite build); the end-to-end tests need out/renderer.',
    );
  }
}
