// Owns watching which timers core keeps: setTimeout and setInterval wrapped (before core is loaded) so each live
// timer started from electron/main/ is known with its period and where it was started.
export interface LiveTimer {
  kind: 'timeout' | 'interval';
  ms: number;
  /** The core file and line that started it, e.g. "core/schedule.ts:38". */
  site: string;
}

const live = new Map<unknown, LiveTimer>();

function coreSite(): string | null {
  const frames = (new Error().stack ?? '').split('\n').slice(1);
  const frame = frames.find((f) => f.includes('/electron/main/') && !f.includes('/lifecycle.ts'));
  const at = frame && /\/electron\/main\/([^:)]+:\d+)/.exec(frame);
  return at ? at[1]! : null;
}

/** Wraps the global timer functions; only timers started from core's files are kept. */
export function watchCoreTimers(): void {
  const { setTimeout: realTimeout, setInterval: realInterval, clearTimeout: realClear } = globalThis;
  const clearInterval = globalThis.clearInterval;
  globalThis.setTimeout = ((fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const site = coreSite();
    const handle = realTimeout(
      (...a: unknown[]) => {
        live.delete(handle);
        fn(...a);
      },
      ms,
      ...args,
    );
    if (site) live.set(handle, { kind: 'timeout', ms: ms ?? 0, site });
    return handle;
  }) as typeof setTimeout;
  globalThis.setInterval = ((fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const site = coreSite();
    const handle = realInterval(fn, ms, ...args);
    if (site) live.set(handle, { kind: 'interval', ms: ms ?? 0, site });
    return handle;
  }) as typeof setInterval;
  globalThis.clearTimeout = ((handle: Parameters<typeof clearTimeout>[0]) => {
    live.delete(handle);
    realClear(handle);
  }) as typeof clearTimeout;
  globalThis.clearInterval = ((handle: Parameters<typeof clearInterval>[0]) => {
    live.delete(handle);
    clearInterval(handle);
  }) as typeof clearInterval;
}

export function liveCoreTimers(): LiveTimer[] {
  return [...live.values()].sort((a, b) => a.ms - b.ms);
}
