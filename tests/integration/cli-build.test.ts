// The compiled `sheaf` command (scripts/build-sheaf.ts, part of `npm run build`): what a status call loads, and the
// help it prints, straight from the one table.
import { relative } from 'node:path';
import type { Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { commandNames, commandUsage, usage } from '../../scripts/sheaf/commands';
import { compiledSheaf, runCompiled } from '../fixtures/sheaf-cli';

/** The sources in every output file loaded before the first dynamic import(): what any call pays for. */
function loadedUpFront(metafile: Metafile, entry: string): string[] {
  const outputs = metafile.outputs;
  const key = Object.keys(outputs).find((out) => out.endsWith(relative(process.cwd(), entry)))!;
  const seen = new Set<string>();
  const visit = (out: string) => {
    if (seen.has(out)) return;
    seen.add(out);
    for (const i of outputs[out]!.imports) if (i.kind === 'import-statement' && !i.external) visit(i.path);
  };
  visit(key);
  return [...seen].flatMap((out) => Object.keys(outputs[out]!.inputs));
}

describe('the compiled command', () => {
  it('loads no zod, no matcher, no TypeScript loader and no data-folder code for a status call', async () => {
    const { entry, metafile } = await compiledSheaf();
    const sources = loadedUpFront(metafile, entry);
    expect(sources).toContain('scripts/sheaf/views.ts');
    expect(sources).toContain('electron/control/wire.ts');
    const heavy = sources.filter((s) =>
      /node_modules\/(zod|tsx|@leeoniya)|shared\/(state|ipc|match)\.ts|control\/protocol|main\/core/.test(s),
    );
    expect(heavy).toEqual([]);
  });

  it('prints the table’s usage for --help, and one subcommand’s for `<subcommand> --help`', async () => {
    expect(await runCompiled(['--help'], {})).toEqual({ status: 0, stdout: `${usage}\n`, stderr: '' });
    const status = await runCompiled(['status', '--help'], {});
    expect(status.stdout).toBe(`${commandUsage('status')}\n`);
    expect(status.stdout).toContain('--format fields: {client}');
  });

  it('lists every subcommand of the table in its usage, once', () => {
    for (const name of commandNames) {
      expect(usage.split('\n').filter((line) => line.startsWith(`  ${name}`))).toHaveLength(1);
    }
  });
});
