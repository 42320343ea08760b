// Owns the simulation's network between one Sheaf process and the sandbox Harvest: each request takes seeded
// virtual time each way, reaches the sandbox in-process (whose fault switchboard drops, fails or throttles it),
// and may time out on the way back after Harvest acted on it. A crash loses whatever was on the wire with it:
// a request not yet arrived never does, and an answer to one that did never reaches anyone.
import type { Fetch } from '../../electron/main/core/ports';
import type { SandboxCore } from '../../electron/sandbox/responder';

export interface Wire {
  /** Milliseconds one way takes now. */
  latencyMs(): number;
}

/** undici's error for a socket the other side closed: the request may well have arrived. */
const socketClosed = () =>
  new TypeError('fetch failed', {
    cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }),
  });

function headersOf(init: RequestInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(init?.headers).forEach((value, name) => (out[name] = value));
  return out;
}

/** Resolves after `ms` of virtual time, or rejects when `signal` aborts first. */
function wait(ms: number, signal: AbortSignal | null | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Never resolves; rejects when `signal` aborts (a server that never answers, until the client gives up). */
function hang(signal: AbortSignal | null | undefined): Promise<never> {
  return new Promise((_, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

/** The fetch one process uses; `alive` turns false when that process crashes. */
export function simulatedFetch(harvest: SandboxCore, wire: Wire, alive: () => boolean): Fetch {
  return async (input, init) => {
    // A process that is gone sends nothing more.
    if (!alive()) return new Promise<never>(() => {});
    const url = new URL(input);
    const signal = init?.signal;
    await wait(wire.latencyMs(), signal);
    if (process.env.SIM_DEBUG === '2')
      console.log(`  fetch ${init?.method ?? 'GET'} ${url.pathname}${url.search}`);
    const reply = await harvest.respond({
      method: init?.method ?? 'GET',
      path: `${url.pathname}${url.search}`,
      headers: headersOf(init),
      raw: typeof init?.body === 'string' ? init.body : '',
      host: url.host,
    });
    if (reply.kind === 'hang') return hang(signal);
    if (reply.kind === 'drop') throw socketClosed();
    await wait(wire.latencyMs(), signal);
    if (!alive()) return new Promise<never>(() => {});
    const isText = typeof reply.body === 'string';
    const payload =
      reply.body === undefined ? '' : isText ? (reply.body as string) : JSON.stringify(reply.body);
    return new Response(reply.status === 204 ? null : payload, {
      status: reply.status,
      headers: {
        ...reply.headers,
        'content-type': isText || reply.body === undefined ? 'text/html; charset=utf-8' : 'application/json',
      },
    });
  };
}
