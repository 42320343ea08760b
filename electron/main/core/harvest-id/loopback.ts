// Owns the loopback redirect receiver (RFC 8252 §7.3): a node:http server on 127.0.0.1 that takes exactly one
// answer on its path, replies with the page the caller chooses, and closes; also on timeout and on abort. A
// request that isn't the answer (wrong state: any local process or a page guessing the port can send one) is
// turned away without ending the wait, so it can't close the door on the real answer.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { LoopbackUnavailableError } from './errors';
import { finishedPage, notFoundPage, onlyGetPage, type Page } from './pages';

/** What the caller makes of the one answer: the page the browser gets, and how the wait ends. */
export interface Reply<T> {
  page: Page;
  result: { ok: true; value: T } | { ok: false; error: Error };
}

export interface LoopbackOptions<T> {
  path: string;
  /** 0 (default): any free port. */
  port?: number;
  timeoutMs: number;
  signal?: AbortSignal;
  /** The error the wait ends with when nothing came in time / when `signal` aborts. */
  timedOut(): Error;
  aborted(): Error;
  /** Called once, for the first GET on `path` that `isAnswer` takes; may take a while (the token exchange). */
  answer(query: URLSearchParams): Promise<Reply<T>>;
  /** Whether a GET on `path` is the answer at all (its state is ours); default: every one is. */
  isAnswer?(query: URLSearchParams): boolean;
  /** A GET that wasn't the answer: the page it gets, and told how many so far (to log and count). */
  notTheAnswer?(count: number): Page;
}

export interface Loopback<T> {
  /** http://127.0.0.1:<port><path>, the redirect_uri to send. */
  redirectUri: string;
  /** Settles once, after the port is closed. */
  result: Promise<T>;
  /** Ends the wait with `error` (the browser could not be opened, say). */
  fail(error: Error): void;
}

// RFC 8252 §8.3: the loopback IP literal, not "localhost", which may resolve elsewhere or to ::1 only; and
// never 0.0.0.0, which would let the local network deliver (or forge) the answer.
const HOST = '127.0.0.1';

export async function startLoopback<T>(o: LoopbackOptions<T>): Promise<Loopback<T>> {
  if (o.signal?.aborted) throw o.aborted();
  let answered = false;
  let ignored = 0;
  let settled = false;
  let port = 0;
  const timer = setTimeout(() => {
    if (!answered) settle({ ok: false, error: o.timedOut() });
  }, o.timeoutMs);
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const result = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  // The caller may still be opening the browser when an early failure lands; it awaits `result` after.
  result.catch(() => undefined);

  const server = createServer((req, res) => {
    const page = route(req);
    if (page) return send(res, page);
    const query = new URL(req.url ?? '/', `http://${HOST}`).searchParams;
    // Checked before `answered` is set: a forged answer must leave the door open for the real one, and the
    // timeout still running.
    if (o.isAnswer && !o.isAnswer(query)) {
      ignored += 1;
      return send(res, o.notTheAnswer?.(ignored) ?? notFoundPage());
    }
    answered = true;
    clearTimeout(timer);
    // The wait ends when both the reply is ready and the tab's response is over: delivered, or the tab closed
    // while the code was being traded (then the tokens still count; only the page is lost).
    let reply: Reply<T> | undefined;
    let closed = false;
    res.once('close', () => {
      closed = true;
      if (reply) settle(reply.result);
    });
    o.answer(query).then(
      (r) => {
        reply = r;
        if (closed) settle(r.result);
        else send(res, r.page);
      },
      (error: unknown) =>
        settle({ ok: false, error: error instanceof Error ? error : new Error(String(error)) }),
    );
  });

  /** A page for any request that isn't the one answer (so changes nothing), or undefined for the answer. */
  function route(req: IncomingMessage): Page | undefined {
    const url = new URL(req.url ?? '/', `http://${HOST}`);
    // A Host other than ours is a page elsewhere reaching this port by DNS rebinding: not an answer.
    if (req.headers.host !== `${HOST}:${port}` || url.pathname !== o.path) return notFoundPage();
    if (req.method !== 'GET') return onlyGetPage();
    if (answered) return finishedPage();
    return undefined;
  }

  function send(res: ServerResponse, page: Page): void {
    res.writeHead(page.status, page.headers);
    res.end(page.body);
  }

  function settle(outcome: Reply<T>['result']): void {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    o.signal?.removeEventListener('abort', onAbort);
    // Settle only once the port is closed, so whoever hears the outcome can count on nothing listening.
    server.close(() => (outcome.ok ? resolve(outcome.value) : reject(outcome.error)));
    // A second tab's request, or a browser's idle pre-connect, must not hold close() open.
    server.closeAllConnections();
  }

  const onAbort = () => settle({ ok: false, error: o.aborted() });

  await new Promise<void>((res, rej) => {
    server.once('error', (error) => {
      clearTimeout(timer);
      rej(new LoopbackUnavailableError(error));
    });
    // exclusive: a fixed port is never shared with another process's listener (cluster-style handle sharing).
    server.listen({ host: HOST, port: o.port ?? 0, exclusive: true }, () => res());
  });
  const address = server.address();
  port = typeof address === 'object' && address !== null ? address.port : 0;

  o.signal?.addEventListener('abort', onAbort, { once: true });

  return {
    redirectUri: `http://${HOST}:${port}${o.path}`,
    result,
    fail: (error) => settle({ ok: false, error }),
  };
}
