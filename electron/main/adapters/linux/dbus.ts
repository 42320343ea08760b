// Owns talking to D-Bus for the Linux adapters: connecting to a bus, calling a method, reading a property and
// following a signal, over @particle/dbus-next's low-level API. Plain Node, so the desktop app and the browser
// preview use the same adapters.
//
// Why @particle/dbus-next: it is pure JavaScript (no native build, unlike `dbus`), ships its own TypeScript
// declarations, and is Particle's maintained fork of dbus-next, whose upstream (dbusjs/node-dbus-next) has had
// no release or review since 2023 ("Project seems dead", issue #125) while the fork keeps its dependencies
// current (xml2js 0.6, event-stream 4). Only the low-level Message API is used here: no decorators, no
// introspection round trips, so a missing service costs one failed call and nothing more.
import {
  Message,
  MessageType,
  sessionBus as openSessionBus,
  systemBus as openSystemBus,
  type MessageBus,
} from '@particle/dbus-next';

export type { MessageBus };

/** What a D-Bus method returned: its body, the values in signature order. */
export type Body = unknown[];

export interface Target {
  destination: string;
  path: string;
  interface: string;
}

/** The session bus: DBUS_SESSION_BUS_ADDRESS (a test's private bus), else the desktop session's. */
export function sessionBus(address?: string): MessageBus {
  return openSessionBus(address ? { busAddress: address } : {});
}

/** The system bus, where logind lives. */
export function systemBus(): MessageBus {
  return openSystemBus();
}

/**
 * A bus that may not be there (no session bus outside a desktop, a container with no system bus): connecting
 * fails later, on the socket, so the error is caught here and the bus reported missing instead of thrown.
 */
export function quietly(open: () => MessageBus): MessageBus | null {
  try {
    return track(open());
  } catch {
    return null;
  }
}

/** Buses whose connection failed (no socket, refused): every later call fails at once rather than waiting. */
const failures = new WeakMap<MessageBus, Error>();
const tracked = new WeakSet<MessageBus>();

/** Remembers the bus's connection failing; also keeps that 'error' event from going uncaught. */
function track(bus: MessageBus): MessageBus {
  if (tracked.has(bus)) return bus;
  tracked.add(bus);
  bus.on('error', (err: unknown) => failures.set(bus, err instanceof Error ? err : new Error(String(err))));
  return bus;
}

/**
 * A service that never answers (hung, or a bus whose socket is gone: dbus-next then neither resolves nor
 * rejects) must not hold up Sheaf: local D-Bus answers in milliseconds, so after this long it counts as absent.
 */
const answerWithinMs = 3000;

/** Calls `member` on the target and returns the reply's body; a D-Bus error (no such service, method) throws. */
export async function call(
  bus: MessageBus,
  target: Target,
  member: string,
  signature = '',
  body: Body = [],
): Promise<Body> {
  track(bus);
  const broken = failures.get(bus);
  if (broken) throw broken;
  let giveUp: ReturnType<typeof setTimeout> | undefined;
  let onError: ((err: unknown) => void) | undefined;
  const failed = new Promise<never>((_, reject) => {
    onError = (err) => reject(err instanceof Error ? err : new Error(String(err)));
    bus.once('error', onError);
    giveUp = setTimeout(
      () => reject(new Error(`${target.destination} did not answer ${member}`)),
      answerWithinMs,
    );
    giveUp.unref?.();
  });
  try {
    const reply = await Promise.race([bus.call(new Message({ ...target, member, signature, body })), failed]);
    return reply?.body ?? [];
  } finally {
    clearTimeout(giveUp);
    if (onError) bus.removeListener('error', onError);
  }
}

/** One property, read through org.freedesktop.DBus.Properties.Get; the Variant is unwrapped. */
export async function getProperty(bus: MessageBus, target: Target, name: string): Promise<unknown> {
  const [variant] = await call(
    bus,
    { ...target, interface: 'org.freedesktop.DBus.Properties' },
    'Get',
    'ss',
    [target.interface, name],
  );
  return (variant as { value: unknown } | undefined)?.value;
}

/** Whether some connection owns `name` right now (a desktop service is running). */
export async function hasOwner(bus: MessageBus, name: string): Promise<boolean> {
  const [owned] = await call(bus, busDaemon, 'NameHasOwner', 's', [name]).catch(() => [false]);
  return owned === true;
}

const busDaemon: Target = {
  destination: 'org.freedesktop.DBus',
  path: '/org/freedesktop/DBus',
  interface: 'org.freedesktop.DBus',
};

export interface SignalFilter {
  interface: string;
  member: string;
  /** Only from this object (a logind session's own path, say). */
  path?: string;
}

/**
 * Follows a signal: asks the bus to route it here (AddMatch) and calls `listener` with its body. Returns the
 * unsubscribe, which also drops the match rule.
 */
export async function onSignal(
  bus: MessageBus,
  filter: SignalFilter,
  listener: (body: Body, path: string) => void,
): Promise<() => void> {
  const rule = [
    "type='signal'",
    `interface='${filter.interface}'`,
    `member='${filter.member}'`,
    ...(filter.path ? [`path='${filter.path}'`] : []),
  ].join(',');
  await call(bus, busDaemon, 'AddMatch', 's', [rule]);
  const onMessage = (msg: Message) => {
    if (msg.type !== MessageType.SIGNAL) return;
    if (msg.interface !== filter.interface || msg.member !== filter.member) return;
    if (filter.path && msg.path !== filter.path) return;
    listener(msg.body, msg.path);
  };
  bus.on('message', onMessage);
  return () => {
    bus.removeListener('message', onMessage);
    void call(bus, busDaemon, 'RemoveMatch', 's', [rule]).catch(() => {});
  };
}
