// Owns deciding what typed words name (`sheaf start acme dev`, a sheaf://start?q= link): one assignment clearly,
// several that the person must choose between, or none. Core decides (startByWords); the callers only word it. The ranking is the picker's own (shared/match.ts).
import { assignmentLabel } from './labels';
import { createMatcher } from './match';
import type { AssignmentOption } from './state';

/** Words that started nothing, as core answers them: the names the person could have meant, or none. */
export type WordsRefusal = { kind: 'several'; candidates: string[] } | { kind: 'none' };

export type WordsPick = { kind: 'one'; option: AssignmentOption } | WordsRefusal;

/** As many candidates as a terminal line or a notification can show. */
export const shownCandidates = 5;

/** One clear best: the only match, or the only one in the picker's best rank (a prefix beats a fuzzy match). */
export function pickByWords(options: readonly AssignmentOption[], words: string): WordsPick {
  const matcher = createMatcher(options);
  const found = matcher.search(words);
  if (words.trim() === '' || found.length === 0) return { kind: 'none' };
  if (matcher.bestCount(words) === 1) return { kind: 'one', option: found[0]! };
  return { kind: 'several', candidates: found.slice(0, shownCandidates).map(assignmentLabel) };
}

/**
 * Why words didn't start anything, in the popover's manner: what happened, then what to do. A terminal lists the
 * candidates a line each; a notification has one paragraph.
 */
export function wordsProblem(
  pick: WordsRefusal,
  words: string,
  layout: 'lines' | 'paragraph' = 'paragraph',
): string {
  if (pick.kind === 'none')
    return `Nothing you're assigned to matches "${words}". Check the words, or open Sheaf.`;
  const names = pick.candidates;
  const list = layout === 'lines' ? `\n  ${names.join('\n  ')}\n` : ` ${names.join('; ')}. `;
  return `"${words}" matches more than one project and task:${list}Add a word to pick one.`;
}
