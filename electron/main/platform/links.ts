// Owns handing sheaf:// links from the OS to Sheaf: registering the scheme, macOS's open-url, and the link a launch
// carries on Windows and Linux (the first launch's argv, or a second launch's, which the single-instance lock
// passes here). Links that arrive before Sheaf is ready wait for it.
import { resolve } from 'node:path';
import type { App } from 'electron';
import { linkInArgv, linkScheme } from '../../../shared/links';

/** The slice of Electron's app this module uses. */
export type LinkApp = Pick<App, 'setAsDefaultProtocolClient' | 'on'>;

export interface LinkTarget {
  openLink(link: string): void;
  /** A second launch without a link: the person wants Sheaf, so the popover opens. */
  show(): void;
}

export interface LinkInbox {
  /** From now on links go to `target`, those that waited first, in the order they came. */
  deliverTo(target: LinkTarget): void;
}

export interface ReceiveLinksOptions {
  app: LinkApp;
  /** This launch's own command line (process.argv): Windows and Linux start Sheaf with the link in it. */
  argv: readonly string[];
  /** Run from source (`electron .`, process.defaultApp): the OS must be told to start Electron with the app. */
  defaultApp: boolean;
  execPath: string;
  log: (line: string) => void;
}

export function receiveLinks(o: ReceiveLinksOptions): LinkInbox {
  const registered = o.defaultApp
    ? o.app.setAsDefaultProtocolClient(linkScheme, o.execPath, o.argv[1] ? [resolve(o.argv[1])] : [])
    : o.app.setAsDefaultProtocolClient(linkScheme);
  if (!registered) o.log('sheaf:// links: the OS did not take Sheaf as their handler');

  let target: LinkTarget | null = null;
  const waiting: Array<(t: LinkTarget) => void> = [];
  const hand = (deliver: (t: LinkTarget) => void) => (target ? deliver(target) : waiting.push(deliver));

  const first = linkInArgv(o.argv);
  if (first) hand((t) => t.openLink(first));
  // macOS: a clicked link, whether Sheaf was running or this launch is for it (then before ready).
  o.app.on('open-url', (event, url) => {
    event.preventDefault();
    hand((t) => t.openLink(url));
  });
  o.app.on('second-instance', (_event, argv) => {
    const link = linkInArgv(argv);
    hand((t) => (link ? t.openLink(link) : t.show()));
  });

  return {
    deliverTo(next) {
      target = next;
      for (const deliver of waiting.splice(0)) deliver(next);
    },
  };
}
