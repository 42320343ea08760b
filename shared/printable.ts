// Owns which characters text from outside (a link, Harvest, a script) may not carry onto a terminal, a status bar
// or a notification: C0 and C1 controls (ESC starts terminal commands, CR and LF fake lines, BEL ends a title
// change) and the bidi overrides and isolates that make text read in another order than it is stored.
/**
 * One of them. Tab, CR and LF are controls like the rest: a field that wants lines says so itself (notes). U+2028
 * and U+2029 break lines in editors and some bars.
 */
// eslint-disable-next-line no-control-regex
export const unsafeCharacter = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
// eslint-disable-next-line no-control-regex
const unsafeCharacters = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/** `\u001B`: visible, and inside a JSON string still the same character to whoever parses it. */
const escaped = (c: string) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * One field on one line: a note's line breaks (the popover lets notes have them) show as ⏎, everything else
 * unsafe as its `\uXXXX` escape.
 */
export function printableField(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '⏎').replace(unsafeCharacters, escaped);
}

/** Text the command prints as it is: its own line breaks stay, every other unsafe character is escaped. */
export function printableText(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(unsafeCharacters, escaped))
    .join('\n');
}
