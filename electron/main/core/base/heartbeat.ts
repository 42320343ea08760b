// Owns core's one regular wake-up: a beat a minute that every periodic job shares (the idle and reminder check
// each beat, the refresh every second one), so Sheaf at rest wakes the machine once a minute, not at each job's
// own pace. Its interval runs only while someone listens, and stops with dispose.
import { DisposableStore, type Disposable } from './lifecycle';

export const beatMs = 60_000;

export class Heartbeat implements Disposable {
  private readonly listeners = new Set<() => void>();
  private readonly lifetime = new DisposableStore();
  private timer: Disposable | null = null;

  constructor(private readonly everyMs = beatMs) {}

  /** Calls `job` every `beats` beats until the returned handle (or the heartbeat) is disposed. */
  every(beats: number, job: () => void): Disposable {
    let count = 0;
    const listener = () => {
      if (++count % beats === 0) job();
    };
    this.listeners.add(listener);
    if (!this.timer && !this.lifetime.isDisposed) {
      this.timer = this.lifetime.interval(() => {
        for (const l of [...this.listeners]) l();
      }, this.everyMs);
    }
    return {
      dispose: () => {
        this.listeners.delete(listener);
        if (this.listeners.size > 0) return;
        this.lifetime.delete(this.timer);
        this.timer = null;
      },
    };
  }

  dispose(): void {
    this.listeners.clear();
    this.lifetime.dispose();
  }
}
