// Owns the queries every picker figure types (the Node filter and the Chromium popover alike), so the two
// measure the same keystrokes.

/** Each query is typed a letter at a time, then erased a letter at a time, as a person corrects a typo. */
export const typedQueries = [
  'project 1234 design',
  'client 42 dev',
  'p-0777',
  'research',
  'dsgn',
  'quality assurance client 7',
  'xyz nothing matches',
  'meetings',
  'client 9 project 88',
  'supp',
  'writing 2001',
  'management',
  'cl 17 qa',
  'p-2400 research',
  'development client 250',
  'proj 5 meet',
];

/** The prefixes a person's keystrokes produce typing `query`: "p", "pr", … "project". */
export function prefixes(query: string): string[] {
  return [...query].map((_, i) => query.slice(0, i + 1));
}
