// Owns what the shown account's timesheet says about the other accounts: a timer running in one (with a way to
// switch to it), the question when a start would run two timers at once, and the hours of all accounts together.
import { memo, useEffect, useId, useRef } from 'react';
import { formatElapsedMinutes } from '../../../shared/duration';
import { elapsedMs } from '../../../shared/elapsed';
import { formatHours, type TimeFormat } from '../../../shared/format';
import type { AccountSummary, EntryView } from '../../../shared/state';
import { useLiveHours } from '../hooks/useLiveHours';
import { useLive } from '../hooks/useNow';
import { useApp, useSheaf } from '../state/StoreContext';

/** Timers running in accounts other than the one shown, each a compact card under the running timer. */
export const ElsewhereTimers = memo(function ElsewhereTimers() {
  const accounts = useApp((app) => app.accounts);
  const activeId = useApp((app) => app.activeAccountId);
  const send = useSheaf((s) => s.send);
  const elsewhere = accounts.filter(
    (a): a is AccountSummary & { running: EntryView } => a.id !== activeId && a.running !== null,
  );
  return elsewhere.map((account) => (
    <section key={account.id} className="card elsewhere" aria-label={`Timer running in ${account.name}`}>
      <p>
        <span className="running-dot" aria-hidden="true" />
        Running in <strong>{account.name}</strong>: {account.running.projectName} — {account.running.taskName}{' '}
        <ElapsedMinutes entry={account.running} />
      </p>
      <button
        type="button"
        className="quiet"
        aria-label={`Switch to ${account.name}`}
        onClick={() => void send('switchAccount', { accountId: account.id })}
      >
        Switch
      </button>
    </section>
  ));
});

function ElapsedMinutes({ entry }: { entry: EntryView }) {
  const shown = useLive((now) => formatElapsedMinutes(elapsedMs(entry, now)));
  return <span className="elsewhere-time">{shown}</span>;
}

/** A start refused because a timer runs in another account: stop that one, keep both, or don't start. */
export function TimerElsewhereQuestion() {
  const question = useSheaf((s) => s.timerElsewhere);
  const answer = useSheaf((s) => s.answerTimerElsewhere);
  const first = useRef<HTMLButtonElement>(null);
  const ids = useId();
  // Asked where the person just clicked Start: the answer is a key press away.
  useEffect(() => {
    if (question) first.current?.focus();
  }, [question]);
  if (!question) return null;
  return (
    <section className="idle-question" aria-labelledby={`${ids}-title`} aria-describedby={`${ids}-detail`}>
      <h2 id={`${ids}-title`}>Another timer is running</h2>
      <p id={`${ids}-detail`}>{question}</p>
      <div className="idle-actions">
        <button ref={first} type="button" className="primary" onClick={() => void answer('stop')}>
          Stop it and start
        </button>
        <button type="button" onClick={() => void answer('keep')}>
          Keep both running
        </button>
        <button type="button" onClick={() => void answer(null)}>
          Cancel
        </button>
      </div>
    </section>
  );
}

/** Today's and this week's hours of every account together, live with every running timer. */
export const AllAccountsTotals = memo(function AllAccountsTotals({ timeFormat }: { timeFormat: TimeFormat }) {
  const accounts = useApp((app) => app.accounts);
  const today = useApp((app) => app.today.date);
  const week = useApp((app) => app.week);
  const running = accounts.flatMap((a) => (a.running ? [a.running] : []));
  const sum = (hours: (a: AccountSummary) => number) => accounts.reduce((total, a) => total + hours(a), 0);
  const dayHours = useLiveHours(
    sum((a) => a.todayHours),
    running.filter((r) => r.spentDate === today),
    timeFormat,
  );
  const weekHours = useLiveHours(
    sum((a) => a.weekHours),
    running.filter((r) => r.spentDate >= week.start && r.spentDate <= week.end),
    timeFormat,
  );
  if (accounts.length < 2) return null;
  return (
    <dl className="totals all-accounts">
      <div className="total">
        <dt className="muted small">All accounts today</dt>
        <dd aria-label="All accounts' total today">{formatHours(dayHours, timeFormat)}</dd>
      </div>
      <div className="total">
        <dt className="muted small">All accounts this week</dt>
        <dd aria-label="All accounts' total this week">{formatHours(weekHours, timeFormat)}</dd>
      </div>
    </dl>
  );
});
