// Owns where "is the person at the computer" comes from in the app: Electron's powerMonitor (idle seconds, sleep,
// wake, lock). The browser preview and tests steer a simulated one (adapters/simulated-idle.ts).
import type { IdleEvent, IdleSource } from '../core/ports';

/** The slice of Electron's powerMonitor the adapter uses. */
export interface PowerMonitorLike {
  getSystemIdleTime(): number;
  on(event: string, listener: () => void): unknown;
  removeListener(event: string, listener: () => void): unknown;
}

const powerEvents: Record<string, IdleEvent> = {
  suspend: 'suspend',
  resume: 'resume',
  'lock-screen': 'lock-screen',
  'unlock-screen': 'unlock-screen',
  // macOS only; elsewhere coming back is noticed on the next poll.
  'user-did-become-active': 'user-active',
};

export function createPowerMonitorIdleSource(powerMonitor: PowerMonitorLike): IdleSource {
  return {
    idleSeconds: () => powerMonitor.getSystemIdleTime(),
    on(listener) {
      const bound = Object.entries(powerEvents).map(([name, event]) => {
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
