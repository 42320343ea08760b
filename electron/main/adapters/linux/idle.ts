// Owns whether the person is at a Linux computer, read from the desktop over D-Bus so it holds on Wayland too:
// idle time from the compositor (GNOME Mutter's IdleMonitor, else the freedesktop ScreenSaver KDE serves), lock
// and unlock from logind and GNOME's screensaver, sleep and wake from logind. Each is chosen by what answers on
// the bus; whatever none answers is left to the fallback (Electron's powerMonitor in the app).
import type { IdleEvent, IdleSource } from '../../core/ports';
import { call, getProperty, onSignal, type Body, type MessageBus, type Target } from './dbus';

/** Reads milliseconds since the last input from one desktop service; throws when the service isn't there. */
interface IdleReader {
  name: string;
  readMs(bus: MessageBus): Promise<number>;
}

/**
 * Both count keyboard and pointer input in the compositor itself, so a person typing is never idle (Electron's
 * getSystemIdleTime on Wayland reads XWayland's clock, which only sees input to X11 windows; electron#27912).
 */
const idleReaders: IdleReader[] = [
  {
    name: 'GNOME Mutter IdleMonitor',
    // GetIdletime -> t, milliseconds (mutter data/dbus-interfaces/org.gnome.Mutter.IdleMonitor.xml).
    readMs: async (bus) => Number((await call(bus, mutterIdleMonitor, 'GetIdletime'))[0] ?? Number.NaN),
  },
  {
    name: 'freedesktop ScreenSaver',
    // GetSessionIdleTime -> u, milliseconds as KDE serves it; GNOME answers NotSupported, so Mutter goes first.
    readMs: async (bus) =>
      Number((await call(bus, freedesktopScreenSaver, 'GetSessionIdleTime'))[0] ?? Number.NaN),
  },
];

export const mutterIdleMonitor: Target = {
  destination: 'org.gnome.Mutter.IdleMonitor',
  path: '/org/gnome/Mutter/IdleMonitor/Core',
  interface: 'org.gnome.Mutter.IdleMonitor',
};

export const freedesktopScreenSaver: Target = {
  destination: 'org.freedesktop.ScreenSaver',
  path: '/org/freedesktop/ScreenSaver',
  interface: 'org.freedesktop.ScreenSaver',
};

export const logindManager: Target = {
  destination: 'org.freedesktop.login1',
  path: '/org/freedesktop/login1',
  interface: 'org.freedesktop.login1.Manager',
};

export interface LinuxIdleOptions {
  /** The desktop session's bus (idle time, GNOME's screensaver); null when there is none. */
  session: MessageBus | null;
  /** Where logind answers: the system bus in the app, the test's bus in tests; null when there is none. */
  system: MessageBus | null;
  /**
   * How often idle time is read. The port asks synchronously and D-Bus answers asynchronously, so the last
   * reading is what it gets; ten seconds keeps that close while costing one small round trip.
   */
  pollMs?: number;
  log?: (line: string) => void;
}

/** What answered on the bus, for the log and for the fallback to know what it still has to do. */
export interface LinuxIdleFound {
  /** The service idle time comes from, or null (then the fallback's is used). */
  idle: string | null;
  /** Where lock and unlock come from (may be several; each is reported once). */
  lock: string[];
  /** Whether logind reports sleep and wake. */
  sleep: boolean;
}

export interface LinuxIdleSource extends IdleSource {
  readonly found: LinuxIdleFound;
  close(): void;
}

/** Coming back from at least this much idle is reported as activity (a poll that sees idle time drop). */
const backAfterSeconds = 60;

/** The first idle-time service on the session bus that answers a reading, with that reading. */
async function firstIdleReader(session: MessageBus): Promise<{ reader: IdleReader; ms: number } | null> {
  for (const reader of idleReaders) {
    const ms = await reader.readMs(session).catch(() => null);
    if (ms !== null && Number.isFinite(ms)) return { reader, ms };
  }
  return null;
}

/** This login session's object path at logind, or null where logind doesn't answer. */
function logindSessionPath(system: MessageBus): Promise<string | null> {
  return call(system, logindManager, 'GetSession', 's', ['auto']).then(
    ([path]) => (typeof path === 'string' ? path : null),
    () => null,
  );
}

export async function openLinuxIdleSource(options: LinuxIdleOptions): Promise<LinuxIdleSource> {
  const { session, system } = options;
  const listeners = new Set<(event: IdleEvent) => void>();
  const stops: Array<() => void> = [];
  let locked = false;
  const emit = (event: IdleEvent) => {
    if (event === 'lock-screen' || event === 'unlock-screen') {
      // Two services may report the same lock (logind and GNOME's screensaver): only the change counts.
      const now = event === 'lock-screen';
      if (locked === now) return;
      locked = now;
    }
    for (const listener of [...listeners]) listener(event);
  };
  const found: LinuxIdleFound = { idle: null, lock: [], sleep: false };

  // Idle time: the first service that answers a reading.
  const first = session ? await firstIdleReader(session) : null;
  const reader = first?.reader ?? null;
  let idleMs = first?.ms ?? 0;
  found.idle = reader?.name ?? null;
  if (session && reader) {
    const poll = setInterval(() => {
      void reader.readMs(session).then(
        (ms) => {
          // Back at the computer after a while: said now, not at the next minute's check. While locked the
          // compositor may report no idle time at all (Wayland), so only unlock ends a lock.
          if (ms < idleMs && idleMs >= backAfterSeconds * 1000 && !locked) emit('user-active');
          idleMs = ms;
        },
        () => {},
      );
    }, options.pollMs ?? 10_000);
    poll.unref();
    stops.push(() => clearInterval(poll));
  }

  const watch = async (
    bus: MessageBus | null,
    what: Parameters<typeof onSignal>[1],
    run: (b: Body) => void,
  ) => {
    if (!bus) return false;
    const stop = await onSignal(bus, what, (body) => run(body)).catch(() => null);
    if (stop) stops.push(stop);
    return stop !== null;
  };

  // logind: this session's Lock/Unlock and LockedHint, and the machine's PrepareForSleep.
  const sessionPath = system ? await logindSessionPath(system) : null;
  if (system && sessionPath) {
    const logindSession: Target = {
      destination: logindManager.destination,
      path: sessionPath,
      interface: 'org.freedesktop.login1.Session',
    };
    const onLock = await watch(system, { ...logindSession, member: 'Lock' }, () => emit('lock-screen'));
    const onUnlock = await watch(system, { ...logindSession, member: 'Unlock' }, () => emit('unlock-screen'));
    // LockedHint is what the locker itself sets (GNOME Shell, KDE, swaylock via logind), read now and followed.
    const hinted = await watch(
      system,
      { interface: 'org.freedesktop.DBus.Properties', member: 'PropertiesChanged', path: sessionPath },
      ([iface, changed]) => {
        const hint = (changed as Record<string, { value: unknown }> | undefined)?.LockedHint?.value;
        if (iface === logindSession.interface && typeof hint === 'boolean')
          emit(hint ? 'lock-screen' : 'unlock-screen');
      },
    );
    if (onLock && onUnlock) found.lock.push('logind');
    // Already locked when Sheaf starts (started at login behind the lock screen): nobody is listening yet, so
    // it is only remembered, for the unlock to be reported and idle time read while locked not to count.
    const hint = await getProperty(system, logindSession, 'LockedHint').catch(() => null);
    if (hinted && hint === true) locked = true;
  }
  if (system && sessionPath !== null) {
    const asleep = await watch(
      system,
      { interface: logindManager.interface, member: 'PrepareForSleep', path: logindManager.path },
      ([goingToSleep]) => emit(goingToSleep === true ? 'suspend' : 'resume'),
    );
    found.sleep = asleep;
  }

  // GNOME's (and gnome-compatible lockers') ActiveChanged(b): the shield went up or down.
  for (const iface of session ? ['org.gnome.ScreenSaver', 'org.freedesktop.ScreenSaver'] : []) {
    const target = { destination: iface, path: `/${iface.replace(/\./g, '/')}`, interface: iface };
    const answers = await call(session!, target, 'GetActive').then(
      () => true,
      () => false,
    );
    if (!answers) continue;
    const following = await watch(session, { interface: iface, member: 'ActiveChanged' }, ([active]) =>
      emit(active === true ? 'lock-screen' : 'unlock-screen'),
    );
    if (following) found.lock.push(iface);
  }

  options.log?.(
    `idle: time away from ${found.idle ?? 'the fallback'}; lock from ${found.lock.join(' and ') || 'the fallback'}; sleep from ${found.sleep ? 'logind' : 'the fallback'}`,
  );

  return {
    found,
    idleSeconds: () => (reader ? idleMs / 1000 : 0),
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      for (const stop of stops.splice(0)) stop();
      listeners.clear();
    },
  };
}

/**
 * The D-Bus source where it answered, the fallback (Electron's powerMonitor) for the rest: idle time when no
 * service gave it, lock and sleep when nothing on the bus reports them (so one sleep never counts twice), and
 * always its shutdown and activity events.
 */
export function withFallback(linux: LinuxIdleSource, fallback: IdleSource | null): IdleSource {
  const covered = new Set<IdleEvent>([
    ...(linux.found.lock.length > 0 ? (['lock-screen', 'unlock-screen'] as const) : []),
    ...(linux.found.sleep ? (['suspend', 'resume'] as const) : []),
  ]);
  return {
    idleSeconds: () => (linux.found.idle || !fallback ? linux.idleSeconds() : fallback.idleSeconds()),
    on(listener) {
      const offLinux = linux.on(listener);
      const offFallback = fallback?.on((event) => {
        if (!covered.has(event)) listener(event);
      });
      return () => {
        offLinux();
        offFallback?.();
      };
    },
  };
}
