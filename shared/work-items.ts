// Owns reading a web address into the piece of work it names (a GitHub or GitLab issue or pull request, a Jira or
// Linear issue, a Trello card), as Harvest's external_reference holds it: `id` the item's key as people write it
// (acme/site#12, PROJ-123), `group_id` its repository or project (what Sheaf remembers a project and task by),
// `permalink` the address itself, cleaned of tracking queries and fragments. Anything else is not work: notes.
import { unsafeCharacter } from './printable';

export interface WorkItem {
  service: 'GitHub' | 'GitLab' | 'Jira' | 'Linear' | 'Trello';
  id: string;
  /** Null where the address doesn't say (a Trello card's address doesn't name its board). */
  groupId: string | null;
  permalink: string;
}

/** Longer than any real issue address; Harvest's own field limits are not documented, this stays well inside. */
const maxAddress = 2048;

const segment = String.raw`[A-Za-z0-9_.\-]+`;
const JIRA_KEY = /^([A-Z][A-Z0-9_]{0,19})-(\d{1,9})$/;

type Reader = (url: URL, path: string[]) => (Omit<WorkItem, 'permalink'> & { permalink?: string }) | null;

const readers: Reader[] = [
  // https://github.com/acme/site/issues/12, …/pull/12 (trailing /files etc. ignored)
  (url, path) => {
    if (url.hostname !== 'github.com') return null;
    const [owner, repo, kind, number] = path;
    if (!owner || !repo || (kind !== 'issues' && kind !== 'pull') || !/^\d+$/.test(number ?? '')) return null;
    const group = `${owner}/${repo}`;
    return {
      service: 'GitHub',
      id: `${group}#${number}`,
      groupId: group,
      permalink: `https://github.com/${group}/${kind}/${number}`,
    };
  },
  // https://gitlab.com/group/sub/project/-/issues/7, …/-/merge_requests/7 (GitLab writes MRs as project!7)
  (url, path) => {
    const dash = path.indexOf('-');
    if (dash < 2) return null;
    const [kind, number] = path.slice(dash + 1);
    if ((kind !== 'issues' && kind !== 'merge_requests') || !/^\d+$/.test(number ?? '')) return null;
    if (url.hostname !== 'gitlab.com' && !url.hostname.startsWith('gitlab.')) return null;
    const group = path.slice(0, dash).join('/');
    return {
      service: 'GitLab',
      id: `${group}${kind === 'issues' ? '#' : '!'}${number}`,
      groupId: group,
      permalink: `${url.origin}/${group}/-/${kind}/${number}`,
    };
  },
  // https://acme.atlassian.net/browse/PROJ-123, or a board with ?selectedIssue=PROJ-123
  (url, path) => {
    if (!url.hostname.endsWith('.atlassian.net')) return null;
    const key = path[0] === 'browse' ? path[1] : url.searchParams.get('selectedIssue');
    const match = key ? JIRA_KEY.exec(key) : null;
    if (!match) return null;
    return { service: 'Jira', id: key!, groupId: match[1]!, permalink: `${url.origin}/browse/${key}` };
  },
  // https://linear.app/acme/issue/ENG-42/some-title
  (url, path) => {
    if (url.hostname !== 'linear.app' || path[1] !== 'issue') return null;
    const match = JIRA_KEY.exec(path[2] ?? '');
    if (!match || !path[0]) return null;
    return {
      service: 'Linear',
      id: path[2]!,
      groupId: match[1]!,
      permalink: `https://linear.app/${path[0]}/issue/${path[2]}`,
    };
  },
  // https://trello.com/c/AbC123xy/42-card-title
  (url, path) => {
    if (url.hostname !== 'trello.com' || path[0] !== 'c' || !/^[A-Za-z0-9]{8}$/.test(path[1] ?? ''))
      return null;
    return { service: 'Trello', id: path[1]!, groupId: null, permalink: `https://trello.com/c/${path[1]}` };
  },
];

/** The work an address names, or null: not an address, not https, or not one of the services above. */
export function readWorkItem(text: string): WorkItem | null {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > maxAddress || unsafeCharacter.test(trimmed)) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return null;
  const path = url.pathname.split('/').filter((p) => p !== '');
  if (!path.every((p) => new RegExp(`^${segment}$`).test(p))) return null;
  for (const read of readers) {
    const item = read(url, path);
    if (item) return { permalink: url.toString(), ...item } as WorkItem;
  }
  return null;
}

/**
 * Whether a linked entry's permalink may be opened in the browser: an https web address with no user, password
 * or port (another tool may have linked it, so any host, but never a file:, javascript: or custom scheme).
 */
export function isWebLink(text: string): boolean {
  if (unsafeCharacter.test(text)) return false;
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && !url.username && !url.password && !url.port && url.hostname !== '';
  } catch {
    return false;
  }
}

/** The first work address in some text (notes pasted with a link in them), and the text without it. */
export function findWorkItem(text: string): { item: WorkItem; rest: string } | null {
  for (const match of text.matchAll(/https:\/\/\S+/g)) {
    // A sentence's closing punctuation after an address is the sentence's, not the address's.
    const address = match[0].replace(/[).,;:!?'"\]]+$/, '');
    const item = readWorkItem(address);
    if (item) {
      const before = text.slice(0, match.index);
      const after = text.slice(match.index! + address.length);
      const rest = `${before}${after}`.replace(/\s+/g, ' ').replace(/ ([.,;:!?])/g, '$1');
      return { item, rest: rest.trim() };
    }
  }
  return null;
}
