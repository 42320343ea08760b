// What typed words name for `sheaf start` and sheaf://start?q=: one clear best match by the picker's own ranking,
// several the person must choose between, or none.
import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../shared/match';
import { pickByWords, wordsProblem } from '../../shared/pick-by-words';
import { assignmentOption } from '../fixtures/app-state';

const options = [
  assignmentOption('Acme', 'Website', 'Design', { projectId: 1, taskId: 1 }),
  assignmentOption('Acme', 'Website', 'Development', { projectId: 1, taskId: 2 }),
  assignmentOption('Globex', 'Mobile app', 'Design', { projectId: 2, taskId: 1 }),
  assignmentOption('Initech', 'Designer handbook', 'Writing', { projectId: 3, taskId: 4 }),
];
const picked = (words: string) => {
  const pick = pickByWords(options, words);
  return pick.kind === 'one' ? `${pick.option.projectId}/${pick.option.taskId}` : pick.kind;
};

describe('pickByWords', () => {
  it('takes the one match there is, or the one in the best rank', () => {
    expect(picked('website dev')).toBe('1/2');
    expect(picked('handbook')).toBe('3/4');
    // "mobile design" starts words of one pair only; the others match less well or not at all.
    expect(picked('mob des')).toBe('2/1');
  });

  it('calls words several when more than one pair shares the best rank', () => {
    const pick = pickByWords(options, 'design');
    expect(pick.kind).toBe('several');
    if (pick.kind === 'several') {
      expect(pick.candidates).toEqual([
        'Acme — Website — Design',
        'Globex — Mobile app — Design',
        'Initech — Designer handbook — Writing',
      ]);
      expect(wordsProblem(pick, 'design', 'lines')).toBe(
        '"design" matches more than one project and task:\n  Acme — Website — Design\n  Globex — Mobile app — Design\n  Initech — Designer handbook — Writing\nAdd a word to pick one.',
      );
    }
  });

  it('finds nothing for words that match nothing, or for no words', () => {
    expect(picked('zeppelin')).toBe('none');
    expect(picked('   ')).toBe('none');
    expect(wordsProblem({ kind: 'none' }, 'zeppelin')).toBe(
      `Nothing you're assigned to matches "zeppelin". Check the words, or open Sheaf.`,
    );
  });
});

describe("the matcher's best rank", () => {
  it('counts the results that share it, the same as search ranks them', () => {
    const matcher = createMatcher(options);
    expect(matcher.bestCount('website')).toBe(2);
    expect(matcher.bestCount('website dev')).toBe(1);
    expect(matcher.bestCount('')).toBe(options.length);
    expect(matcher.bestCount('zeppelin')).toBe(0);
  });
});
