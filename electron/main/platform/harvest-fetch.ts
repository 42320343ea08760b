// Owns the fetch the Harvest client uses inside Electron: Chromium's network stack (so the system proxy is
// honoured) on a session of its own, whose every request says `User-Agent: Sheaf (<contact>)`. Harvest refuses
// requests without a User-Agent, and net.fetch may put Chromium's own in place of one set on the request, so
// the session's agent is set and the header is rewritten as each request leaves.
import type { Session, WebRequest } from 'electron';
import type { Fetch } from '../core/ports';

export type HarvestSession = Pick<Session, 'fetch' | 'setUserAgent'> & {
  webRequest: Pick<WebRequest, 'onBeforeSendHeaders'>;
};

export function createHarvestFetch(ses: HarvestSession, userAgent: string): Fetch {
  ses.setUserAgent(userAgent);
  ses.webRequest.onBeforeSendHeaders((details, callback) => {
    // Header names are case-insensitive: drop every spelling before setting ours, so exactly one is sent.
    const requestHeaders = Object.fromEntries(
      Object.entries(details.requestHeaders).filter(([name]) => name.toLowerCase() !== 'user-agent'),
    );
    callback({ requestHeaders: { ...requestHeaders, 'User-Agent': userAgent } });
  });
  return (input, init) => ses.fetch(input, init);
}
