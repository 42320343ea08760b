// Owns the browser preview's window.sheaf: commands and state over the host's key-guarded WebSocket.
import { commandNames, type IpcResult, type PopoverEvent, type SheafApi } from '../../../shared/ipc';
import type { AppState } from '../../../shared/state';
import type { HostMessage } from '../../../shared/web-bridge';

type Pending = { command: string; input: unknown; settle: (result: IpcResult<unknown>) => void };

const maxQueued = 200;
const firstRetryMs = 250;
const maxRetryMs = 5000;

const failure = (code: 'network' | 'forbidden_sender', message: string): IpcResult<never> => ({
  ok: false,
  error: { code, message },
});

export function createWebBridge(location: Pick<Location, 'host' | 'search'>): SheafApi {
  const key = new URLSearchParams(location.search).get('key');
  const listeners = new Set<(state: AppState) => void>();
  const eventListeners = new Set<(event: PopoverEvent) => void>();
  const waiting: Pending[] = [];
  const inFlight = new Map<number, Pending>();
  let latest: AppState | undefined;
  let socket: WebSocket | undefined;
  let nextId = 1;
  let retryMs = firstRetryMs;

  const connect = () => {
    const ws = new WebSocket(`ws://${location.host}/bridge?key=${encodeURIComponent(key ?? '')}`);
    socket = ws;
    ws.onopen = () => {
      retryMs = firstRetryMs;
      for (const call of waiting.splice(0)) send(call);
    };
    ws.onmessage = (event) => {
      let message: HostMessage;
      try {
        message = JSON.parse(String(event.data)) as HostMessage;
      } catch {
        return;
      }
      if ('type' in message && message.type === 'event') {
        for (const listener of eventListeners) listener(message.event);
      } else if ('type' in message) {
        latest = message.state;
        for (const listener of listeners) listener(message.state);
      } else {
        inFlight.get(message.id)?.settle(message.result);
        inFlight.delete(message.id);
      }
    };
    // Every error is followed by close, where reconnecting happens.
    ws.onerror = () => {};
    ws.onclose = () => {
      // A call already sent may or may not have run; saying so beats replaying a start or stop twice.
      for (const call of inFlight.values()) {
        call.settle(
          failure('network', 'Lost the connection to the Sheaf preview. Check the result, then try again.'),
        );
      }
      inFlight.clear();
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, maxRetryMs);
    };
  };

  const send = (call: Pending) => {
    const id = nextId++;
    inFlight.set(id, call);
    socket!.send(JSON.stringify({ id, command: call.command, input: call.input }));
  };

  const call = (command: string, input?: unknown) =>
    new Promise<IpcResult<unknown>>((settle) => {
      if (!key) {
        settle(
          failure(
            'forbidden_sender',
            'Open the preview with the link `npm run web` printed; it carries the key.',
          ),
        );
        return;
      }
      const pending = { command, input, settle };
      if (socket?.readyState === WebSocket.OPEN) send(pending);
      else if (waiting.length < maxQueued) waiting.push(pending);
      else settle(failure('network', 'The Sheaf preview is not answering. Is `npm run web` still running?'));
    });

  if (key) connect();

  const api: Record<string, unknown> = {
    subscribe(listener: (state: AppState) => void) {
      listeners.add(listener);
      if (latest) listener(latest);
      return () => {
        listeners.delete(listener);
      };
    },
    // Unlike the state, an event that came before anyone listened is not replayed: it happened then.
    onEvent(listener: (event: PopoverEvent) => void) {
      eventListeners.add(listener);
      return () => {
        eventListeners.delete(listener);
      };
    },
  };
  for (const name of commandNames) api[name] = (input?: unknown) => call(name, input);
  return api as SheafApi;
}
