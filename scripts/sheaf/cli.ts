// Owns the `sheaf` command: reading its arguments, asking the running Sheaf over the control socket, and saying
// what happened the way the popover would. Exit codes: 0 done, 1 refused or failed, 2 usage, 3 Sheaf isn't running.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { notRunningMessage, signedOutAnswer, type ControlAnswer } from '../../electron/control/protocol';
import { maxLinkLength, tooLong } from '../../shared/links';
import { pickByWords, wordsProblem } from '../../shared/pick-by-words';
import { printableText } from '../../shared/printable';
import type { AppState, AssignmentOption } from '../../shared/state';
import { completion, shells, subcommands, type Shell } from './completion';
import { reachSheaf, type SheafConnection } from './client';
import {
  assignmentLabel,
  formatStatus,
  statusJson,
  statusLine,
  todayJson,
  todayLines,
  unknownField,
  waybarJson,
} from './views';

export const Exit = { done: 0, refused: 1, usage: 2, notRunning: 3 } as const;
export type ExitCode = (typeof Exit)[keyof typeof Exit];

export interface SheafIo {
  env: Record<string, string | undefined>;
  stdout(line: string): void;
  stderr(line: string): void;
  now?: () => number;
  /** How long a change may take to reach Harvest before the command says it is still on its way. */
  settleMs?: number;
}

export const usage = `Usage: sheaf <command>
  status [--json | --waybar | --format '{project} {elapsed}']   what runs now
  start <words…> [--notes TEXT] [--ref URL] [--stop-other | --keep-other]
                                  start the one project and task the words name (and, when a timer
                                  runs in another account, stop it or keep it; else the settings say)
  stop | toggle | restart         stop, start or stop, restart the last entry
  note TEXT                       set the running entry's notes
  today [--json]                  today's entries and hours
  show                            open Sheaf's popover
  open 'sheaf://…'                follow a sheaf:// link as the OS would
  completion bash|zsh|fish        shell completion
--format fields: {client} {project} {task} {notes} {elapsed} {hours} {today} {week}`;

/** A refusal in Sheaf's words: printed on stderr, exit 1. */
class Refused extends Error {}
class UsageError extends Error {}

const options: Partial<Record<keyof typeof subcommands, ParseArgsConfig['options']>> = {
  status: { json: { type: 'boolean' }, waybar: { type: 'boolean' }, format: { type: 'string' } },
  start: {
    notes: { type: 'string' },
    ref: { type: 'string' },
    'stop-other': { type: 'boolean' },
    'keep-other': { type: 'boolean' },
  },
  today: { json: { type: 'boolean' } },
};

export async function runSheaf(args: readonly string[], given: SheafIo): Promise<ExitCode> {
  // The last guard before a terminal: whatever a line carries (a name from Harvest in "Started …", words echoed
  // in a refusal), no control or bidi character reaches it raw. The views already put notes on one line.
  const io: SheafIo = {
    ...given,
    stdout: (text) => given.stdout(printableText(text)),
    stderr: (text) => given.stderr(printableText(text)),
  };
  const [name, ...rest] = args;
  if (name === 'help' || name === '--help' || name === '-h') {
    io.stdout(usage);
    return Exit.done;
  }
  if (!name || !Object.prototype.hasOwnProperty.call(subcommands, name)) {
    io.stderr(name ? `sheaf: no command "${name}".\n${usage}` : usage);
    return Exit.usage;
  }
  const command = name as keyof typeof subcommands;
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: [...rest],
      options: options[command] ?? {},
      allowPositionals: true,
      strict: true,
    });
    checkUsage(command, parsed);
  } catch (err) {
    io.stderr(`sheaf ${command}: ${err instanceof Error ? err.message : String(err)}\n${usage}`);
    return Exit.usage;
  }
  if (command === 'completion') {
    io.stdout(completion(parsed.positionals[0] as Shell).trimEnd());
    return Exit.done;
  }

  const reached = await reachSheaf(io.env);
  if (!reached.ok) {
    io.stderr(reached.notRunning ? notRunningMessage : reached.message);
    return reached.notRunning ? Exit.notRunning : Exit.refused;
  }
  const run = new Run(reached.connection, io);
  try {
    await run.command(command, parsed.values, parsed.positionals);
    return Exit.done;
  } catch (err) {
    io.stderr(err instanceof Error ? err.message : String(err));
    return Exit.refused;
  } finally {
    reached.connection.close();
  }
}

function checkUsage(
  command: keyof typeof subcommands,
  { values, positionals }: { values: Record<string, unknown>; positionals: string[] },
): void {
  const takes = { start: 'words', note: 'text', open: 'link', completion: 'shell' } as const;
  const needs = (takes as Record<string, string>)[command];
  if (needs && positionals.length === 0) throw new UsageError(`give the ${needs}.`);
  if (!needs && positionals.length > 0)
    throw new UsageError(`"${positionals[0]}" isn't something ${command} takes.`);
  if ((command === 'open' || command === 'completion') && positionals.length > 1) {
    throw new UsageError(`takes one ${needs}.`);
  }
  if (command === 'completion' && !(shells as readonly string[]).includes(positionals[0]!)) {
    throw new UsageError(`the shells are ${shells.join(', ')}.`);
  }
  if (command === 'start' && values['stop-other'] && values['keep-other']) {
    throw new UsageError('pick one of --stop-other and --keep-other.');
  }
  if (command === 'status') {
    if ([values.json, values.waybar, values.format !== undefined].filter(Boolean).length > 1) {
      throw new UsageError('pick one of --json, --waybar and --format.');
    }
    const field = typeof values.format === 'string' ? unknownField(values.format) : null;
    if (field !== null) throw new UsageError(`--format has no field {${field}}.`);
  }
}

class Run {
  constructor(
    private connection: SheafConnection,
    private io: SheafIo,
  ) {}

  private now = () => (this.io.now ?? Date.now)();

  private async ask<T = void>(command: string, input?: unknown): Promise<T> {
    return value<T>(await this.connection.request(command, input));
  }

  /** Sheaf said it was offline at some point in this run: a retry shows as "syncing", still offline. */
  private sawOffline = false;

  private async state(): Promise<AppState> {
    const state = await this.ask<AppState>('getState');
    if (state.sync.state === 'offline') this.sawOffline = true;
    return state;
  }

  async command(
    name: keyof typeof subcommands,
    values: Record<string, unknown>,
    words: string[],
  ): Promise<void> {
    const out = (line: string) => this.io.stdout(line);
    switch (name) {
      case 'status': {
        const state = await this.state();
        const now = this.now();
        if (values.json) out(JSON.stringify(statusJson(state, now)));
        else if (values.waybar) out(JSON.stringify(waybarJson(state, now)));
        else if (typeof values.format === 'string') out(formatStatus(values.format, state, now));
        else out(statusLine(state, now));
        return;
      }
      case 'today': {
        const state = await this.state();
        if (values.json) out(JSON.stringify(todayJson(state, this.now())));
        else out(todayLines(state, this.now()).join('\n'));
        return;
      }
      case 'start': {
        const other = values['stop-other'] ? 'stop' : values['keep-other'] ? 'keep' : undefined;
        return this.start(words.join(' '), values.notes as string | undefined, other, values.ref as string);
      }
      case 'stop': {
        const running = (await this.state()).running;
        if (!running) return out('No timer was running.');
        await this.ask('stopTimer');
        return this.done(`Stopped ${assignmentLabel(running)}`);
      }
      case 'toggle': {
        const before = (await this.state()).running;
        await this.ask('toggleTimer');
        return this.done(before ? `Stopped ${assignmentLabel(before)}` : await this.startedLine('Started'));
      }
      case 'restart': {
        const running = (await this.state()).running;
        if (running)
          throw new Refused(`A timer is already running: ${assignmentLabel(running)}. Stop it first.`);
        // toggleTimer restarts the entry worked on last (core decides which, as the tray and shortcut do).
        await this.ask('toggleTimer');
        return this.done(await this.startedLine('Restarted'));
      }
      case 'note': {
        const running = (await this.state()).running;
        if (!running) throw new Refused('No timer is running: start one, then add its notes.');
        await this.ask('updateNotes', { entryId: running.id, notes: words.join(' ') });
        return this.done(`Notes saved for ${assignmentLabel(running)}`);
      }
      case 'show':
        await this.ask('show');
        return;
      case 'open':
        // Past the limit the link would not even fit one request line; say what Sheaf would say.
        if (words[0]!.length > maxLinkLength) throw new Refused(tooLong);
        await this.ask('openLink', { link: words[0] });
        return this.done('Followed the link.');
      case 'completion':
      case 'help':
        return;
    }
  }

  private async start(
    words: string,
    notes: string | undefined,
    otherAccount?: 'stop' | 'keep',
    /** The issue, ticket or card the time is for (core reads it; other addresses join the notes). */
    ref?: string,
  ): Promise<void> {
    value(signedOutAnswer(await this.state()) ?? { ok: true, value: undefined });
    const options = await this.ask<AssignmentOption[]>('listAssignments');
    const pick = pickByWords(options, words);
    // Several (or none) would be a guess: nothing starts, and the person sees what the words could mean.
    if (pick.kind !== 'one') throw new Refused(wordsProblem(pick, words, 'lines'));
    const { projectId, taskId } = pick.option;
    await this.ask('startTimer', {
      projectId,
      taskId,
      ...(notes !== undefined ? { notes } : {}),
      ...(otherAccount ? { otherAccount } : {}),
      ...(ref !== undefined ? { workAddress: ref } : {}),
    });
    await this.done(`Started ${assignmentLabel(pick.option)}`);
  }

  private async startedLine(verb: string): Promise<string> {
    const running = (await this.state()).running;
    return running ? `${verb} ${assignmentLabel(running)}` : 'Nothing is running now.';
  }

  /** Says what was done, then, if Harvest hasn't heard yet, that the change waits in the outbox. */
  private async done(line: string): Promise<void> {
    this.io.stdout(line);
    const until = this.now() + (this.io.settleMs ?? 1500);
    let state = await this.state();
    while (state.sync.pending > 0 && state.sync.state !== 'offline' && this.now() < until) {
      await new Promise((r) => setTimeout(r, 100));
      state = await this.state();
    }
    if (state.sync.pending === 0) return;
    if (this.sawOffline) this.io.stdout("Saved; it will reach Harvest when you're back online.");
    else if (state.sync.state === 'error')
      this.io.stdout(`Saved in Sheaf; Harvest hasn't taken it yet: ${state.sync.message}`);
    else this.io.stdout('Saved; it is on its way to Harvest.');
  }
}

function value<T>(answer: ControlAnswer): T {
  if (!answer.ok) throw new Refused(answer.error.message);
  return answer.value as T;
}
