// `sheaf completion bash|zsh|fish` loaded into the real shells (Debian's bash, zsh and fish), asked what follows
// what the person typed: the subcommands, a subcommand's flags, the shells, all as the one table declares them.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandNames, subcommands } from '../../scripts/sheaf/commands';
import { runCompiled } from '../fixtures/sheaf-cli';

let dir: string;
const scripts: Record<'bash' | 'zsh' | 'fish', string> = { bash: '', zsh: '', fish: '' };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sheaf-completion-'));
  for (const shell of ['bash', 'zsh', 'fish'] as const) {
    const printed = await runCompiled(['completion', shell], {});
    expect(printed.status).toBe(0);
    scripts[shell] = join(dir, `sheaf.${shell}`);
    await writeFile(scripts[shell], printed.stdout);
  }
});

afterAll(() => rm(dir, { recursive: true, force: true }));

const run = (command: string, args: string[]) => {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    timeout: 20_000,
    env: { ...process.env, HOME: dir },
  });
  expect(result.error).toBeUndefined();
  return result.stdout;
};

describe('bash', () => {
  /** What `complete -F _sheaf` offers for the words typed, the last one being completed. */
  const offered = (...typed: string[]) =>
    run('bash', [
      '-c',
      `source ${scripts.bash}; COMP_WORDS=(sheaf ${typed.map((w) => `'${w}'`).join(' ')}); ` +
        `COMP_CWORD=${typed.length}; _sheaf; printf '%s\\n' "\${COMPREPLY[@]}"; complete -p sheaf`,
    ])
      .trim()
      .split('\n');

  it('registers _sheaf for sheaf and offers every subcommand to an empty word', () => {
    const lines = offered('');
    expect(lines.pop()).toBe('complete -F _sheaf sheaf');
    expect(lines).toEqual(commandNames);
  });

  it('completes a prefix, a subcommand’s flags and the shells', () => {
    expect(offered('st').slice(0, -1)).toEqual(['status', 'start', 'stop']);
    expect(offered('status', '--').slice(0, -1)).toEqual(['--json', '--waybar', '--format']);
    expect(offered('completion', '').slice(0, -1)).toEqual(['bash', 'zsh', 'fish']);
  });

  it('offers nothing where the person types a value (after --format)', () => {
    expect(offered('status', '--format', '')).toEqual(['complete -F _sheaf sheaf']);
  });
});

describe('zsh', () => {
  /** An interactive zsh in a pseudo-terminal with compinit, the script loaded, and Tab pressed after `typed`. */
  const listed = (typed: string, last: string) => {
    const driver = join(dir, 'drive.zsh');
    const script = [
      'zmodload zsh/zpty',
      'zpty z zsh -f -i',
      `zpty -w z 'PS1=""; autoload -U compinit; compinit -u -d ${dir}/zcompdump; source ${scripts.zsh}; echo READY'`,
      "zpty -r z line '*READY*'",
      `zpty -w -n z $'${typed}\\t\\t'`,
      `zpty -r z out '*${last}*'`,
      'print -r -- "$out"',
      'zpty -d z',
    ].join('\n');
    return writeFile(driver, script).then(() =>
      // Escape sequences of the line editor aside, the listing is one candidate a line.
      run('zsh', ['-f', driver]).replace(
        new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z]`, 'g'),
        '',
      ),
    );
  };

  it('lists the subcommands a prefix names, each with its help line', async () => {
    const out = await listed('sheaf st', 'stop the running timer');
    expect(out).toMatch(/start +(-- )?start the one project and task/);
    expect(out).toMatch(/status +(-- )?what runs now/);
    expect(out).not.toMatch(/toggle/);
  });

  it('lists a subcommand’s flags', async () => {
    const out = await listed('sheaf today --', '--json');
    expect(out).toContain('sheaf today --json');
  });
});

describe('fish', () => {
  const offered = (typed: string) =>
    run('fish', ['--no-config', '-c', `source ${scripts.fish}; complete -C'${typed}'`])
      .trim()
      .split('\n');

  it('offers the subcommands a prefix names, with their help lines', () => {
    expect(offered('sheaf st')).toEqual([
      `start\t${subcommands.start.help}`,
      `status\t${subcommands.status.help}`,
      `stop\t${subcommands.stop.help}`,
    ]);
  });

  it('offers a subcommand’s flags and the shells', () => {
    expect(offered('sheaf status --')).toEqual(['--format', '--json', '--waybar']);
    expect(offered('sheaf completion ')).toEqual(['bash', 'fish', 'zsh']);
  });
});
