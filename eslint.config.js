// Owns the lint: typescript-eslint (with type-aware promise rules), React's hook rules, and the layer arrows of
// ARCHITECTURE.md ("Layers, and what may import what") as no-restricted-imports, one files block per layer.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// ESLint matches an import as written, not where it resolves, so each layer forbids the folder names it must not
// reach at any depth ('**/platform' catches '../platform/tray' and '../../platform/tray' alike). Folder names
// are distinct enough here; tests/unit/lint-layers.test.ts pins every arrow. Type-only imports count too: a
// type from another layer still ties the two together.
const forbid = (folders, message) => ({ group: folders.flatMap((f) => [`**/${f}`, `**/${f}/**`]), message });

/** Core is pure TypeScript that runs in plain Node: it gets the outside world only through ./ports. */
const coreLayer = {
  paths: [
    {
      name: 'electron',
      message: "Core never imports 'electron': add a port in core/ports.ts and an adapter.",
    },
  ],
  patterns: [
    {
      group: ['electron/*'],
      message: "Core never imports 'electron': add a port in core/ports.ts and an adapter.",
    },
    forbid(['platform', 'adapters'], 'Core uses adapters only through its ports; the host passes them in.'),
    forbid(
      ['sandbox'],
      'Core never imports the sandbox: the demo server reaches core as a port, like any host.',
    ),
    forbid(['web', 'preload', 'renderer'], 'Core never imports a host or the page; they import core.'),
  ],
};

/**
 * Inside core, the rooms (folders) import one way, from the plumbing up to the app that puts them together: each
 * lists the rooms it may import (its own is always allowed). `ports.ts` beside them imports none of them.
 * tests/unit/lint-layers.test.ts pins the arrows.
 */
const coreRooms = {
  base: [],
  storage: ['base'],
  harvest: ['base'],
  'harvest-id': ['base', 'harvest'],
  timesheet: ['base', 'storage', 'harvest'],
  account: ['base', 'storage', 'harvest', 'timesheet'],
  desktop: ['base', 'storage', 'timesheet'],
  session: ['base', 'storage', 'harvest', 'harvest-id', 'timesheet', 'account'],
  app: ['base', 'storage', 'harvest', 'harvest-id', 'timesheet', 'account', 'desktop', 'session'],
};

/** Imports that reach `rooms` of core, as written from a file in core/ itself (depth 0) or in a room (depth 1). */
const roomImport = (rooms, depth, message) => ({
  regex: `^${depth === 0 ? '\\./' : '\\.\\./'}(${rooms.join('|')})(/|$)`,
  message,
});

/** The core layer's rule for one room: the layer's own arrows plus the rooms it may not reach. */
const coreRoomLayer = (room) => {
  const allowed = coreRooms[room];
  const others = Object.keys(coreRooms).filter((r) => r !== room && !allowed.includes(r));
  const may = allowed.length > 0 ? `only ${allowed.join(', ')} and ../ports` : 'only ../ports';
  const message = `core/${room}/ may import ${may}: rooms import one way (eslint.config.js's coreRooms), so move what both need down a room, or pass it in.`;
  // A file in a room's subfolder would write one more '../'; no room has one yet.
  return { ...coreLayer, patterns: [...coreLayer.patterns, roomImport(others, 1, message)] };
};

/** core/ports.ts is what every room imports, so it imports none of them. */
const corePortsLayer = {
  ...coreLayer,
  patterns: [
    ...coreLayer.patterns,
    roomImport(
      Object.keys(coreRooms),
      0,
      'core/ports.ts is what every room imports, so it imports none of them.',
    ),
  ],
};

/** The page talks to main only through window.sheaf; what both sides need lives in shared/. */
const rendererLayer = {
  patterns: [
    forbid(
      ['electron'],
      'The renderer never imports electron/* (nor Electron): use window.sheaf, or move it to shared/.',
    ),
    { group: ['node:*'], message: 'The renderer runs sandboxed, without Node: no node: modules.' },
  ],
};

/** The sandbox is a Harvest stand-in in plain Node: Harvest's wire schemas and shared/ only. */
const sandboxLayer = {
  paths: [{ name: 'electron', message: "The sandbox runs in plain Node: no 'electron'." }],
  patterns: [
    forbid(
      ['main'],
      'The sandbox never imports core or platform (electron/main/**): move what both need to shared/.',
    ),
    forbid(['web', 'preload', 'renderer'], 'The sandbox never imports a host or the page; they import it.'),
  ],
};

/** The preload is bundled into a sandboxed page: Electron's contextBridge and ipcRenderer, plus shared/. */
const preloadLayer = {
  patterns: [
    {
      // Leaving electron/preload is allowed only into shared/ (../../shared/…).
      regex: '^\\.\\./(?!\\.\\./shared(/|$))',
      message:
        'The preload imports only shared/ (and Electron): nothing from main, the sandbox, the host or the page.',
    },
  ],
};

/** Adapters that need no Electron, so the plain-Node preview host can use them too. */
const adaptersLayer = {
  paths: [
    { name: 'electron', message: "adapters/ run in plain Node too: no 'electron' (that is platform/)." },
  ],
  patterns: [
    forbid(['platform'], 'adapters/ run in plain Node too: nothing from platform/, which needs Electron.'),
  ],
};

/** Shared code is imported by every side, so it imports none of them. */
const sharedLayer = {
  patterns: [
    forbid(
      ['electron', 'renderer'],
      "shared/ is imported by every side, so it imports none of them (nor 'electron').",
    ),
  ],
};

const layer = (files, options) => ({ files, rules: { 'no-restricted-imports': ['error', options] } });

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'release/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Type-aware rules: each file is checked in the program tsconfig.json's references put it in (node, web or
    // web-tests), so a promise's type is the one `npm run typecheck` sees.
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A promise nobody awaits or catches loses its failure: an unhandled rejection, or a change never saved.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  layer(['electron/main/core/**/*.ts'], coreLayer),
  layer(['electron/main/core/*.ts'], corePortsLayer),
  ...Object.keys(coreRooms).map((room) => layer([`electron/main/core/${room}/**/*.ts`], coreRoomLayer(room))),
  layer(['renderer/**/*.{ts,tsx}'], rendererLayer),
  layer(['electron/sandbox/**/*.ts'], sandboxLayer),
  layer(['electron/preload/**/*.ts'], preloadLayer),
  layer(['shared/**/*.ts'], sharedLayer),
  layer(['electron/main/adapters/**/*.ts'], adaptersLayer),
  {
    files: ['scripts/**/*.{js,mjs}', 'bench/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    // The end-to-end tests' BROWSER program: plain Node, which has fetch.
    files: ['tests/fixtures/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', URL: 'readonly', fetch: 'readonly' } },
  },
);
