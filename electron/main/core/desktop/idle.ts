// Owns noticing time away from the computer while a timer runs (no input past the threshold, sleep, screen lock)
// and holding the question for when the person comes back; and, when the person chose it, saying when a timer
// should stop because the computer sleeps or shuts down. The answers are the timesheet's; nothing here edits time.
import { msPerHour } from '../../../../shared/elapsed';
import type { IdleQuestion } from '../../../../shared/settings';
import type { EntryView } from '../../../../shared/state';
import { DisposableStore, type Disposable } from '../base/lifecycle';
import type { Clock, IdleEvent, IdleSource } from '../ports';
import type { TimeAway } from '../timesheet';

export interface IdlePolicyOptions {
  clock: Clock;
  source: IdleSource;
  /** Minutes without input that count as away; 0 turns the policy off. */
  thresholdMinutes(): number;
  /** The running entry right now, if any. */
  running(): EntryView | null;
  /** The question appeared or went away. */
  onQuestion(question: IdleQuestion | null): void;
  /** The entry's id now: a timer started here changes from a local id to Harvest's while the person is away. */
  currentId?(id: EntryView['id']): EntryView['id'] | null;
  /** Whether a timer running when the computer sleeps or shuts down is stopped at that moment (off: asked later). */
  stopAtSleep?(): boolean;
  /** Stop this timer as of the moment the computer went to sleep or shut down. */
  onSleep?(stop: SleepStop): void;
  /** The person is back after a sleep that stopped a timer: tell them. */
  onBackAfterSleep?(stop: SleepStop): void;
}

/** A timer stopped because the computer went to sleep or shut down, and when. */
export interface SleepStop {
  entry: EntryView;
  at: Date;
  why: 'sleep' | 'shutdown';
}

/** What is remembered about the time away, beyond what the popover shows: what the timesheet's answers take. */
export type Away = TimeAway;

/** An open question: the time away, and when the person came back (a continued timer counts from then). */
export interface Asked {
  question: IdleQuestion;
  away: Away;
  back: Date;
}

export class IdlePolicy implements Disposable {
  private away: Away | null = null;
  private asked: Asked | null = null;
  /** Asleep or locked: the person is away until resume/unlock/activity, whatever the idle counter says. */
  private locked = false;
  /** A timer stopped at sleep, to tell the person about once they are back. */
  private slept: SleepStop | null = null;
  /** The OS listener, removed by dispose(). */
  private readonly lifetime = new DisposableStore();

  constructor(private readonly options: IdlePolicyOptions) {
    this.lifetime.add({ dispose: options.source.on((event) => this.handle(event)) });
  }

  question(): IdleQuestion | null {
    return this.asked?.question ?? null;
  }

  /** The open question and what it is about; null when nothing is asked. */
  pending(): Asked | null {
    return this.asked;
  }

  /** Called on a poll (every 30 s while a timer runs): compares system idle time to the threshold. */
  check(): void {
    const threshold = this.thresholdSeconds();
    if (threshold === null || this.asked) return;
    const seconds = this.options.source.idleSeconds();
    if (seconds >= threshold) {
      this.goAway(new Date(this.options.clock.now().getTime() - seconds * 1000));
    } else if (this.away && !this.locked) {
      // Some systems report no idle time while locked (Wayland): a lock only ends with unlock or resume.
      this.comeBack();
    }
  }

  /** The person answered (or the question no longer applies): forget it. */
  clear(): void {
    this.away = null;
    this.locked = false;
    if (!this.asked) return;
    this.asked = null;
    this.options.onQuestion(null);
  }

  /** An answer was refused before it changed anything: the same question is open again. */
  reopen(asked: Asked): void {
    if (this.asked) return;
    this.asked = asked;
    this.options.onQuestion(asked.question);
  }

  dispose(): void {
    this.lifetime.dispose();
  }

  private handle(event: IdleEvent): void {
    if ((event === 'suspend' || event === 'shutdown') && this.stopsAtSleep(event)) return;
    if (event === 'shutdown') return; // Asked about, if at all, as a sleep: Sheaf starts again on its return.
    if (event === 'suspend' || event === 'lock-screen') {
      // Sleep and lock count as the start of idle at once; whether it was long enough is judged on return.
      if (this.thresholdSeconds() !== null && !this.asked) {
        this.locked = true;
        this.goAway(this.options.clock.now());
      }
      return;
    }
    this.locked = false;
    const slept = this.slept;
    this.slept = null;
    if (slept) this.options.onBackAfterSleep?.(slept);
    if (this.away) this.comeBack();
  }

  /**
   * The computer sleeps or shuts down: with the setting on and a timer running, it stops now. Stopped, it has no
   * time away to ask about, only the stop to tell about once the person is back.
   */
  private stopsAtSleep(event: 'suspend' | 'shutdown'): boolean {
    const running = this.options.running();
    if (!running || !this.options.stopAtSleep?.()) return false;
    this.away = null;
    this.slept = {
      entry: running,
      at: this.options.clock.now(),
      why: event === 'suspend' ? 'sleep' : 'shutdown',
    };
    this.options.onSleep?.(this.slept);
    return true;
  }

  private thresholdSeconds(): number | null {
    const minutes = this.options.thresholdMinutes();
    return minutes > 0 ? minutes * 60 : null;
  }

  private goAway(since: Date): void {
    const running = this.options.running();
    if (!running?.runningSince) {
      this.away = null;
      return;
    }
    // Never before the timer's own time began: its start less any hours it carried (a start sent late is
    // recorded by Harvest as "now" plus the hours already spent).
    const restarted = Date.parse(running.runningSince);
    const began = restarted - running.hours * msPerHour;
    const at = new Date(Math.max(since.getTime(), began));
    if (this.away && this.away.entryId === running.id && this.away.since <= at) return;
    this.away = {
      since: at,
      entryId: running.id,
      hoursAtSince: Math.max(0, running.hours + (at.getTime() - restarted) / msPerHour),
    };
  }

  private comeBack(): void {
    const away = this.away;
    this.away = null;
    const threshold = this.thresholdSeconds();
    const running = this.options.running();
    const awayId = this.options.currentId?.(away?.entryId ?? '') ?? away?.entryId;
    if (!away || threshold === null || !running || running.id !== awayId) return;
    const seconds = (this.options.clock.now().getTime() - away.since.getTime()) / 1000;
    if (seconds < threshold) return;
    const question: IdleQuestion = {
      since: away.since.toISOString(),
      minutes: Math.round(seconds / 60),
      entryId: running.id,
      projectName: running.projectName,
      taskName: running.taskName,
    };
    this.asked = { question, away, back: this.options.clock.now() };
    this.options.onQuestion(question);
  }
}
