// Owns noticing time away from the computer while a timer runs (no input past the threshold, sleep, screen lock)
// and holding the question for when the person comes back. The answers are the timesheet's; nothing here edits time.
import { msPerHour } from '../../../shared/elapsed';
import type { IdleQuestion } from '../../../shared/settings';
import type { EntryView } from '../../../shared/state';
import { DisposableStore, type Disposable } from './lifecycle';
import type { Clock, IdleEvent, IdleSource } from './ports';
import type { TimeAway } from './timesheet';

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

  dispose(): void {
    this.lifetime.dispose();
  }

  private handle(event: IdleEvent): void {
    if (event === 'suspend' || event === 'lock-screen') {
      // Sleep and lock count as the start of idle at once; whether it was long enough is judged on return.
      if (this.thresholdSeconds() !== null && !this.asked) {
        this.locked = true;
        this.goAway(this.options.clock.now());
      }
      return;
    }
    this.locked = false;
    if (this.away) this.comeBack();
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
