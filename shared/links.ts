// Owns reading a sheaf:// link as the hostile input it is: the four things a link may ask (start, stop, toggle,
// show) and nothing else, and, when one can't be followed, what was wrong in words the person can act on.
import { unsafeCharacter } from './printable';
/** What a link asks for once read. A link can never sign out, delete, or change settings: there is no verb. */
export type SheafLink =
  | { verb: 'start'; projectId: number; taskId: number; notes?: string; ref?: string }
  | { verb: 'start'; query: string; notes?: string; ref?: string }
  | { verb: 'stop' }
  | { verb: 'toggle' }
  | { verb: 'show' };

export type ReadLink = { ok: true; link: SheafLink } | { ok: false; problem: string };

export const linkScheme = 'sheaf';
/** Longer than any link a launcher writes; past it, nothing is read at all. */
export const maxLinkLength = 8192;
/** startTimer's own limit on notes (shared/ipc.ts), said here so the link is refused before anything runs. */
const maxNotes = 5000;
const maxQuery = 200;
const verbs = ['start', 'stop', 'toggle', 'show'] as const;
const startParams = new Set(['project', 'task', 'q', 'notes', 'ref']);
/** startTimer's limit on a work address (shared/ipc.ts); core reads what the address names. */
const maxRef = 2048;
/** A Harvest id: a positive whole number Harvest could have issued. */
const harvestId = /^[1-9]\d{0,11}$/;

const refuse = (problem: string): ReadLink => ({ ok: false, problem });
/** Said by readLink, and by `sheaf open` before sending a link too long to be one request line. */
export const tooLong = `The link is too long for Sheaf to read (at most ${maxLinkLength.toLocaleString('en')} characters).`;
/** Whatever the link said, quoted short and printable, so a hostile link can't flood a notification. */
const quote = (text: string) => {
  const printable = text.replace(/[^\p{L}\p{N}\p{P}\p{S} ]/gu, '?');
  return `"${printable.length > 40 ? `${printable.slice(0, 39)}…` : printable}"`;
};

/** `a=1&b=2` read strictly: a broken %-escape is refused, where URLSearchParams would quietly guess. */
function readQuery(search: string): Map<string, string> | string {
  const params = new Map<string, string>();
  for (const pair of search.replace(/^\?/, '').split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    const [rawName, rawValue] = at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
    let name: string;
    let value: string;
    try {
      name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      value = decodeURIComponent(rawValue.replace(/\+/g, ' '));
    } catch {
      return `the part ${quote(rawName)} isn't written correctly (a broken %-escape)`;
    }
    // Checked after decoding: %1B is ESC once decoded, and every field ends up on a terminal, a status bar or
    // Harvest. Notes typed in the popover may have line breaks; a link's may not.
    if (unsafeCharacter.test(name) || unsafeCharacter.test(value)) {
      return `the part ${quote(name)} carries control characters or text-direction overrides, which no link may`;
    }
    if (params.has(name)) return `it says ${quote(name)} twice`;
    params.set(name, value);
  }
  return params;
}

function readStart(params: Map<string, string>): ReadLink {
  for (const name of params.keys()) {
    if (!startParams.has(name)) return refuse(`A start link doesn't take ${quote(name)}.`);
  }
  const notes = params.get('notes');
  if (notes !== undefined && notes.length > maxNotes) {
    return refuse(`The notes in the link are too long (at most ${maxNotes} characters).`);
  }
  const ref = params.get('ref')?.trim();
  if (ref !== undefined && (ref === '' || ref.length > maxRef)) {
    return refuse(`The work address (ref) is empty or too long (at most ${maxRef} characters).`);
  }
  const withNotes = { ...(notes === undefined ? {} : { notes }), ...(ref === undefined ? {} : { ref }) };
  const project = params.get('project');
  const task = params.get('task');
  const query = params.get('q');
  if (query !== undefined) {
    if (project !== undefined || task !== undefined) {
      return refuse('A start link names a project and task, or words to find them (q), not both.');
    }
    const words = query.trim();
    if (words === '') return refuse('The words to find a project and task (q) are empty.');
    if (words.length > maxQuery)
      return refuse(`The words (q) are too long (at most ${maxQuery} characters).`);
    return { ok: true, link: { verb: 'start', query: words, ...withNotes } };
  }
  if (project === undefined || task === undefined) {
    return refuse('A start link needs a project and a task (project=…&task=…), or words to find them (q=…).');
  }
  if (!harvestId.test(project)) return refuse(`The project ${quote(project)} isn't a Harvest id.`);
  if (!harvestId.test(task)) return refuse(`The task ${quote(task)} isn't a Harvest id.`);
  return {
    ok: true,
    link: { verb: 'start', projectId: Number(project), taskId: Number(task), ...withNotes },
  };
}

/** Reads a link as the OS (or `sheaf open`) hands it over. Nothing is trusted until this says ok. */
export function readLink(text: unknown): ReadLink {
  if (typeof text !== 'string' || text === '') return refuse('The link is empty.');
  if (text.length > maxLinkLength) return refuse(tooLong);
  // The URL parser would drop tabs and line breaks silently; a link that carries them wasn't written by hand.
  if (unsafeCharacter.test(text)) return refuse('The link has characters no link can carry.');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse(`${quote(text)} isn't a link Sheaf can read.`);
  }
  if (url.protocol !== `${linkScheme}:`)
    return refuse(`Sheaf opens only sheaf:// links, not ${quote(url.protocol)}.`);
  // A user, password or port in a link means someone hoped another program would read it: none belongs here.
  if (url.username || url.password) return refuse('A sheaf:// link never carries a user name or password.');
  if (url.port) return refuse('A sheaf:// link never carries a port.');
  if (!text.slice(url.protocol.length).startsWith('//')) {
    return refuse('Write Sheaf links as sheaf://start, sheaf://stop, sheaf://toggle or sheaf://show.');
  }
  const verb = url.hostname.toLowerCase();
  if (!(verbs as readonly string[]).includes(verb)) {
    return refuse(
      `Sheaf links can start, stop, toggle or show the timer; ${quote(verb || url.pathname)} isn't one of those.`,
    );
  }
  // Windows adds a slash to a link it hands over ("sheaf://stop/"); anything longer is a path Sheaf has none of.
  if (url.pathname !== '' && url.pathname !== '/')
    return refuse(`A ${verb} link has nothing after ${verb}/.`);
  if (url.hash) return refuse('A sheaf:// link has no #part.');
  const params = readQuery(url.search);
  if (typeof params === 'string') return refuse(`The link can't be read: ${params}.`);
  if (verb === 'start') return readStart(params);
  if (params.size > 0) return refuse(`A ${verb} link takes nothing after the "?".`);
  return { ok: true, link: { verb: verb as 'stop' | 'toggle' | 'show' } };
}

/** The link an OS passed on a command line (a second launch's argv on Windows and Linux), if any. */
export function linkInArgv(argv: readonly string[] | undefined): string | null {
  return argv?.find((arg) => arg.toLowerCase().startsWith(`${linkScheme}:`)) ?? null;
}
