// Owns the `sheaf` command: reading its arguments, asking the running Sheaf over the control socket, and saying
// what happened the way the popover would. Exit codes: 0 done, 1 refused or failed, 2 usage, 3 Sheaf isn't running.
import { notRunningMessage, type ControlAnswer } from '../../electron/control/wire';
import type { WordsAnswer } from '../../shared/ipc';
import { printableText } from '../../shared/printable';
import type { AppState } from '../../shared/state';
import { reachSheaf, type SheafConnection } from './client';
import type { CommandName, Shell } from './commands';
import { parseCommandLine } from './parse';
import {
  printableAssignment,
  formatStatus,
  statusJson,
  statusLine,
  todayJson,
  todayLines,
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

/** A refusal in Sheaf's words: printed on stderr, exit 1. */
class Refused extends Error {}

export async function runSheaf(args: readonly string[], given: SheafIo): Promise<ExitCode> {
  // The last guard before a terminal: whatever a line carries (a name from Harvest in "Started …", words echoed
  // in a refusal), no control or bidi character reaches it raw. The views already put notes on one line.
  const io: SheafIo = {
    ...given,
    stdout: (text) => given.stdout(printableText(text)),
    stderr: (text) => given.stderr(printableText(text)),
  };
  const line = parseCommandLine(args);
  if (line.kind === 'help') {
    io.stdout(line.text);
    return Exit.done;
  }
  if (line.kind === 'mistake') {
    io.stderr(line.text);
    return Exit.usage;
  }
  const { command, values, words } = line;
  if (command === 'completion') {
    const { completion } = await import('./completion');
    io.stdout(completion(words[0] as Shell).trimEnd());
    return Exit.done;
  }

  const reached = await reachSheaf(io.env);
  if (!reached.ok) {
    io.stderr(reached.notRunning ? notRunningMessage : reached.message);
    return reached.notRunning ? Exit.notRunning : Exit.refused;
  }
  const run = new Run(reached.connection, io);
  try {
    await run.command(command, values, words);
    return Exit.done;
  } catch (err) {
    io.stderr(err instanceof Error ? err.message : String(err));
    return Exit.refused;
  } finally {
    reached.connection.close();
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

  async command(name: CommandName, values: Record<string, unknown>, words: string[]): Promise<void> {
    const out = (line: string) => this.io.stdout(line);
    switch (name) {
      case 'status': {
        const state = await this.state();
        const now = this.now();
        if (values.json) out(JSON.stringify(statusJson(state, now)));
        else if (values.waybar) out(JSON.stringify(waybarJson(state, now)));
        else if (typeof values.format === 'string') {
          // No line at all when nothing runs, so `line=$(sheaf status --format …)` is empty, not a bare newline.
          const line = formatStatus(values.format, state, now);
          if (line) out(line);
        } else out(statusLine(state, now));
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
        return this.start(
          words.join(' '),
          values.notes as string | undefined,
          other,
          values.ref as string | undefined,
        );
      }
      case 'stop': {
        const running = (await this.state()).running;
        if (!running) return out('No timer was running.');
        await this.ask('stopTimer');
        return this.done(`Stopped ${printableAssignment(running)}`);
      }
      case 'toggle': {
        const before = (await this.state()).running;
        await this.ask('toggleTimer');
        return this.done(
          before ? `Stopped ${printableAssignment(before)}` : await this.startedLine('Started'),
        );
      }
      case 'restart': {
        // Core refuses while a timer runs and restarts otherwise, in one step: nothing can start in between.
        const { label } = await this.ask<{ label: string }>('restartLast');
        return this.done(`Restarted ${label}`);
      }
      case 'note': {
        const running = (await this.state()).running;
        if (!running) throw new Refused('No timer is running: start one, then add its notes.');
        await this.ask('updateNotes', { entryId: running.id, notes: words.join(' ') });
        return this.done(`Notes saved for ${printableAssignment(running)}`);
      }
      case 'show':
        await this.ask('show');
        return;
      case 'open': {
        // Loaded only here: the links module formats a number for its locale as it loads, which costs status 7 MB.
        const { maxLinkLength, tooLong } = await import('../../shared/links');
        // Past the limit the link would not even fit one request line; say what Sheaf would say.
        if (words[0]!.length > maxLinkLength) throw new Refused(tooLong);
        await this.ask('openLink', { link: words[0] });
        return this.done('Followed the link.');
      }
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
    const answer = await this.ask<WordsAnswer>('startByWords', {
      words,
      ...(notes !== undefined ? { notes } : {}),
      ...(otherAccount ? { otherAccount } : {}),
      ...(ref !== undefined ? { workAddress: ref } : {}),
    });
    // Several (or none) would be a guess: core started nothing, and the person sees what the words could mean.
    if (answer.kind !== 'started') {
      // Loaded only for a refusal: status and a clean start never need the wording.
      const { wordsProblem } = await import('../../shared/pick-by-words');
      throw new Refused(wordsProblem(answer, words, 'lines'));
    }
    await this.done(`Started ${answer.label}`);
  }

  private async startedLine(verb: string): Promise<string> {
    const running = (await this.state()).running;
    return running ? `${verb} ${printableAssignment(running)}` : 'Nothing is running now.';
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
