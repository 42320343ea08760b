// Owns where "is the person at the computer" comes from: Electron's powerMonitor in the app, or a simulated
// source the browser preview and tests steer by hand (away since N minutes, back, sleep, lock).
import type { Clock, IdleEvent, IdleSource } from '../core/ports';

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

export interface SimulatedIdleSource extends IdleSource {
  /** The person left `minutes` ago and hasn't touched anything since. */
  away(minutes: number): void;
  /** The person is back: input resets idle time and the OS reports activity. */
  back(): void;
  /** Sleep, wake, lock and unlock, as the OS would report them. */
  emit(event: IdleEvent): void;
}

export function createSimulatedIdleSource(clock: Clock): SimulatedIdleSource {
  const listeners = new Set<(event: IdleEvent) => void>();
  let awaySince: number | null = null;
  const emit = (event: IdleEvent) => {
    for (const listener of [...listeners]) listener(event);
  };
  return {
    idleSeconds: () => (awaySince === null ? 0 : Math.max(0, (clock.now().getTime() - awaySince) / 1000)),
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    away(minutes) {
      awaySince = clock.now().getTime() - minutes * 60_000;
    },
    back() {
      awaySince = null;
      emit('user-active');
    },
    emit,
  };
}
