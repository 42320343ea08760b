// Owns what the preview says when it is up: where it is, that the demo starts fresh, that the `sheaf` command can
// drive it, and how to stop it — a few lines, so `npm start` reads like an app starting, not a build log.

export interface IntroFacts {
  url: string;
  /** The browser was asked to open the URL (--open). */
  opened: boolean;
  /** Signed in to the built-in demo (SHEAF_DEMO=1 and no token): nothing from it is kept. */
  demo: boolean;
  /** The `sheaf` command can reach this host (its control socket is listening). */
  drivable: boolean;
}

/**
 * The first line stays `Sheaf preview: <url>` on its own (scripts and tests read it); the rest explain it. Each is
 * a line of its own so the caller can print the first to stdout and the rest to stderr.
 */
export function introLines(facts: IntroFacts): string[] {
  return [
    `Sheaf preview: ${facts.url}`,
    facts.opened
      ? '  Opened in your browser; the link above opens it again.'
      : '  Open the link above to use it.',
    ...(facts.demo
      ? ['  Demo: a pretend Harvest account that starts fresh each time; nothing is sent to Harvest.']
      : []),
    ...(facts.drivable
      ? ['  From another terminal, `npx sheaf status` or `npx sheaf start "project task"` drives it.']
      : []),
    '  Press Ctrl+C to stop.',
  ];
}
