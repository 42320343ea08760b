// Owns the idle source the browser preview and tests steer by hand: away since N minutes, back, sleep, lock.
// Plain Node, no Electron: the app's own source (Electron's powerMonitor) is platform/idle-source.ts.
import { msPerMinute } from '../../../shared/elapsed';
import type { Clock, IdleEvent, IdleSource } from '../core/ports';

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
      awaySince = clock.now().getTime() - minutes * msPerMinute;
    },
    back() {
      awaySince = null;
      emit('user-active');
    },
    emit,
  };
}
