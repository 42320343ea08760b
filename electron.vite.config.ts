// Owns how electron-vite builds Sheaf: ESM main, a CommonJS preload (sandboxed windows can't load ESM), the React popover.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { contractChannels } from './electron/preload/channels';

/** Adds sources to one CSP directive, creating it (from 'self') when the policy leaves it to default-src. */
function allow(policy: string, directive: string, sources: string): string {
  const pattern = new RegExp(`(^|;)\\s*${directive}\\s+([^;]*)`);
  return pattern.test(policy)
    ? policy.replace(
        pattern,
        (_m, lead: string, list: string) => `${lead} ${directive} ${list.trim()} ${sources}`,
      )
    : `${policy.replace(/;\s*$/, '')}; ${directive} 'self' ${sources}`;
}

// plugin-react's HMR preamble is an inline script and HMR talks over ws:, both of which the strict CSP forbids.
// Only the dev server (`electron-vite dev`) relaxes it; builds keep the CSP exactly as written.
const relaxCspForDevServer: Plugin = {
  name: 'sheaf:relax-csp-for-dev-server',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html.replace(
      /(http-equiv="Content-Security-Policy"\s+content=")([^"]*)"/i,
      (_m, head: string, policy: string) => {
        const relaxed = allow(
          allow(policy, 'script-src', "'unsafe-inline'"),
          'connect-src',
          'ws://localhost:*',
        );
        return `${head}${relaxed}"`;
      },
    ),
};

export default defineConfig({
  main: {
    build: {
      lib: { entry: resolve('electron/main/index.ts'), formats: ['es'] },
      externalizeDeps: { include: ['keytar'] },
    },
  },
  preload: {
    // The preload needs only the channel names; baking them in keeps zod out of the sandboxed bundle.
    define: { __SHEAF_IPC__: JSON.stringify(contractChannels()) },
    build: {
      lib: { entry: resolve('electron/preload/index.ts'), formats: ['cjs'], fileName: () => 'index.cjs' },
      externalizeDeps: false,
    },
  },
  renderer: {
    root: 'renderer',
    // electron-vite leaves output unminified by default; the popover has a 150 KB gzipped budget.
    build: { minify: true, rolldownOptions: { input: resolve('renderer/index.html') } },
    plugins: [react(), relaxCspForDevServer],
  },
});
