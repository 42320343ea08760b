// Owns choosing where a host reads "is the person at the computer" at run time: on Linux, the desktop's own
// services over D-Bus where they answer, with the host's fallback (Electron's powerMonitor) for the rest;
// elsewhere, the fallback alone. Both hosts use it: the desktop app and the preview's `--idle system`.
import type { IdleSource } from '../../core/ports';
import { quietly, sessionBus, systemBus, type MessageBus } from './dbus';
import { openLinuxIdleSource, withFallback } from './idle';

export interface SystemIdleOptions {
  platform: NodeJS.Platform;
  /** What the OS gives without D-Bus (Electron's powerMonitor); null in the preview, where nothing does. */
  fallback: IdleSource | null;
  log?: (line: string) => void;
  /** The session bus's address, from the host's environment (DBUS_SESSION_BUS_ADDRESS) when it has its own. */
  sessionAddress?: string;
  /** Where the buses are (tests pass their own); by default the session's and the system's. */
  buses?: { session: MessageBus | null; system: MessageBus | null };
}

export interface SystemIdle {
  source: IdleSource;
  /** Stops following the bus and lets go of it. */
  close(): void;
}

const never: IdleSource = { idleSeconds: () => 0, on: () => () => {} };

export async function openSystemIdle(options: SystemIdleOptions): Promise<SystemIdle> {
  const fallback = options.fallback ?? never;
  if (options.platform !== 'linux') return { source: fallback, close: () => {} };
  const owned = !options.buses;
  const buses = options.buses ?? {
    session: quietly(() => sessionBus(options.sessionAddress)),
    system: quietly(() => systemBus()),
  };
  const linux = await openLinuxIdleSource({ ...buses, log: options.log });
  return {
    source: withFallback(linux, options.fallback),
    close() {
      linux.close();
      if (!owned) return;
      buses.session?.disconnect();
      buses.system?.disconnect();
    },
  };
}
