// Owns compiling the `sheaf` command to plain JavaScript (out/sheaf/sheaf.mjs), part of `npm run build`: no
// TypeScript loader at run time, and one chunk per part a call may need, so `sheaf status` loads no zod or matcher.
// An argument names another folder (the tests and the bench build their own); exported for them too. Also writes
// what the Linux packages run on install and removal to put the command on PATH (out/packaging).
import { build, type Metafile } from 'esbuild';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

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

/** Where the packaged command's launcher is, as electron-builder's install scripts name the app's folder. */
export const packagedLauncher = '/opt/${sanitizedProductName}/resources/bin/sheaf';

/** Our lines after electron-builder's own, so its scripts (the app's link, the sandbox, MIME) still run. */
const linuxScriptLines = {
  'after-install.tpl': [
    '# The sheaf command on PATH, beside the app (Sheaf: scripts/build-sheaf.ts).',
    `ln -sf '${packagedLauncher}' '/usr/bin/sheaf'`,
  ],
  'after-remove.tpl': [
    '# The sheaf command, only if the link is still ours (Sheaf: scripts/build-sheaf.ts).',
    `if [ "$(readlink /usr/bin/sheaf)" = '${packagedLauncher}' ]; then rm -f /usr/bin/sheaf; fi`,
  ],
};

/** electron-builder's templates for the installed version, each with our lines after it, into `outDir`. */
export async function writeLinuxPackageScripts(outDir = resolve(root, 'out/packaging')): Promise<string[]> {
  const templates = resolve(
    dirname(createRequire(import.meta.url).resolve('app-builder-lib/package.json')),
    'templates/linux',
  );
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const [name, lines] of Object.entries(linuxScriptLines)) {
    const upstream = await readFile(resolve(templates, name), 'utf8');
    const path = resolve(outDir, name);
    await writeFile(path, `${upstream.trimEnd()}\n\n${lines.join('\n')}\n`, { mode: 0o755 });
    written.push(path);
  }
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { entry } = await buildSheaf(process.argv[2] ? resolve(process.argv[2]) : undefined);
  if (!process.argv[2]) await writeLinuxPackageScripts();
  console.log(`sheaf command: ${entry}`);
}
