// Owns opening the preview's URL in the person's browser the way dev servers do: BROWSER first, else the OS opener.
import { spawn as nodeSpawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

export type BrowserOpenPlan =
  /** BROWSER=none: the person asked for no browser; the printed URL is all they want. */
  | { kind: 'none' }
  /** Nothing sensible to run (e.g. Linux without a display); the URL has to be opened by hand. */
  | { kind: 'by-hand'; reason: string }
  | { kind: 'run'; command: string; args: string[]; windowsVerbatimArguments?: boolean };

export interface BrowserOpenContext {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
}

/** Decides, without running anything, what would open `url`: BROWSER=<program>, none, or the platform's opener. */
export function planBrowserOpen(url: string, { platform, env }: BrowserOpenContext): BrowserOpenPlan {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'by-hand', reason: 'not a URL' };
  }
  // Only web pages: anything else handed to an opener could be a file or a program to launch.
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { kind: 'by-hand', reason: 'not an http URL' };
  }
  const href = parsed.href;

  const browser = env.BROWSER?.trim() ?? '';
  // As in create-react-app and Vite: BROWSER=none (any case) turns opening off, an empty value means "the default".
  if (browser.toLowerCase() === 'none') return { kind: 'none' };
  // One program, never a shell line: a BROWSER value can't smuggle in a second command.
  if (browser) return { kind: 'run', command: browser, args: [href] };

  if (platform === 'darwin') return { kind: 'run', command: 'open', args: [href] };
  if (platform === 'win32') {
    // `start` is a cmd built-in; its first quoted argument is the window title, hence the empty "". Arguments go
    // verbatim because Node's quoting would turn "" into \"\". The URL is quoted so & or ^ in it stay literal, and
    // new URL() has already percent-encoded any " that could close the quotes.
    return {
      kind: 'run',
      command: 'cmd',
      args: ['/c', 'start', '""', `"${href}"`],
      windowsVerbatimArguments: true,
    };
  }
  // Without a display xdg-open can only fail, or start a text-mode browser with no terminal to draw in.
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return { kind: 'by-hand', reason: 'no graphical session' };
  return { kind: 'run', command: 'xdg-open', args: [href] };
}

type Spawn = (command: string, args: string[], options: SpawnOptions) => ChildProcess;

export interface OpenBrowserOptions extends Partial<BrowserOpenContext> {
  log?: (line: string) => void;
  /** Tests pass a recorder; by default node:child_process. */
  spawn?: Spawn;
}

/**
 * Opens `url` per planBrowserOpen and returns at once. A missing or failing opener never throws, never keeps this
 * process waiting and never takes the preview down: it costs one line saying the URL can be opened by hand.
 */
export function openBrowser(url: string, options: OpenBrowserOptions = {}): BrowserOpenPlan {
  const log = options.log ?? ((line: string) => console.error(line));
  const plan = planBrowserOpen(url, {
    platform: options.platform ?? process.platform,
    env: options.env ?? process.env,
  });
  const byHand = (why: string) =>
    log(`Sheaf preview: couldn't open a browser (${why}); open ${url} by hand.`);
  if (plan.kind === 'none') return plan;
  if (plan.kind === 'by-hand') {
    byHand(plan.reason);
    return plan;
  }

  let reported = false;
  const fail = (why: string) => {
    // ENOENT can arrive as 'error' and then 'exit' too; one line is enough.
    if (reported) return;
    reported = true;
    byHand(why);
  };
  try {
    const child = (options.spawn ?? nodeSpawn)(plan.command, plan.args, {
      // Its own process group, so Ctrl+C on the preview doesn't close the browser it started;
      // no stdio, so a chatty opener can't write over the terminal or keep a pipe (and this process) open.
      detached: true,
      stdio: 'ignore',
      windowsVerbatimArguments: plan.windowsVerbatimArguments,
      windowsHide: true,
    });
    child.on('error', (err: NodeJS.ErrnoException) =>
      fail(err.code === 'ENOENT' ? `${plan.command} not found` : `${plan.command}: ${err.message}`),
    );
    // xdg-open and friends say "no browser" only through their exit status.
    child.on('exit', (code) => {
      if (code !== null && code !== 0) fail(`${plan.command} exited with status ${code}`);
    });
    child.unref();
  } catch (err) {
    fail(`${plan.command}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return plan;
}
