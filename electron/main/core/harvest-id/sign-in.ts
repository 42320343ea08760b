// Owns "Sign in with Harvest" end to end: the authorization code flow (RFC 6749 §4.1) through the system browser
// and a loopback redirect (RFC 8252), with state and PKCE, ending in tokens or an error in the person's words.
import type { Clock, Fetch } from '../ports';
import { sameSecret } from '../base/secrets';
import { authorizeUrl, CALLBACK_PATH, randomSecret, s256Challenge } from './authorize';
import type { HarvestIdConfig } from './config';
import {
  BrowserNotOpenedError,
  SignInCancelledError,
  SignInDeniedError,
  SignInNotSetUpError,
  SignInRefusedError,
  SignInTimedOutError,
} from './errors';
import { startLoopback, type Reply } from './loopback';
import { deniedPage, failedPage, signedInPage } from './pages';
import { exchangeCode, type OAuthTokens } from './token';

export interface SignInOptions {
  config: HarvestIdConfig;
  fetch: Fetch;
  clock: Clock;
  /** Opens the system browser (shell.openExternal); never an embedded web view (RFC 8252 §8.12). */
  openUrl(url: string): void | Promise<void>;
  /** How long to wait for the browser to come back; default 5 minutes. */
  timeoutMs?: number;
  /** Aborting stops the wait (SignInCancelledError) and closes the port. */
  signal?: AbortSignal;
  userAgent?: string;
  /** Where an ignored answer (wrong state) is told. */
  log?: (line: string) => void;
}

const DEFAULT_TIMEOUT_MS = 5 * 60_000;

/** Opens the system browser at Harvest ID's authorize page and waits for the one answer on a 127.0.0.1 loopback. */
export async function signInWithHarvest(o: SignInOptions): Promise<OAuthTokens> {
  const { clientId, clientSecret } = o.config;
  if (clientId === null || clientSecret === null) throw new SignInNotSetUpError();
  const timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const state = randomSecret();
  const codeVerifier = randomSecret();

  const loopback = await startLoopback<OAuthTokens>({
    path: CALLBACK_PATH,
    port: o.config.redirectPort,
    timeoutMs,
    signal: o.signal,
    timedOut: () => new SignInTimedOutError(timeoutMs),
    aborted: () => new SignInCancelledError(),
    answer: (query) => answer(query),
    // Only our state makes a request the answer. Anything else is some local process, or a page that guessed the
    // port: it gets a 400 and changes nothing, and the wait goes on for the real answer until the timeout.
    isAnswer: (query) => sameSecret(query.get('state'), state),
    notTheAnswer: (count) => {
      o.log?.(`sign-in: ignored an answer whose state wasn't Sheaf's (${count} so far); still waiting`);
      return failedPage(400, "Sheaf isn't waiting for this sign-in answer, so it was ignored.");
    },
  });

  /** The browser's one answer, its state already checked against ours (isAnswer). */
  async function answer(query: URLSearchParams): Promise<Reply<OAuthTokens>> {
    const error = query.get('error');
    // RFC 6749 §4.1.2.1: the person said no, or Harvest could not ask them.
    if (error === 'access_denied')
      return { page: deniedPage(), result: { ok: false, error: new SignInDeniedError() } };
    if (error !== null)
      return refused(400, new SignInRefusedError(error, shortText(query.get('error_description'))));
    const code = query.get('code');
    if (!code) return refused(400, new SignInRefusedError('no code'));
    try {
      const tokens = await exchangeCode({
        config: o.config,
        fetch: o.fetch,
        clock: o.clock,
        userAgent: o.userAgent,
        signal: o.signal,
        code,
        redirectUri: loopback.redirectUri,
        codeVerifier,
      });
      // The tab says "signed in" only once it's true: the page waits for the exchange.
      return { page: signedInPage(), result: { ok: true, value: tokens } };
    } catch (e) {
      return refused(502, e instanceof Error ? e : new Error(String(e)));
    }
  }

  const url = authorizeUrl({
    baseUrl: o.config.baseUrl,
    clientId,
    state,
    redirectUri: loopback.redirectUri,
    codeChallenge: s256Challenge(codeVerifier),
  });
  // Not awaited before listening: the answer may come while openUrl (or a test's browser) is still going.
  Promise.resolve()
    .then(() => o.openUrl(url))
    .catch((e: unknown) => loopback.fail(new BrowserNotOpenedError(e)));
  return loopback.result;
}

function refused(status: number, error: Error): Reply<never> {
  return { page: failedPage(status, error.message), result: { ok: false, error } };
}

/** Harvest's error_description, shown in Sheaf's words around it; kept short so a page can't be stuffed. */
function shortText(text: string | null): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? trimmed.slice(0, 200) : undefined;
}
