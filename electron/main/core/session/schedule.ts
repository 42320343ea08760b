// Owns when the app acts by itself while someone is signed in: the refresh every two minutes (assignments only
// once they are stale), the new day at local midnight, and saving the cache a moment after the state changes.
// Every timer is in one DisposableStore: disposing the schedule stops them all, and none starts afterwards.
import type { Heartbeat } from '../base/heartbeat';
import { DisposableStore, type Disposable } from '../base/lifecycle';
import type { Clock } from '../ports';
import type { Timesheet } from '../timesheet';

/** Refresh every second beat: every two minutes. */
const refreshEveryBeats = 2;
/** Assignments change rarely and cost many requests: asked for again after this long, or when there are none. */
const assignmentsEveryMs = 30 * 60_000;
const cacheDelayMs = 1000;

export interface ScheduleDeps {
  clock: Clock;
  /** The beat the refresh keeps time by, shared with the desktop's checks. */
  heartbeat: Heartbeat;
  /** Every signed-in account's timer. */
  timers(): Timesheet[];
  /** Whether someone is signed in to an account whose cache is kept on disk. */
  keepsCache(): boolean;
  saveCache(): Promise<void>;
  /** Shows the state again (the day turned over). */
  emit(): void;
}

export class Schedule implements Disposable {
  private readonly lifetime = new DisposableStore();
  private refreshTimer: Disposable | null = null;
  private midnightTimer: Disposable | null = null;
  private cacheTimer: Disposable | null = null;
  /** Bumps on each start and stop, so a midnight refresh that ends after either schedules nothing of its own. */
  private run = 0;
  private lastAssignmentsAt = 0;

  constructor(private readonly deps: ScheduleDeps) {}

  /** Signed in: refresh every two minutes, and show the new day at midnight. */
  start(): void {
    this.stop();
    this.refreshTimer = this.lifetime.add(
      this.deps.heartbeat.every(refreshEveryBeats, () => void this.refresh()),
    );
    this.scheduleMidnight(this.run);
  }

  /** Signed out, or the token stopped working: nothing more is asked of Harvest. */
  stop(): void {
    this.run++;
    this.lifetime.delete(this.refreshTimer);
    this.lifetime.delete(this.midnightTimer);
    this.refreshTimer = null;
    this.midnightTimer = null;
  }

  /** The assignments were just loaded (sign-in): fresh for the next half hour. */
  assignmentsLoaded(): void {
    this.lastAssignmentsAt = this.deps.clock.now().getTime();
  }

  /** Every signed-in account asks Harvest what changed; assignments too once they are stale. */
  async refresh(): Promise<void> {
    const timers = this.deps.timers();
    if (timers.length === 0) return;
    const now = this.deps.clock.now().getTime();
    const stale = now - this.lastAssignmentsAt > assignmentsEveryMs;
    if (stale) this.lastAssignmentsAt = now;
    await Promise.all(timers.map((t) => t.refresh({ assignments: stale || t.assignments().length === 0 })));
  }

  /** The state changed: the last known state goes to disk a moment later, so the next cold start opens instantly. */
  stateChanged(): void {
    if (this.cacheTimer || !this.deps.keepsCache()) return;
    this.cacheTimer = this.lifetime.timeout(() => {
      this.cacheTimer = null;
      void this.deps.saveCache();
    }, cacheDelayMs);
  }

  dispose(): void {
    this.lifetime.dispose();
  }

  /** "Today" turns over at local midnight even when nothing else happens: show the new day then. */
  private scheduleMidnight(run: number): void {
    if (run !== this.run) return;
    const now = this.deps.clock.now();
    const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 1);
    this.midnightTimer = this.lifetime.timeout(
      () => {
        this.deps.emit();
        void this.refresh().finally(() => this.scheduleMidnight(run));
      },
      Math.min(Math.max(next.getTime() - now.getTime(), 1000), 86_400_000),
    );
  }
}
