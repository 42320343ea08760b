// Owns the popover's sense of "now": re-read from the clock, so elapsed time never drifts.
import { useCallback, useSyncExternalStore } from 'react';

/**
 * The current time in ms, rounded down to `intervalMs`, re-read every interval while `active`.
 * Callers derive durations from it (now − start); counting ticks would drift when the machine sleeps.
 */
export function useNow(intervalMs = 1000, active = true): number {
  const subscribe = useCallback(
    (onTick: () => void) => {
      if (!active) return () => {};
      const id = setInterval(onTick, intervalMs);
      return () => clearInterval(id);
    },
    [intervalMs, active],
  );
  // Rounding keeps the snapshot stable between ticks, as useSyncExternalStore requires.
  return useSyncExternalStore(subscribe, () => Math.floor(Date.now() / intervalMs) * intervalMs);
}
