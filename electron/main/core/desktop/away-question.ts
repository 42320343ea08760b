// Owns the question about time away as the desktop asks it: a notification with Keep / Discard when the person
// comes back, the answer (from the popover or that notification) carried out by the timesheet, and a timer
// stopped when the computer slept, told once they are back. Noticing the time away is idle.ts's.
import type { IdleAnswer, IdleAnswerWithPair, IdleQuestion, Settings } from '../../../../shared/settings';
import type { AccountPrefs, EntryView } from '../../../../shared/state';
import { timeAt } from '../../../../shared/wall-clock';
import { NotAllowedError } from '../base/errors';
import type { Disposable } from '../base/lifecycle';
import type { Clock, IdleSource } from '../ports';
import type { AwayEntry, Timesheet } from '../timesheet';
import { IdlePolicy, type Asked, type SleepStop } from './idle';
import type { Notify } from './notifications';

export interface AwayQuestionDeps {
  clock: Clock;
  source: IdleSource;
  settings(): Settings;
  /** The timer the question is about, or null when signed out. */
  timer(): Timesheet | null;
  prefs(): AccountPrefs;
  notify: Notify;
  /** The question appeared or went away. */
  onChange(): void;
  /** Adds a notice to the popover's list (a timer stopped when the computer went to sleep). */
  tell?(message: string): void;
  log?: (line: string) => void;
}

export class AwayQuestion implements Disposable {
  private readonly idle: IdlePolicy;
  /** The question last notified: one put back after a refused answer isn't announced again. */
  private announced: IdleQuestion | null = null;

  constructor(private readonly deps: AwayQuestionDeps) {
    this.idle = new IdlePolicy({
      clock: deps.clock,
      source: deps.source,
      thresholdMinutes: () => deps.settings().idleThresholdMinutes,
      running: () => this.running(),
      currentId: (id) => deps.timer()?.entry(id)?.id ?? null,
      stopAtSleep: () => deps.settings().stopAtSleep,
      onSleep: (stop) => void this.stopAtSleep(stop),
      onBackAfterSleep: (stop) => this.backAfterSleep(stop),
      onQuestion: (question) => this.asked(question),
    });
  }

  question(): IdleQuestion | null {
    return this.idle.question();
  }

  check(): void {
    this.idle.check();
  }

  /** Asking is off (a threshold of 0): an open question goes. */
  clear(): void {
    this.idle.clear();
  }

  /** The idle question answered: the question goes, and the timesheet does what the answer asks. */
  async answer(input: IdleAnswer): Promise<void> {
    const asked = this.idle.pending();
    const timer = this.deps.timer();
    if (!asked || !timer) return;
    // Cleared first, so a second click while this one is saved finds nothing to answer.
    this.idle.clear();
    try {
      await timeAwayAnswer(timer, asked, input);
    } catch (err) {
      // Refused before anything changed (a pair no longer assigned): the question stays to be answered again.
      if (err instanceof NotAllowedError) this.idle.reopen(asked);
      throw err;
    }
  }

  dispose(): void {
    this.idle.dispose();
  }

  private running(): EntryView | null {
    return this.deps.timer()?.running() ?? null;
  }

  private timeOfDay(at: Date): string {
    return timeAt(at, this.deps.prefs().clock);
  }

  private asked(question: IdleQuestion | null): void {
    this.deps.onChange();
    // A question put back after a refused answer was announced already.
    if (!question || question === this.announced) return;
    this.announced = question;
    this.deps.notify(
      'idle',
      `You were away since ${this.timeOfDay(new Date(question.since))} (${question.minutes} min)`,
      `${question.projectName} — ${question.taskName} kept running. Open Sheaf to keep or discard that time.`,
      {
        actions: [
          { id: 'keep', label: 'Keep' },
          { id: 'discard', label: 'Discard' },
        ],
        // The answer is for this question: a button on an old notification doesn't answer a newer one.
        onAction: (id) => {
          const now = this.idle.question();
          if (now?.since !== question.since || now.entryId !== question.entryId) return;
          if (id === 'keep' || id === 'discard') this.answerFromNotification(id);
        },
      },
    );
  }

  private answerFromNotification(answer: 'keep' | 'discard'): void {
    this.answer({ answer }).catch((err: unknown) => {
      const reason = err instanceof Error ? err.message : String(err);
      this.deps.log?.(`idle answer from a notification: ${reason}`);
      this.deps.notify('idle', 'Sheaf could not change the timer', reason);
    });
  }

  /** Stop at sleep: the timer ends at the moment the computer slept, saved before the machine goes quiet. */
  private async stopAtSleep(stop: SleepStop): Promise<void> {
    try {
      await this.deps.timer()?.stopTimerAt(stop.entry.id, stop.at);
    } catch (err) {
      this.deps.log?.(`stop at sleep: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private backAfterSleep(stop: SleepStop): void {
    const how = stop.why === 'sleep' ? 'went to sleep' : 'shut down';
    const said = `Sheaf stopped ${stop.entry.projectName} — ${stop.entry.taskName} at ${this.timeOfDay(stop.at)} when your computer ${how}`;
    this.deps.tell?.(said);
    this.deps.notify('idle', 'Timer stopped', said);
  }
}

// Continuing counts from when they came back, not from when they answered: work done before answering is kept;
// and the time away is from when they left until they came back.
function timeAwayAnswer(timer: Timesheet, asked: Asked, input: IdleAnswer): Promise<void> {
  switch (input.answer) {
    case 'keep':
      return Promise.resolve();
    case 'discard':
      return timer.discardTimeAway(asked.away);
    case 'discardAndContinue':
      return timer.discardTimeAway(asked.away, { continueAt: asked.back });
    case 'addAsNew':
      return timer.addTimeAwayAsEntry(asked.away, awayOn(input), asked.back);
    case 'giveToOther':
      return timer.giveTimeAwayTo(asked.away, awayOn(input), asked.back);
  }
}

const awayOn = ({ projectId, taskId, notes }: IdleAnswerWithPair): AwayEntry => ({
  projectId,
  taskId,
  ...(notes?.trim() ? { notes } : {}),
});
