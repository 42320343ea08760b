// Tests the layer lint (eslint.config.js) the way `npm run lint` applies it: small imports placed at made-up paths
// in each layer, each refused or let through as ARCHITECTURE.md's arrows say.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

// Only the layer rule runs, and without type information: the made-up files are in no tsconfig, and the
// type-aware rules have nothing to say about an import.
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: 'eslint.config.js',
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
  ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
});

interface Case {
  /** A made-up file in the layer, relative to the repo root. */
  file: string;
  /** The import as written there. */
  from: string;
  /** Import a type only: a type from another layer ties them together too. */
  typeOnly?: boolean;
}

async function lint({ file, from, typeOnly }: Case) {
  const code = typeOnly
    ? `import type { Probe } from '${from}';\nexport type Seen = Probe;\n`
    : `import { probe } from '${from}';\nexport { probe };\n`;
  const [result] = await eslint.lintText(code, { filePath: `${root}${file}` });
  return result!.messages.map(({ ruleId, message }) => ({ ruleId, message }));
}

const core = 'electron/main/core/lint-probe.ts';
const coreDeeper = 'electron/main/core/harvest/lint-probe.ts';
/** A made-up file in one of core's rooms. */
const room = (name: string) => `electron/main/core/${name}/lint-probe.ts`;
const renderer = 'renderer/src/components/LintProbe.tsx';
const sandbox = 'electron/sandbox/lint-probe.ts';
const sandboxRoute = 'electron/sandbox/routes/lint-probe.ts';
const preload = 'electron/preload/lint-probe.ts';
const shared = 'shared/lint-probe.ts';
const sharedDeeper = 'shared/harvest/lint-probe.ts';
const adapters = 'electron/main/adapters/lint-probe.ts';

const refused: Array<Case & { why: RegExp }> = [
  { file: core, from: 'electron', why: /port/ },
  { file: core, from: 'electron', typeOnly: true, why: /port/ },
  { file: core, from: 'electron/main', why: /port/ },
  { file: core, from: '../platform/tray', why: /ports/ },
  { file: coreDeeper, from: '../../platform/secret-store', why: /ports/ },
  { file: core, from: '../adapters/settings-store', why: /ports/ },
  { file: core, from: '../../sandbox/server', why: /sandbox/ },
  { file: coreDeeper, from: '../../../sandbox/server', typeOnly: true, why: /sandbox/ },
  { file: core, from: '../../web/server', why: /host/ },
  { file: core, from: '../../preload/api', why: /host/ },
  { file: core, from: '../../../renderer/src/state/store', why: /page/ },

  // Inside core, the rooms import one way: plumbing up to the app that puts them together.
  {
    file: room('timesheet'),
    from: '../session/session',
    why: /core\/timesheet\/ may import only base, storage, harvest/,
  },
  { file: room('timesheet'), from: '../account/account-data', typeOnly: true, why: /one way/ },
  {
    file: room('base'),
    from: '../timesheet/intents',
    typeOnly: true,
    why: /core\/base\/ may import only \.\.\/ports/,
  },
  { file: room('base'), from: '../storage/disk', why: /one way/ },
  { file: room('storage'), from: '../timesheet/outbox', why: /one way/ },
  { file: room('harvest'), from: '../harvest-id/token', why: /one way/ },
  { file: room('harvest-id'), from: '../session/keychain', why: /one way/ },
  { file: room('account'), from: '../session/signed-in-account', why: /one way/ },
  { file: room('desktop'), from: '../session/session', typeOnly: true, why: /one way/ },
  { file: room('session'), from: '../desktop/desktop', why: /one way/ },
  { file: room('session'), from: '../app/commands', typeOnly: true, why: /one way/ },
  { file: core, from: './timesheet', why: /ports\.ts .* imports none of them/ },

  { file: renderer, from: 'electron', why: /window\.sheaf/ },
  { file: renderer, from: '../../../electron/preload/api', why: /window\.sheaf/ },
  { file: renderer, from: '../../../electron/main/core/ports', typeOnly: true, why: /shared/ },
  { file: renderer, from: '../../../electron/web/server', why: /window\.sheaf/ },
  { file: renderer, from: '../../../electron/sandbox/seed', why: /window\.sheaf/ },
  { file: renderer, from: 'node:fs', why: /without Node/ },

  { file: sandbox, from: 'electron', why: /plain Node/ },
  { file: sandbox, from: '../main/core/ports', why: /core or platform/ },
  { file: sandbox, from: '../main/core/ports', typeOnly: true, why: /core or platform/ },
  { file: sandboxRoute, from: '../../main/core/harvest/time-zones', why: /core or platform/ },
  { file: sandbox, from: '../main/platform/idle-source', why: /core or platform/ },
  { file: sandbox, from: '../web/server', why: /host/ },

  { file: preload, from: '../main/ipc', why: /only shared/ },
  { file: preload, from: '../main/core/ports', typeOnly: true, why: /only shared/ },
  { file: preload, from: '../sandbox/server', why: /only shared/ },
  { file: preload, from: '../web/server', why: /only shared/ },
  { file: preload, from: '../../renderer/src/bridge/index', why: /only shared/ },

  { file: shared, from: 'electron', why: /every side/ },
  { file: shared, from: '../electron/main/core/ports', typeOnly: true, why: /every side/ },
  { file: sharedDeeper, from: '../../electron/sandbox/server', why: /every side/ },
  { file: shared, from: '../renderer/src/lib/match', why: /every side/ },

  { file: adapters, from: 'electron', why: /plain Node/ },
  { file: adapters, from: '../platform/secret-store', why: /plain Node/ },
];

const allowed: Case[] = [
  { file: core, from: './ports' },
  { file: coreDeeper, from: '../ports' },
  { file: core, from: '../../../shared/state' },
  { file: coreDeeper, from: '../../../../shared/harvest/schemas' },
  { file: core, from: 'zod' },
  { file: core, from: 'node:fs/promises' },
  { file: room('timesheet'), from: '../harvest/api' },
  { file: room('timesheet'), from: './intents' },
  { file: room('timesheet'), from: '../../../../shared/harvest/schemas' },
  { file: room('base'), from: '../ports' },
  { file: room('storage'), from: '../base/errors' },
  { file: room('account'), from: '../timesheet' },
  { file: room('session'), from: '../account/account-data' },
  { file: room('desktop'), from: '../timesheet' },
  { file: room('app'), from: '../session/session' },
  { file: room('app'), from: '../desktop/desktop' },

  { file: renderer, from: '../../../shared/ipc' },
  { file: renderer, from: '../state/store' },
  { file: renderer, from: 'react' },

  { file: sandbox, from: '../../shared/harvest/schemas' },
  { file: sandbox, from: './store' },
  { file: sandboxRoute, from: '../http' },
  { file: sandbox, from: 'node:http' },

  { file: preload, from: 'electron' },
  { file: preload, from: './channels' },
  { file: preload, from: '../../shared/ipc' },

  { file: shared, from: './state' },
  { file: sharedDeeper, from: '../calendar' },
  { file: shared, from: 'zod' },

  { file: adapters, from: '../core/ports' },
  { file: adapters, from: 'keytar' },

  // The hosts wire everything together, so they may import every layer.
  { file: 'electron/main/lint-probe.ts', from: 'electron' },
  { file: 'electron/main/lint-probe.ts', from: './platform/tray' },
  { file: 'electron/main/lint-probe.ts', from: './core/app' },
  { file: 'electron/main/lint-probe.ts', from: '../sandbox/server' },
  { file: 'electron/web/lint-probe.ts', from: '../main/core/app' },
  { file: 'electron/web/lint-probe.ts', from: '../main/platform/idle-source' },
  { file: 'electron/web/lint-probe.ts', from: '../sandbox/server' },
];

const described = <C extends Case>(c: C) => ({ ...c, what: c.typeOnly ? `a type from ${c.from}` : c.from });

describe('the layer lint', () => {
  it.each(refused.map(described))('refuses $what in $file, saying why', async (c) => {
    const messages = await lint(c);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.ruleId).toBe('no-restricted-imports');
    expect(messages[0]!.message).toMatch(c.why);
  });

  it.each(allowed.map(described))('lets $file import $what', async (c) => {
    expect(await lint(c)).toEqual([]);
  });
});
