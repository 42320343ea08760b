// Owns the question signing out asks when something would be left behind: changes that haven't reached Harvest
// (send them first, keep them for the next sign-in, or discard them) and, out of every account, a running timer
// (stop it first, or leave it running in Harvest). Asked under the header, where the person just chose Sign out;
// the first answer has the focus, arrows change it, Enter signs out, Escape cancels.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { SignOutChoice } from '../../../shared/ipc';
import { useApp, useSheaf } from '../state/StoreContext';
import type { PopoverState } from '../state/store';

type Waiting = NonNullable<SignOutChoice['waiting']>;
type RunningTimer = NonNullable<SignOutChoice['runningTimer']>;

const waitingAnswers: Array<[Waiting, string]> = [
  ['send', 'Send them first'],
  ['keep', 'Keep them for my next sign-in'],
  ['discard', 'Discard them'],
];
const timerAnswers: Array<[RunningTimer, string]> = [
  ['stop', 'Stop it first'],
  ['leave', 'Leave it running in Harvest'],
];

export function SignOutQuestion() {
  const question = useSheaf((s) => s.signOutQuestion);
  // Mounted afresh for each question, so it starts from the safe answers whatever was picked the last time.
  return question ? <Question question={question} /> : null;
}

function Question({ question }: { question: NonNullable<PopoverState['signOutQuestion']> }) {
  const answer = useSheaf((s) => s.answerSignOut);
  const accounts = useApp((app) => app.accounts);
  const [waiting, setWaiting] = useState<Waiting>('send');
  const [timer, setTimer] = useState<RunningTimer>('stop');
  const [busy, setBusy] = useState(false);
  const region = useRef<HTMLElement>(null);
  /** Where the focus was when the question came (the Sign out button, the switcher): Cancel goes back there. */
  const cameFrom = useRef<HTMLElement | null>(null);
  const ids = useId();

  // Asked where the person just chose Sign out: the first answer is a key press away.
  useEffect(() => {
    cameFrom.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    region.current?.querySelector<HTMLInputElement>('input:checked, button')?.focus();
  }, []);

  // What core counted, as the snapshot shows it (the demo's sample changes are never asked about).
  const leaving = accounts.filter(
    (a) => !a.demo && (question.accountId === null || a.id === question.accountId),
  );
  const changesWait = leaving.some((a) => a.pending > 0);
  const timerRuns = question.accountId === null && leaving.some((a) => a.signedIn && a.running !== null);
  // One account leaving (or the only one there is) is named; several are "all accounts".
  const name = leaving.length === 1 ? leaving[0]!.name : undefined;

  async function signOut() {
    // Not disabled while sending: a disabled button would drop the keyboard focus.
    if (busy) return;
    setBusy(true);
    await answer({
      ...(changesWait ? { waiting } : {}),
      ...(timerRuns ? { runningTimer: timer } : {}),
    }).finally(() => setBusy(false));
  }
  function cancel() {
    void answer(null);
    cameFrom.current?.focus();
  }
  function onKeyDown(event: KeyboardEvent) {
    // Handled here, so the popover stays open (App hides it on an Escape nobody handled).
    if (event.key === 'Escape') {
      event.preventDefault();
      cancel();
    }
  }

  return (
    <section
      ref={region}
      className="idle-question sign-out-question"
      aria-labelledby={`${ids}-title`}
      aria-describedby={`${ids}-detail`}
      onKeyDown={onKeyDown}
    >
      <h2 id={`${ids}-title`}>{name ? `Sign out of ${name}?` : 'Sign out of all accounts?'}</h2>
      <p id={`${ids}-detail`}>{question.message}</p>
      <form
        className="sign-out-answers"
        onSubmit={(event) => {
          event.preventDefault();
          void signOut();
        }}
      >
        {changesWait && (
          <fieldset>
            <legend>Changes waiting</legend>
            {waitingAnswers.map(([value, label]) => (
              <label key={value} className="check">
                <input
                  type="radio"
                  name={`${ids}-waiting`}
                  value={value}
                  checked={waiting === value}
                  onChange={() => setWaiting(value)}
                />
                {label}
              </label>
            ))}
          </fieldset>
        )}
        {timerRuns && (
          <fieldset>
            <legend>Running timer</legend>
            {timerAnswers.map(([value, label]) => (
              <label key={value} className="check">
                <input
                  type="radio"
                  name={`${ids}-timer`}
                  value={value}
                  checked={timer === value}
                  onChange={() => setTimer(value)}
                />
                {label}
              </label>
            ))}
          </fieldset>
        )}
        {question.error && (
          <div role="alert" className="alert">
            {question.error}
          </div>
        )}
        <div className="idle-actions">
          <button type="submit" className="primary" aria-disabled={busy}>
            {busy && changesWait && waiting === 'send' ? 'Sending…' : 'Sign out'}
          </button>
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
