// Owns reading a `sheaf` command line against the one table (commands.ts): what to run with which values and
// words, the help asked for, or the usage mistake in the person's words.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { commandOf, commandUsage, isCommand, usage, type CommandName } from './commands';

export type CommandLine =
  | { kind: 'run'; command: CommandName; values: Record<string, unknown>; words: string[] }
  | { kind: 'help'; text: string }
  | { kind: 'mistake'; text: string };

const helpFlags = new Set(['--help', '-h']);

export function parseCommandLine(args: readonly string[]): CommandLine {
  const [name, ...rest] = args;
  if (name === undefined) return { kind: 'mistake', text: usage };
  if (name === 'help' || helpFlags.has(name)) return { kind: 'help', text: usage };
  if (!isCommand(name)) return { kind: 'mistake', text: `sheaf: no command "${name}".\n${usage}` };
  // `--help` anywhere before `--` asks for help, even among words: nothing runs.
  const end = rest.indexOf('--');
  if ((end < 0 ? rest : rest.slice(0, end)).some((arg) => helpFlags.has(arg))) {
    return { kind: 'help', text: commandUsage(name) };
  }
  const command = commandOf(name);
  const options: ParseArgsConfig['options'] = Object.fromEntries(
    (command.flags ?? []).map((f) => [f.name, { type: f.value ? 'string' : 'boolean' }] as const),
  );
  try {
    const { values, positionals } = parseArgs({
      args: [...rest],
      options,
      allowPositionals: true,
      strict: true,
    });
    const mistake = mistakeIn(name, values, positionals);
    if (mistake) return { kind: 'mistake', text: `sheaf ${name}: ${mistake}\n${usage}` };
    return { kind: 'run', command: name, values, words: positionals };
  } catch (err) {
    return {
      kind: 'mistake',
      text: `sheaf ${name}: ${err instanceof Error ? err.message : String(err)}\n${usage}`,
    };
  }
}

function mistakeIn(name: CommandName, values: Record<string, unknown>, words: string[]): string | null {
  const command = commandOf(name);
  const takes = command.takes;
  if (takes && words.length === 0) return `give the ${takes.name}.`;
  if (!takes && words.length > 0) return `"${words[0]}" isn't something ${name} takes.`;
  if (takes && !takes.many && words.length > 1) return `takes one ${takes.name}.`;
  if (takes?.choices && !takes.choices.includes(words[0]!)) {
    return `the ${takes.name}s are ${takes.choices.join(', ')}.`;
  }
  const given = (command.oneOf ?? []).filter((flag) => values[flag] !== undefined);
  if (given.length > 1) {
    const all = command.oneOf!.map((f) => `--${f}`);
    return `pick one of ${all.slice(0, -1).join(', ')} and ${all[all.length - 1]}.`;
  }
  return command.check?.(values) ?? null;
}
