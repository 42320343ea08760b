// Owns turning one untrusted command call (name + raw payload) into a parsed, handled, typed IpcResult.
// Both hosts use it: Electron's ipcMain handlers and the browser preview's WebSocket bridge.
import {
  commands,
  type CommandHandlers,
  type CommandName,
  type IpcErrorCode,
  type IpcResult,
} from '../../shared/ipc';
import { LocalError } from './core/base/errors';
import { HarvestError } from './core/harvest/errors';

const harvestCodes: Partial<Record<string, IpcErrorCode>> = {
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  not_found: 'not_found',
  validation: 'validation',
  rate_limited: 'rate_limited',
  network: 'network',
  timeout: 'network',
  outcome_unknown: 'network',
  server: 'server',
  bad_response: 'server',
};

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(commands, name);
}

export async function dispatch(
  handlers: CommandHandlers,
  name: unknown,
  rawInput: unknown,
  log: (message: string) => void = () => {},
): Promise<IpcResult<unknown>> {
  if (!isCommandName(name)) {
    return {
      ok: false,
      error: { code: 'bad_input', message: `Unknown command: ${String(name).slice(0, 60)}` },
    };
  }
  const parsed = commands[name].input.safeParse(rawInput);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.length ? `${first.path.join('.')}: ` : '';
    // zod names unknown keys in its message: a page sending a 1 MB key must not get a 1 MB message back.
    const message = `${where}${first?.message ?? 'invalid input'}`;
    return {
      ok: false,
      error: { code: 'bad_input', message: message.length > 200 ? `${message.slice(0, 199)}…` : message },
    };
  }
  try {
    const handler = handlers[name] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (err) {
    if (err instanceof HarvestError) {
      return { ok: false, error: { code: harvestCodes[err.code] ?? 'internal', message: err.message } };
    }
    // Written for the person (what did not happen, and why): passed on as it is.
    if (err instanceof LocalError) return { ok: false, error: { code: err.ipcCode, message: err.message } };
    // Unexpected: log the detail for us, show the person something they can act on. Never echo secrets.
    log(`command ${name} failed: ${err instanceof Error ? err.stack : String(err)}`);
    return {
      ok: false,
      error: {
        code: 'internal',
        message: 'Something went wrong in Sheaf. Try again; if it keeps happening, restart Sheaf.',
      },
    };
  }
}
