// Owns the `sheaf` command's shape, declared once: each subcommand's arguments, flags and help line. The usage text,
// the parsing, `--help` and the completion scripts are all derived from this table, so they can't disagree.
import { formatFields, unknownField } from './views';

export interface Flag {
  name: string;
  /** The value it takes, as the usage shows it; a flag without one is a switch. */
  value?: string;
}

export interface Subcommand {
  /** What it takes besides flags: how the usage names it, and whether one or several words. */
  takes?: { name: string; shown: string; many: boolean; choices?: readonly string[] };
  flags?: readonly Flag[];
  /** Flags of which at most one may be given. */
  oneOf?: readonly string[];
  help: string;
  /** A mistake in the values only this subcommand knows about, said as a usage error. */
  check?(values: Record<string, unknown>): string | null;
}

export const shells = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof shells)[number];

export const subcommands = {
  status: {
    flags: [{ name: 'json' }, { name: 'waybar' }, { name: 'format', value: "'{project} {elapsed}'" }],
    oneOf: ['json', 'waybar', 'format'],
    help: 'what runs now (--format prints nothing when no timer runs)',
    check: (values) => {
      const field = typeof values.format === 'string' ? unknownField(values.format) : null;
      return field === null ? null : `--format has no field {${field}}.`;
    },
  },
  start: {
    takes: { name: 'words', shown: '<words…>', many: true },
    flags: [
      { name: 'notes', value: 'TEXT' },
      // The issue, ticket or card the time is for: Sheaf links the entry to it in Harvest.
      { name: 'ref', value: 'URL' },
      { name: 'stop-other' },
      { name: 'keep-other' },
    ],
    oneOf: ['stop-other', 'keep-other'],
    help: 'start the one project and task the words name; a timer in another account is stopped or kept as asked, else as the settings say',
  },
  stop: { help: 'stop the running timer' },
  toggle: { help: 'stop the running timer, or start the last entry again' },
  restart: { help: 'restart the entry worked on last' },
  note: { takes: { name: 'text', shown: 'TEXT', many: true }, help: "set the running entry's notes" },
  today: { flags: [{ name: 'json' }], help: "today's entries and hours" },
  show: { help: "open Sheaf's popover" },
  open: {
    takes: { name: 'link', shown: "'sheaf://…'", many: false },
    help: 'follow a sheaf:// link as the OS would',
  },
  completion: {
    takes: { name: 'shell', shown: shells.join('|'), many: false, choices: shells },
    help: 'print shell completion',
  },
  help: { help: 'print this help' },
} as const satisfies Record<string, Subcommand>;

export type CommandName = keyof typeof subcommands;
export const commandNames = Object.keys(subcommands) as CommandName[];

export const isCommand = (name: string): name is CommandName =>
  Object.prototype.hasOwnProperty.call(subcommands, name);

export const commandOf = (name: CommandName): Subcommand => subcommands[name];

const flagShown = (flag: Flag) => (flag.value ? `--${flag.name} ${flag.value}` : `--${flag.name}`);

/** `status [--json | --waybar | --format '{project} {elapsed}']`: its words, then its flags. */
export function synopsis(name: CommandName): string {
  const command = commandOf(name);
  const flags = command.flags ?? [];
  const grouped = flags.filter((f) => command.oneOf?.includes(f.name));
  const single = flags.filter((f) => !command.oneOf?.includes(f.name));
  return [
    name,
    ...(command.takes ? [command.takes.shown] : []),
    ...single.map((f) => `[${flagShown(f)}]`),
    ...(grouped.length > 0 ? [`[${grouped.map(flagShown).join(' | ')}]`] : []),
  ].join(' ');
}

const column = 34;
const width = 116;

/** The help line after the synopsis, wrapped under its column when the two don't fit on one line. */
function helpLines(name: CommandName): string[] {
  const head = `  ${synopsis(name)}`;
  const words = commandOf(name).help.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && column + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  const pad = ' '.repeat(column);
  if (head.length + 1 < column)
    return [head.padEnd(column) + lines[0], ...lines.slice(1).map((l) => pad + l)];
  return [head, ...lines.map((l) => pad + l)];
}

const fieldsLine = `--format fields: ${formatFields.map((f) => `{${f}}`).join(' ')}`;

export const usage = ['Usage: sheaf <command>', ...commandNames.flatMap(helpLines), fieldsLine].join('\n');

/** `sheaf status --help`: that subcommand's lines alone. */
export function commandUsage(name: CommandName): string {
  return [
    'Usage: sheaf <command>',
    ...helpLines(name),
    ...(commandOf(name).flags?.some((f) => f.name === 'format') ? [fieldsLine] : []),
  ].join('\n');
}
