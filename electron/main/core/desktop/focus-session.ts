// Owns what a focus session does at its boundaries: a one-shot timer at each (in its own DisposableStore), the
// notification and the beep there, and, only when the person chose "stop the timer during breaks", the Harvest
// timer stopped as a break starts and carried on as work starts, through the timesheet's durable commands.
import type { Settings } from '../../../../shared/settings';
import type { EntryView, FocusView } from '../../../../shared/state';
import { focusPhaseNames, type FocusPhase } from '../../../../shared/focus';
import { localDate } from '../base/dates';
import { FocusCycle, type FocusBoundary } from './focus';
import { DisposableStore, type Disposable } from '../base/lifecycle';
import type { Clock } from '../ports';
import type { Timesheet } from '../timesheet';

export interface FocusSessionDeps {
  clock: Clock;
  settings(): Settings['focus'];
  /** The signed-in person's timer, or null when signed out. */
  timer(): Timesheet | null;
  notify(title: string, body: string): void;
  onChange(): void;
  log?: (line: string) => void;
}

/** The entry a break stopped: carried on when work starts, if nothing else was started meanwhile. */
type Paused = Pick<EntryView, 'id' | 'projectId' | 'taskId' | 'projectName' | 'taskName'>;

/**
 * Allowance past a boundary for the one-shot timer, so the clock it reads is surely at or past the boundary.
 * (Node's timers pause with the computer; a wake-up check catches a boundary slept through.)
 */
const timerSlackMs = 50;

export class FocusSession implements Disposable {
  private readonly cycle = new FocusCycle();
  private readonly lifetime = new DisposableStore();
  private boundaryTimer: Disposable | null = null;
  private beepAt: string | null = null;
  private paused: Paused | null = null;
  /** The local day last shown, so the count's reset at midnight reaches the popover. */
  private shownDay: string;

  constructor(private readonly deps: FocusSessionDeps) {
    this.shownDay = localDate(deps.clock.now());
  }

  view(): FocusView {
    return this.cycle.view(this.now(), this.beepAt);
  }

  start(): void {
    this.cycle.start(this.now(), this.deps.settings());
    this.paused = null;
    this.arm();
    this.deps.onChange();
  }

  /** Ends the session. A timer stopped for the break stays stopped: the person stopped focusing, not the break. */
  stop(): void {
    this.cycle.stop();
    this.paused = null;
    this.lifetime.delete(this.boundaryTimer);
    this.boundaryTimer = null;
    this.deps.onChange();
  }

  async skip(): Promise<void> {
    const boundary = this.cycle.skip(this.now(), this.deps.settings());
    if (boundary) await this.crossed([boundary]);
  }

  /** Where the session stands by the clock now (each boundary's timer, each heartbeat, waking from sleep). */
  async check(): Promise<void> {
    const passed = this.cycle.advance(this.now(), this.deps.settings());
    if (passed.length > 0) return this.crossed(passed);
    const today = localDate(this.deps.clock.now());
    if (today !== this.shownDay) {
      this.shownDay = today;
      this.deps.onChange();
    }
  }

  dispose(): void {
    this.lifetime.dispose();
  }

  private now(): number {
    return this.deps.clock.now().getTime();
  }

  private arm(): void {
    this.lifetime.delete(this.boundaryTimer);
    this.boundaryTimer = null;
    const endsAt = this.cycle.endsAt;
    if (endsAt === null || this.lifetime.isDisposed) return;
    this.boundaryTimer = this.lifetime.timeout(
      () => void this.check().catch((err: unknown) => this.deps.log?.(`focus: ${String(err)}`)),
      Math.max(0, endsAt - this.now()) + timerSlackMs,
    );
  }

  /** One notification and one beep for however many boundaries passed (several, after a sleep): the last one's. */
  private async crossed(passed: FocusBoundary[]): Promise<void> {
    const last = passed[passed.length - 1]!;
    this.arm();
    this.shownDay = localDate(this.deps.clock.now());
    const settings = this.deps.settings();
    if (settings.sound) this.beepAt = this.deps.clock.now().toISOString();
    const timerNote = settings.stopTimerDuringBreaks ? await this.followTimer(last.to) : '';
    this.deps.notify(...this.message(last.to, timerNote));
    this.deps.onChange();
  }

  /** Stops the timer for a break, or carries the stopped one on for work; says what it did, for the notification. */
  private async followTimer(phase: FocusPhase): Promise<string> {
    const timer = this.deps.timer();
    if (!timer) return '';
    try {
      if (phase !== 'work') {
        const running = timer.running();
        if (!running) return '';
        await timer.stopTimer();
        this.paused = running;
        return ` The timer is stopped until the break ends.`;
      }
      const paused = this.paused;
      this.paused = null;
      // Something else started during the break (or the entry is gone): that's the person's choice, left alone.
      if (!paused || timer.running()) return '';
      const entry = timer.entry(paused.id);
      if (!entry || entry.projectId !== paused.projectId || entry.taskId !== paused.taskId) return '';
      await timer.restartEntry(entry.id);
      return ` The timer carries on: ${paused.projectName} — ${paused.taskName}.`;
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      this.deps.log?.(`focus: the timer could not follow the ${phase}: ${reason}`);
      return ` Sheaf could not ${phase === 'work' ? 'restart' : 'stop'} the timer: ${reason}`;
    }
  }

  private message(to: FocusPhase, timerNote: string): [string, string] {
    const s = this.deps.settings();
    const done = this.cycle.completedToday(this.now());
    const count = `${done} focus session${done === 1 ? '' : 's'} done today.`;
    if (to === 'work') return [`${focusPhaseNames.work}: ${s.workMinutes} min`, `Break's over.${timerNote}`];
    const length = to === 'longBreak' ? s.longBreakMinutes : s.breakMinutes;
    return [`${focusPhaseNames[to]}: ${length} min`, `${count}${timerNote}`];
  }
}
