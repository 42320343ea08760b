// Owns compiling the `sheaf` command to plain JavaScript (out/sheaf/sheaf.mjs), part of `npm run build`: no
// TypeScript loader at run time, and one chunk per part a call may need, so `sheaf status` loads no zod or matcher.
// An argument names another folder (the tests and the bench build their own); exported for them too.
import { build, type Metafile } from 'esbuild';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Builds into `outDir`; answers the entry file's path and esbuild's metafile (which chunk holds which source). */
export async function buildSheaf(
  outDir = resolve(root, 'out/sheaf'),
): Promise<{ entry: string; metafile: Metafile }> {
  // Chunk names carry a hash: last build's chunks would linger beside this one's.
  await rm(outDir, { recursive: true, force: true });
  const { metafile } = await build({
    absWorkingDir: root,
    entryPoints: { sheaf: 'scripts/sheaf/main.ts' },
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Node's own modules stay imports; every dependency the command reaches is bundled, so it runs anywhere.
    packages: 'bundle',
    minify: true,
    legalComments: 'none',
    // write-file-atomic (the data folder's code, loaded when no socket answers) is CommonJS requiring Node's modules.
    banner: {
      js: "#!/usr/bin/env node\nimport { createRequire as __sheafRequire } from 'node:module';\nconst require = __sheafRequire(import.meta.url);",
    },
    logLevel: 'error',
    metafile: true,
  });
  return { entry: resolve(outDir, 'sheaf.mjs'), metafile: metafile! };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { entry } = await buildSheaf(process.argv[2] ? resolve(process.argv[2]) : undefined);
  console.log(`sheaf command: ${entry}`);
}
