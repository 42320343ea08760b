// Owns one lifecycle for whatever a part of core starts: timers, intervals and listeners are registered in its
// DisposableStore (after VS Code's), so disposing the owner stops all of it, and nothing starts afterwards.
export interface Disposable {
  dispose(): void;
}

export class DisposableStore implements Disposable {
  private readonly items = new Set<Disposable>();
  private disposed = false;

  get isDisposed(): boolean {
    return this.disposed;
  }

  /** Registers `item`; once the store is disposed, anything added is disposed at once. */
  add<T extends Disposable>(item: T): T {
    if (this.disposed) item.dispose();
    else this.items.add(item);
    return item;
  }

  /** Runs `fn` once after `ms`, unless the store is disposed first. Unref'd: it never keeps a process alive. */
  timeout(fn: () => void, ms: number): Disposable {
    const entry: Disposable = { dispose: () => clearTimeout(timer) };
    const timer = setTimeout(() => {
      this.items.delete(entry);
      fn();
    }, ms);
    timer.unref?.();
    return this.add(entry);
  }

  /** Runs `fn` every `ms` until the returned handle or the store is disposed. */
  interval(fn: () => void, ms: number): Disposable {
    const timer = setInterval(fn, ms);
    timer.unref?.();
    const entry: Disposable = {
      dispose: () => {
        clearInterval(timer);
        this.items.delete(entry);
      },
    };
    return this.add(entry);
  }

  /** Stops one registered item early (a timer superseded by a newer one). */
  delete(item: Disposable | null): void {
    if (!item) return;
    this.items.delete(item);
    item.dispose();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const item of [...this.items]) item.dispose();
    this.items.clear();
  }
}
