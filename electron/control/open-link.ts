// Owns following a sheaf:// link in the running Sheaf: read it (shared/links.ts), then start, stop or toggle
// through dispatch like any popover command, or show the popover. A link that can't be followed changes nothing
// and says why in a notification, since whoever clicked it may have no terminal to read.
import type { CommandHandlers, IpcResult, WordsAnswer } from '../../shared/ipc';
import { readLink, type SheafLink } from '../../shared/links';
import { wordsProblem } from '../../shared/pick-by-words';
import { printableField, printableText } from '../../shared/printable';
import type { Notifier } from '../main/core/ports';
import { dispatch } from '../main/dispatch';

export interface LinkPorts {
  handlers: CommandHandlers;
  /** The host opens its popover (the preview, which has none, logs it). */
  showPopover(): void;
  notifier?: Notifier;
  log: (line: string) => void;
}

const refusedTitle = "Sheaf didn't follow the link";

/** Follows one link; the answer is what `sheaf open` reports, and a refusal has been notified already. */
export async function openLink(text: unknown, ports: LinkPorts): Promise<IpcResult<void>> {
  const read = readLink(text);
  const result = read.ok ? await follow(read.link, ports) : refused(read.problem);
  if (!result.ok) {
    // Like a shortcut's feedback, this answers something the person just did outside the popover: a quiet one.
    // Escaped here as well as by the notifier: the preview's notifier hands the text to a page as it is.
    const message = printableText(result.error.message);
    ports.notifier?.show('shortcut', refusedTitle, message, () => ports.showPopover());
    ports.log(`sheaf:// link not followed: ${message}`);
  }
  return result;
}

function refused(message: string): IpcResult<void> {
  return { ok: false, error: { code: 'bad_input', message } };
}

async function follow(link: SheafLink, ports: LinkPorts): Promise<IpcResult<void>> {
  const run = (name: 'stopTimer' | 'toggleTimer') =>
    dispatch(ports.handlers, name, undefined, ports.log) as Promise<IpcResult<void>>;
  switch (link.verb) {
    case 'show':
      ports.showPopover();
      return { ok: true, value: undefined };
    case 'stop':
      return run('stopTimer');
    case 'toggle':
      return run('toggleTimer');
    case 'start':
      return start(link, ports);
  }
}

async function start(
  link: Extract<SheafLink, { verb: 'start' }>,
  ports: LinkPorts,
): Promise<IpcResult<void>> {
  const notes = link.notes ? { notes: link.notes } : {};
  const work = link.ref ? { workAddress: link.ref } : {};
  // Core matches the words and checks the ids against the assignments (signed out, it says to sign in first):
  // an id the person isn't assigned to never reaches the outbox, and no list of assignments comes here.
  if (!('query' in link)) {
    const input = { projectId: link.projectId, taskId: link.taskId, ...notes, ...work };
    return (await dispatch(ports.handlers, 'startTimer', input, ports.log)) as IpcResult<void>;
  }
  const input = { words: link.query, ...notes, ...work };
  const answer = (await dispatch(ports.handlers, 'startByWords', input, ports.log)) as IpcResult<WordsAnswer>;
  if (!answer.ok) return answer;
  // The words go back to the person quoted and escaped, whatever readLink let through.
  if (answer.value.kind !== 'started') return refused(wordsProblem(answer.value, printableField(link.query)));
  return { ok: true, value: undefined };
}
