// Owns the views about accounts themselves: adding one over the timesheet, the shown account signed out while
// others are signed in, and choosing which of the accounts a token or Harvest sign-in reached to use.
import { useId, useState, type FormEvent } from 'react';
import { commands } from '../../../shared/ipc';
import type { AppState, Session } from '../../../shared/state';
import { useApp, useSheaf } from '../state/StoreContext';
import { Alert } from './Alert';
import { Header } from './Header';
import { SignInForm } from './SignInForm';

/** The sign-in form over the timesheet; signing in shows the new account, Back the one before. */
export function AddAccount() {
  const setAddingAccount = useSheaf((s) => s.setAddingAccount);
  const ids = useId();
  return (
    <section className="signin" aria-labelledby={`${ids}-title`}>
      <div className="settings-head">
        <button
          type="button"
          className="quiet"
          onClick={() => {
            setAddingAccount(false);
            // The timesheet comes back in place of this view: focus returns to the switcher that opened it.
            requestAnimationFrame(() => document.querySelector<HTMLElement>('.switcher-button')?.focus());
          }}
        >
          ← Back
        </button>
        <h1 id={`${ids}-title`}>Add an account</h1>
      </div>
      <SignInForm />
    </section>
  );
}

/** Harvest stopped accepting this account's token: sign in to it again, or switch to another in the header. */
export function SignedOutAccount({ session }: { session: Extract<Session, { status: 'signed_out' }> }) {
  const account = useApp((app) => app.accounts.find((a) => a.id === app.activeAccountId));
  const ids = useId();
  return (
    <>
      <Header session={session} />
      <section className="signin" aria-labelledby={`${ids}-title`}>
        <h2 id={`${ids}-title`}>Sign in to {account?.name ?? 'this account'} again</h2>
        <SignInForm message={session.message ?? account?.message ?? null} />
      </section>
    </>
  );
}

type Choice = NonNullable<AppState['accountChoice']>;

/** Every account is picked to begin with; one already signed in says so. */
export function AccountChoice({ choice }: { choice: Choice }) {
  const send = useSheaf((s) => s.send);
  const commandError = useSheaf((s) => s.commandError);
  const [picked, setPicked] = useState(() => new Set(choice.accounts.map((a) => a.id)));
  const [problem, setProblem] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const ids = useId();
  // The accounts are another Harvest user's than who is signed in now: used only once the person says so.
  const someoneElse = choice.user && choice.insteadOf ? { user: choice.user, now: choice.insteadOf } : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (someoneElse && !confirmed) {
      setProblem(`Tick “Use ${someoneElse.user.name}’s accounts” to use them, or Cancel.`);
      return;
    }
    const accountIds = choice.accounts.map((a) => a.id).filter((id) => picked.has(id));
    const parsed = commands.chooseAccounts.input.safeParse({
      accountIds,
      ...(someoneElse ? { someoneElse: true } : {}),
    });
    setProblem(parsed.success ? null : (parsed.error.issues[0]?.message ?? null));
    if (parsed.success) void send('chooseAccounts', parsed.data);
  }

  return (
    <section className="signin choice" aria-labelledby={`${ids}-title`}>
      <h1 id={`${ids}-title`}>Choose your accounts</h1>
      {choice.user && !someoneElse && (
        <p className="muted small">
          Signed in to Harvest as {choice.user.name} ({choice.user.email})
        </p>
      )}
      {someoneElse && (
        <p className="someone-else" id={`${ids}-whose`}>
          These accounts belong to {someoneElse.user.name} ({someoneElse.user.email}), not{' '}
          {someoneElse.now.name}, who is signed in now. Time you track in them is {someoneElse.user.name}’s.
        </p>
      )}
      <form className="signin-form" noValidate onSubmit={submit}>
        <fieldset>
          <legend className="muted">
            Your sign-in reaches these Harvest accounts. Sheaf shows the ones you pick.
          </legend>
          {choice.accounts.map((account) => (
            <label key={account.id} className="check">
              <input
                type="checkbox"
                checked={picked.has(account.id)}
                onChange={(e) => {
                  const next = new Set(picked);
                  if (e.target.checked) next.add(account.id);
                  else next.delete(account.id);
                  setPicked(next);
                }}
              />
              {account.name}
              {account.signedIn && <span className="muted small"> (signed in already)</span>}
            </label>
          ))}
        </fieldset>
        {someoneElse && (
          <label className="check">
            <input
              type="checkbox"
              checked={confirmed}
              aria-describedby={`${ids}-whose`}
              onChange={(e) => setConfirmed(e.target.checked)}
            />
            Use {someoneElse.user.name}’s accounts
          </label>
        )}
        <Alert messages={[problem, commandError]} />
        <button type="submit" className="primary">
          Use these accounts
        </button>
        <button type="button" onClick={() => void send('cancelAccountChoice')}>
          Cancel
        </button>
      </form>
    </section>
  );
}
