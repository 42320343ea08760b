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

/**
 * A start refused because a timer runs in another account: stop that one, keep both, or don't start. Compact, in
 * the start form's place; the answer puts focus back where the start came from (or the picker), never the page.
 */
export function TimerElsewhereQuestion() {
  const question = useSheaf((s) => s.timerElsewhere);
  const answer = useSheaf((s) => s.answerTimerElsewhere);
  const first = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const ids = useId();
  // Asked where the person just clicked Start: the answer is a key press away.
  useEffect(() => {
    if (!question) return;
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    first.current?.focus();
  }, [question]);
  if (!question) return null;
  const reply = (choice: 'stop' | 'keep' | null) => {
    const back = opener.current;
    void answer(choice);
    // The question is gone by the next frame and the start form back: focus returns to what asked.
    requestAnimationFrame(() => {
      const target =
        back?.isConnected && back.offsetParent !== null
          ? back
          : document.querySelector<HTMLElement>('.start-form [role="combobox"]');
      target?.focus();
    });
  };
  return (
    <section
      className="idle-question other-timer"
      aria-labelledby={`${ids}-title`}
      aria-describedby={`${ids}-detail`}
    >
      <h2 id={`${ids}-title`}>Another timer is running</h2>
      <p id={`${ids}-detail`} className="small">
        {question}
      </p>
      <div className="idle-actions">
        <button ref={first} type="button" className="primary" onClick={() => reply('stop')}>
          Stop it and start
        </button>
        <button type="button" onClick={() => reply('keep')}>
          Keep both running
        </button>
        <button type="button" className="quiet" onClick={() => reply(null)}>
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
  // One account's totals are the day's own: this line earns its place only with several signed in.
  if (accounts.filter((a) => a.signedIn).length < 2) return null;
  return (
    <dl className="all-accounts-line small">
      <dt className="muted">All accounts</dt>
      <dd aria-label="All accounts' total today">
        <strong>{formatHours(dayHours, timeFormat)}</strong> today
      </dd>
      <dd aria-label="All accounts' total this week">
        <strong>{formatHours(weekHours, timeFormat)}</strong> this week
      </dd>
    </dl>
  );
});
