// Owns the popover's sense of "now": re-read from the clock (so elapsed time never drifts), one shared interval
// per period (so every live figure changes in the same render), and none at all while the popover is hidden.
import { useCallback, useSyncExternalStore } from 'react';

interface Ticker {
  listeners: Set<() => void>;
  id: ReturnType<typeof setInterval> | null;
}

const tickers = new Map<number, Ticker>();

const hidden = () => typeof document !== 'undefined' && document.visibilityState === 'hidden';

function notify(ticker: Ticker): void {
  for (const listener of [...ticker.listeners]) listener();
}

/** A hidden popover runs no timers; shown again, every live figure is re-read at once, then ticks on. */
function follow(intervalMs: number, ticker: Ticker): void {
  if (hidden()) {
    if (ticker.id !== null) clearInterval(ticker.id);
    ticker.id = null;
  } else if (ticker.id === null) {
    ticker.id = setInterval(() => notify(ticker), intervalMs);
  }
}

function onVisibilityChange(): void {
  for (const [intervalMs, ticker] of tickers) {
    follow(intervalMs, ticker);
    if (!hidden()) notify(ticker);
  }
}

function subscribeEvery(intervalMs: number, listener: () => void): () => void {
  let ticker = tickers.get(intervalMs);
  if (!ticker) {
    if (tickers.size === 0 && typeof document !== 'undefined') {
      document.addEventListener('visibilitychange', onVisibilityChange);
    }
    ticker = { listeners: new Set(), id: null };
    tickers.set(intervalMs, ticker);
    follow(intervalMs, ticker);
  }
  const own = ticker;
  own.listeners.add(listener);
  return () => {
    own.listeners.delete(listener);
    if (own.listeners.size > 0) return;
    if (own.id !== null) clearInterval(own.id);
    tickers.delete(intervalMs);
    if (tickers.size === 0 && typeof document !== 'undefined') {
      document.removeEventListener('visibilitychange', onVisibilityChange);
    }
  };
}

/** Intervals running now (tests: a hidden popover runs none). */
export function runningTickers(): number {
  return [...tickers.values()].filter((t) => t.id !== null).length;
}

function useTick(intervalMs: number, active: boolean): (onTick: () => void) => () => void {
  return useCallback(
    (onTick: () => void) => (active ? subscribeEvery(intervalMs, onTick) : () => {}),
    [intervalMs, active],
  );
}

/** Rounded down to the interval, so two reads within one interval agree, as useSyncExternalStore requires. */
const nowIn = (intervalMs: number) => Math.floor(Date.now() / intervalMs) * intervalMs;

/**
 * The current time in ms, rounded down to `intervalMs`, re-read every interval while `active`.
 * Callers derive durations from it (now − start); counting ticks would drift when the machine sleeps.
 */
export function useNow(intervalMs = 1000, active = true): number {
  return useSyncExternalStore(useTick(intervalMs, active), () => nowIn(intervalMs));
}

/**
 * What `show` makes of the current time, re-read every interval while `active`; the component re-renders only
 * when that changes. A total shown to the minute re-renders once a minute, not on every one-second tick.
 */
export function useLive<T extends string | number | boolean>(
  show: (now: number) => T,
  active = true,
  intervalMs = 1000,
): T {
  return useSyncExternalStore(useTick(intervalMs, active), () => show(nowIn(intervalMs)));
}
