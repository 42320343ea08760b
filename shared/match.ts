// Owns choosing and ranking the assignments that match what the person typed in the picker. The renderer,
// `npm run bench` and the `sheaf` command all use this module, so the bench's numbers and a script's matches are
// the picker's own.
import uFuzzy from '@leeoniya/ufuzzy';
import { pairKey, type AssignmentOption } from './state';

// Letters of every script count as letters (client names are not all English); the rest is uFuzzy's default.
const matcherOptions: uFuzzy.Options = {
  unicode: true,
  interSplit: "[^\\p{L}\\d']+",
  intraSplit: '\\p{Ll}\\p{Lu}',
  intraBound: '\\p{Ll}\\p{Lu}',
  intraChars: "[\\p{L}\\d']",
  intraContr: "'\\p{L}{1,2}\\b",
  // One skipped letter between typed ones: "dsgn" finds Design, "metings" finds Meetings.
  intraIns: 1,
};

/** How well an option matched, best first: the order results are shown in. */
const Rank = {
  /** The client, project, code or task starts with the whole query. */
  Prefix: 0,
  /** Every typed word starts a word of the option. */
  WordStarts: 1,
  /** Every typed word appears somewhere as typed. */
  Contains: 2,
  /** Typed letters appear in order with a letter skipped here and there. */
  Fuzzy: 3,
} as const;
type Rank = (typeof Rank)[keyof typeof Rank];

export interface AssignmentMatcher {
  /** Matches ranked best first (ties keep the list's client/project/task order); empty query → all. */
  search(query: string): AssignmentOption[];
}

/** The matcher as a script uses it, to tell one clear best match from several equally good ones. */
export interface RankedMatcher extends AssignmentMatcher {
  /** How many of `search(query)`'s first results share the best rank (all of them for an empty query). */
  bestCount(query: string): number;
}

function fold(text: string): string {
  return uFuzzy.latinize(text.toLowerCase());
}

function wordsOf(query: string): string[] {
  return fold(query).split(/\s+/).filter(Boolean);
}

/** Answers kept for recent queries: erasing a letter gives back an answer already computed. */
const remembered = 24;

/**
 * Builds the search index once per assignments list. Typing more narrows the last answer instead of searching
 * all pairs again, which keeps each keystroke cheap with 20,000 pairs.
 */
export function createMatcher(options: readonly AssignmentOption[]): RankedMatcher {
  const uf = new uFuzzy(matcherOptions);
  const fields = options.map((o) => [o.clientName, o.projectName, o.projectCode ?? '', o.taskName].map(fold));
  const haystack = fields.map((f) => f.join(' '));
  // A leading space lets " word" find any word start, the first one too.
  const spaced = haystack.map((h) => ` ${h.replace(/[^\p{L}\d']+/gu, ' ')}`);
  const answers = new Map<string, { idxs: number[]; ranked: AssignmentOption[]; best: number }>();
  let last: { words: string[]; idxs: number[] } | null = null;

  function filter(words: string[]): number[] {
    // Only safe to narrow when each earlier word is unchanged and the last one only grew.
    const narrows =
      last !== null &&
      last.words.length > 0 &&
      last.words.length <= words.length &&
      last.words.every((w, i) =>
        i === last!.words.length - 1 ? (words[i] ?? '').startsWith(w) : words[i] === w,
      );
    let idxs: number[] | undefined = narrows ? last!.idxs : undefined;
    for (const word of words) {
      // A word uFuzzy can't read (only punctuation) filters nothing out rather than everything.
      idxs = uf.filter(haystack, word, idxs) ?? idxs;
    }
    return idxs ?? haystack.map((_, i) => i);
  }

  const rankOf = new Uint8Array(options.length);

  function rank(i: number, query: string, starts: string[], words: string[]): Rank {
    for (const field of fields[i]!) if (field.startsWith(query)) return Rank.Prefix;
    const text = spaced[i]!;
    let all = true;
    for (const start of starts) if (!text.includes(start)) all = false;
    if (all) return Rank.WordStarts;
    const plain = haystack[i]!;
    for (const word of words) if (!plain.includes(word)) return Rank.Fuzzy;
    return Rank.Contains;
  }

  /** Best tier first, list order within a tier; counting first avoids growing four arrays per keystroke. */
  function ranked(idxs: number[], words: string[]): { ranked: AssignmentOption[]; best: number } {
    const query = words.join(' ');
    const starts = words.map((w) => ` ${w}`);
    const next = [0, 0, 0, 0];
    for (const i of idxs) {
      const r = rank(i, query, starts, words);
      rankOf[i] = r;
      next[r]!++;
    }
    const best = next.find((n) => n > 0) ?? 0;
    for (let r = 3, total = idxs.length; r >= 0; r--) next[r] = total -= next[r]!;
    const out = new Array<AssignmentOption>(idxs.length);
    for (const i of idxs) out[next[rankOf[i]!]!++] = options[i]!;
    return { ranked: out, best };
  }

  function answer(words: string[]) {
    const whole = words.join(' ');
    let found = answers.get(whole);
    if (!found) {
      const idxs = filter(words);
      found = { idxs, ...ranked(idxs, words) };
      if (answers.size >= remembered) answers.delete(answers.keys().next().value!);
    } else answers.delete(whole);
    answers.set(whole, found);
    last = { words, idxs: found.idxs };
    return found;
  }

  return {
    search(query) {
      const words = wordsOf(query);
      if (words.length === 0) {
        last = null;
        return [...options];
      }
      return answer(words).ranked;
    },
    bestCount(query) {
      const words = wordsOf(query);
      return words.length === 0 ? options.length : answer(words).best;
    },
  };
}

/** The parts of an option's name the picker shows, each with the letters of it that matched what was typed. */
export interface MatchMarks {
  clientName: number[];
  projectName: number[];
  projectCode: number[];
  taskName: number[];
}

const markedFields = ['clientName', 'projectName', 'projectCode', 'taskName'] as const;
let marker: uFuzzy | null = null;

/**
 * Where each typed word matched in `option`, as uFuzzy ranges ([start, end, start, end, …]) per field, for the
 * picker to mark. Asked for the few rows on screen only, so it searches one option at a time.
 */
export function matchMarks(option: AssignmentOption, query: string): MatchMarks {
  const marks: MatchMarks = { clientName: [], projectName: [], projectCode: [], taskName: [] };
  const words = wordsOf(query);
  if (words.length === 0) return marks;
  marker ??= new uFuzzy(matcherOptions);
  const texts = markedFields.map((f) => option[f] ?? '');
  const folded = texts.map(fold);
  const haystack = [folded.join(' ')];
  for (const word of words) {
    const idxs = marker.filter(haystack, word);
    if (!idxs?.length) continue;
    const ranges = marker.info(idxs, haystack, word).ranges[0] ?? [];
    let start = 0;
    markedFields.forEach((field, f) => {
      const end = start + folded[f]!.length;
      // Folding changed this field's length (a rare ligature or case): no marks rather than wrong ones.
      if (folded[f]!.length === texts[f]!.length) {
        for (let r = 0; r < ranges.length; r += 2) {
          const from = Math.max(ranges[r]!, start);
          const to = Math.min(ranges[r + 1]!, end);
          if (from < to) marks[field].push(from - start, to - start);
        }
      }
      start = end + 1;
    });
  }
  for (const field of markedFields) marks[field] = merged(marks[field]);
  return marks;
}

/** Ranges sorted and overlaps joined, as uFuzzy.highlight expects. */
function merged(ranges: number[]): number[] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < ranges.length; i += 2) pairs.push([ranges[i]!, ranges[i + 1]!]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [from, to] of pairs) {
    if (out.length && from <= out[out.length - 1]!) out[out.length - 1] = Math.max(out[out.length - 1]!, to);
    else out.push(from, to);
  }
  return out;
}

/** `text` cut into parts that matched and parts that didn't, in order, for the view to mark. */
export function markedParts(text: string, ranges: number[]): { text: string; matched: boolean }[] {
  if (ranges.length === 0) return [{ text, matched: false }];
  const parts: { text: string; matched: boolean }[] = [];
  uFuzzy.highlight(
    text,
    ranges,
    (part, matched) => ({ text: part, matched }),
    parts,
    (acc, part) => {
      if (part.text) acc.push(part);
      return acc;
    },
  );
  return parts;
}

export interface ClientGroup {
  clientName: string;
  options: AssignmentOption[];
}

/** Groups options under their client, clients in order of first appearance. */
export function groupByClient(options: readonly AssignmentOption[]): ClientGroup[] {
  const groups = new Map<string, AssignmentOption[]>();
  for (const option of options) {
    const group = groups.get(option.clientName);
    if (group) group.push(option);
    else groups.set(option.clientName, [option]);
  }
  return [...groups].map(([clientName, grouped]) => ({ clientName, options: grouped }));
}

export { pairKey };

const matchers = new WeakMap<readonly AssignmentOption[], AssignmentMatcher>();

/** One index per assignments list, shared by every picker in the popover. */
export function matcherFor(options: readonly AssignmentOption[]): AssignmentMatcher {
  let matcher = matchers.get(options);
  if (!matcher) {
    matcher = createMatcher(options);
    matchers.set(options, matcher);
  }
  return matcher;
}
