// Owns the simulation's virtual time: every timer core and the sandbox set (setTimeout, setInterval,
// AbortSignal.timeout) goes into one queue ordered by (due time, order set), and time moves only when the run
// says so. Nothing waits on the real clock, so one seed gives the same interleaving on every machine.
import type { Clock } from '../../shared/clock';

interface Timer {
  id: number;
  due: number;
  every: number | null;
  run: () => void;
}

/** What setTimeout returns in Node: the handle core calls unref() on. */
class Handle {
  constructor(readonly id: number) {}
  unref() {
    return this;
  }
  ref() {
    return this;
  }
  hasRef() {
    return false;
  }
  refresh() {
    return this;
  }
  [Symbol.toPrimitive]() {
    return this.id;
  }
}

const real = {
  setTimeout: globalThis.setTimeout,
  clearTimeout: globalThis.clearTimeout,
  setInterval: globalThis.setInterval,
  clearInterval: globalThis.clearInterval,
  setImmediate: globalThis.setImmediate,
  abortTimeout: AbortSignal.timeout.bind(AbortSignal),
};

/** Lets every promise continuation that is already due run, and nothing else (a real macrotask turn). */
export const settleMicrotasks = () => new Promise<void>((resolve) => real.setImmediate(resolve));

let installed: { uninstall(): void } | null = null;

/** Puts the real timers back after a run that threw halfway (its world never closed). */
export function restoreRealTime(): void {
  installed?.uninstall();
}

export class VirtualTime implements Clock {
  private nowMs: number;
  private nextId = 1;
  private readonly timers = new Map<number, Timer>();
  private installed = false;

  constructor(start: Date) {
    this.nowMs = start.getTime();
  }

  now(): Date {
    return new Date(this.nowMs);
  }

  get ms(): number {
    return this.nowMs;
  }

  /** Timers waiting, for the end-of-run check that nothing spins. */
  get pending(): number {
    return this.timers.size;
  }

  /** The timers waiting, for a stuck run's report: when each is due, and what it runs. */
  describe(): string[] {
    return [...this.timers.values()].map(
      (t) =>
        `${new Date(t.due).toISOString()}${t.every ? ` every ${t.every} ms` : ''}: ${String(t.run).slice(0, 80)}`,
    );
  }

  /** Puts this clock under the process's timers until `uninstall`. */
  install(): void {
    if (this.installed) return;
    this.installed = true;
    installed = { uninstall: () => this.uninstall() };
    const g = globalThis as unknown as Record<string, unknown>;
    g.setTimeout = (fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) =>
      this.add(args.length ? () => fn(...args) : fn, ms ?? 0, null);
    g.setInterval = (fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) =>
      this.add(args.length ? () => fn(...args) : fn, ms ?? 0, Math.max(1, ms ?? 1));
    g.clearTimeout = g.clearInterval = (h: unknown) => {
      if (h != null) this.timers.delete(Number(h));
    };
    AbortSignal.timeout = (ms: number) => {
      const controller = new AbortController();
      this.add(
        () => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')),
        ms,
        null,
      );
      return controller.signal;
    };
  }

  uninstall(): void {
    if (!this.installed) return;
    this.installed = false;
    installed = null;
    Object.assign(globalThis, {
      setTimeout: real.setTimeout,
      clearTimeout: real.clearTimeout,
      setInterval: real.setInterval,
      clearInterval: real.clearInterval,
    });
    AbortSignal.timeout = real.abortTimeout;
  }

  private add(run: () => void, ms: number, every: number | null): Handle {
    const id = this.nextId++;
    const delay = Number.isFinite(ms) && ms > 0 ? ms : 0;
    this.timers.set(id, { id, due: this.nowMs + delay, every, run });
    return new Handle(id);
  }

  /** The next timer due, earliest first; among equals, the one set first. */
  private next(): Timer | undefined {
    let best: Timer | undefined;
    for (const t of this.timers.values())
      if (!best || t.due < best.due || (t.due === best.due && t.id < best.id)) best = t;
    return best;
  }

  /** Runs every timer due within `ms` from now, in order, letting promises settle after each; ends at now + ms. */
  async advance(ms: number): Promise<void> {
    const until = this.nowMs + ms;
    await settleMicrotasks();
    for (;;) {
      const t = this.next();
      if (!t || t.due > until) break;
      await this.runOne(t);
    }
    this.nowMs = until;
  }

  /**
   * Runs timers one at a time until `done()` holds; false when it still doesn't after `limitMs`, or nothing is
   * left to run (the core waits for something that will never come).
   */
  async until(done: () => boolean, limitMs: number): Promise<boolean> {
    const end = this.nowMs + limitMs;
    await settleMicrotasks();
    while (!done()) {
      const t = this.next();
      if (!t || t.due > end) return false;
      await this.runOne(t);
    }
    return true;
  }

  private async runOne(t: Timer): Promise<void> {
    this.nowMs = Math.max(this.nowMs, t.due);
    if (t.every === null) this.timers.delete(t.id);
    else t.due = this.nowMs + t.every;
    t.run();
    await settleMicrotasks();
  }

  /** A crash: every timer of the process is gone, none runs. */
  dropAll(): void {
    this.timers.clear();
  }
}
