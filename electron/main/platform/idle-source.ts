// Owns where "is the person at the computer" comes from in the app: Electron's powerMonitor (idle seconds, sleep,
// wake, lock). The browser preview and tests steer a simulated one (adapters/simulated-idle.ts).
import type { PowerMonitor } from 'electron';
import type { IdleEvent, IdleSource } from '../core/ports';

type PowerEvent =
  'suspend' | 'resume' | 'lock-screen' | 'unlock-screen' | 'user-did-become-active' | 'shutdown';
/** The names among PowerEvent that Electron's powerMonitor declares: a misspelt one would never fire. */
type DeclaredPowerEvent<N = PowerEvent> = N extends string
  ? PowerMonitor extends { on(event: N, listener: () => void): unknown }
    ? N
    : never
  : never;

/**
 * The slice of Electron's powerMonitor the adapter uses. Electron declares on/removeListener once per event
 * name, and the adapter subscribes to its events in a loop, so they take any one of them here.
 */
export type PowerMonitorLike = Pick<PowerMonitor, 'getSystemIdleTime'> & {
  on(event: PowerEvent, listener: () => void): unknown;
  removeListener(event: PowerEvent, listener: () => void): unknown;
};

const powerEvents: Record<DeclaredPowerEvent, IdleEvent> = {
  suspend: 'suspend',
  resume: 'resume',
  'lock-screen': 'lock-screen',
  'unlock-screen': 'unlock-screen',
  // macOS only; elsewhere coming back is noticed on the next poll.
  'user-did-become-active': 'user-active',
  // Linux and macOS only (Windows ends the app without it): a timer stopped at sleep is stopped here too.
  shutdown: 'shutdown',
};

export function createPowerMonitorIdleSource(powerMonitor: PowerMonitorLike): IdleSource {
  return {
    idleSeconds: () => powerMonitor.getSystemIdleTime(),
    on(listener) {
      const bound = (Object.entries(powerEvents) as Array<[PowerEvent, IdleEvent]>).map(([name, event]) => {
        const forward = () => listener(event);
        powerMonitor.on(name, forward);
        return [name, forward] as const;
      });
      return () => {
        for (const [name, forward] of bound) powerMonitor.removeListener(name, forward);
      };
    },
  };
}
