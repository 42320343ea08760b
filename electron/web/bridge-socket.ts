// Owns the preview's WebSocket bridge: who may connect (per-run key + own Origin), and the call/state/event protocol.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { CommandHandlers, PopoverEvent } from '../../shared/ipc';
import type { AppState } from '../../shared/state';
import { dispatch } from '../main/dispatch';
import { sameSecret } from '../main/core/base/secrets';
import { bridgePath, maxMessageBytes, type CommandCall, type HostMessage } from '../../shared/web-bridge';

export interface BridgeOptions {
  key: string;
  /** The host's own origin, e.g. http://127.0.0.1:40123; known once the server listens. */
  origin: () => string;
  handlers: CommandHandlers;
  getState: () => AppState;
  subscribe: (listener: (state: AppState) => void) => () => void;
  onEvent: (listener: (event: PopoverEvent) => void) => () => void;
  log: (line: string) => void;
}

export interface Bridge {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): Promise<void>;
}

function refuse(socket: Duplex): void {
  socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  socket.destroy();
}

function parseCall(data: RawData, isBinary: boolean): CommandCall | { id: number | null } {
  if (isBinary) return { id: null };
  let message: unknown;
  try {
    message = JSON.parse(data.toString());
  } catch {
    return { id: null };
  }
  if (typeof message !== 'object' || message === null) return { id: null };
  const { id, command, input } = message as Record<string, unknown>;
  if (typeof id !== 'number' || !Number.isSafeInteger(id)) return { id: null };
  if (typeof command !== 'string') return { id };
  return { id, command, input };
}

export function createBridge(options: BridgeOptions): Bridge {
  const { key, handlers, log } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });

  const send = (ws: WebSocket, message: HostMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };

  const unsubscribe = options.subscribe((state) => {
    for (const ws of wss.clients) send(ws, { type: 'state', state });
  });
  const stopEvents = options.onEvent((event) => {
    for (const ws of wss.clients) send(ws, { type: 'event', event });
  });

  wss.on('connection', (ws) => {
    ws.on('error', (err) => log(`bridge socket error: ${err.message}`));
    ws.on('message', (data, isBinary) => {
      const call = parseCall(data, isBinary);
      if (!('command' in call)) {
        // Without an id nobody is waiting for an answer; a malformed message is simply dropped.
        if (call.id !== null) {
          send(ws, {
            id: call.id,
            result: { ok: false, error: { code: 'bad_input', message: 'A call needs a command name.' } },
          });
        }
        return;
      }
      void dispatch(handlers, call.command, call.input, log).then((result) =>
        send(ws, { id: call.id, result }),
      );
    });
    send(ws, { type: 'state', state: options.getState() });
  });

  return {
    handleUpgrade(req, socket, head) {
      socket.on('error', () => socket.destroy());
      const url = new URL(req.url ?? '/', 'http://preview.invalid');
      const allowed =
        url.pathname === bridgePath &&
        sameSecret(url.searchParams.get('key') ?? '', key) &&
        req.headers.origin === options.origin();
      if (!allowed) {
        refuse(socket);
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    close() {
      unsubscribe();
      stopEvents();
      for (const ws of wss.clients) ws.terminate();
      return new Promise((done) => wss.close(() => done()));
    },
  };
}
