// Owns the sandbox Harvest server: a node:http listener speaking Harvest API v2 (under /v2) and Harvest ID
// (under /id) over loopback for the demo accounts and the test suite. Never imports 'electron', so it runs in
// Electron's main process and plain Node.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpError, isLoopbackHost, readBody, send } from './http';
import { createSandboxCore } from './responder';
import type { Sandbox, SandboxOptions } from './types';

export type {
  Faults,
  FaultRule,
  HarvestIdAdmin,
  HarvestIdOptions,
  RequestLogEntry,
  Sandbox,
  SandboxAccountInfo,
  SandboxAccountSeed,
  SandboxAdmin,
  SandboxOptions,
} from './types';
export { DEMO_ACCOUNTS, SANDBOX_ACCOUNT_ID, SANDBOX_TOKEN } from './seed';
export { HARVEST_ID_DEFAULTS } from './harvest-id/client';
export { isLoopbackHost } from './http';

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host) && !options.allowRemote)
    throw new Error(
      `The sandbox listens only on loopback (127.0.0.1, ::1, localhost), not "${host}": its token is public. ` +
        'Pass allowRemote to listen there anyway.',
    );
  const core = createSandboxCore(options);
  let closed = false;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let raw: string;
    try {
      raw = await readBody(req);
    } catch (error) {
      if (error instanceof HttpError) return send(res, error.status, error.body, error.headers);
      throw error;
    }
    const headers: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(req.headers))
      headers[name] = Array.isArray(value) ? value.join(', ') : value;
    const reply = await core.respond({
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers,
      raw,
      host: req.headers.host ?? `${host}:${port()}`,
    });
    if (reply.kind === 'drop') req.socket.destroy();
    else if (reply.kind === 'answer') send(res, reply.status, reply.body, reply.headers);
  }

  // Last line of defence: whatever escapes a handler closes that one connection, never the process.
  const server = createServer((req, res) => {
    handle(req, res).catch(() => req.socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = () => (server.address() as AddressInfo).port;
  const hostForUrl = host.includes(':') ? `[${host}]` : host;
  const { respond: _respond, close: stopAnswering, ...parts } = core;

  return {
    ...parts,
    url: `http://${hostForUrl}:${port()}/v2`,
    idUrl: `http://${hostForUrl}:${port()}/id`,
    close: () =>
      new Promise<void>((resolve) => {
        if (closed) return resolve();
        closed = true;
        stopAnswering();
        server.close(() => resolve());
        // Hung requests and keep-alive sockets would otherwise hold close() open forever.
        server.closeAllConnections();
      }),
  };
}
