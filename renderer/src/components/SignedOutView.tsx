// Owns the signed-out screen: token sign-in (checked against the IPC contract's own rules) and the demo.
// The token lives only in its password field: read on submit, never in React state or a rendered value attribute.
import { useId, useRef, useState, type FormEvent } from 'react';
import { commands } from '../../../shared/ipc';
import type { Session } from '../../../shared/state';
import { useSheaf } from '../state/StoreContext';
import { Alert } from './Alert';

type SignedOut = Exclude<Session, { status: 'signed_in' }>;

const tokenPage = 'https://id.getharvest.com/developers';

export function SignedOutView({ session }: { session: SignedOut }) {
  const send = useSheaf((s) => s.send);
  const commandError = useSheaf((s) => s.commandError);
  const [accountId, setAccountId] = useState('');
  const [invalid, setInvalid] = useState<{ field: 'token' | 'accountId'; message: string }[]>([]);
  const tokenRef = useRef<HTMLInputElement>(null);
  const accountRef = useRef<HTMLInputElement>(null);
  const ids = useId();
  const signingIn = session.status === 'signing_in';

  function submit(event: FormEvent) {
    event.preventDefault();
    const field = tokenRef.current;
    // Left empty, Sheaf lists the token's accounts to pick from.
    const parsed = commands.signIn.input.safeParse({
      token: field?.value ?? '',
      ...(accountId.trim() ? { accountId } : {}),
    });
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => ({
        field: issue.path[0] === 'accountId' ? ('accountId' as const) : ('token' as const),
        message: issue.message,
      }));
      setInvalid(problems);
      (problems[0]?.field === 'accountId' ? accountRef : tokenRef).current?.focus();
      return;
    }
    setInvalid([]);
    // Sent once, then gone from the page: a wrong token is pasted again, never left sitting in the DOM.
    if (field) field.value = '';
    void send('signIn', parsed.data);
  }

  const isInvalid = (field: 'token' | 'accountId') => invalid.some((p) => p.field === field);
  const message =
    invalid.length > 0
      ? invalid.map((p) => p.message)
      : [commandError, session.status === 'signed_out' ? session.message : null];

  return (
    <section className="signin" aria-labelledby={`${ids}-title`}>
      <div className="brand">
        <h1 id={`${ids}-title`}>Sheaf</h1>
        <p className="muted">Start and stop Harvest timers from your menu bar.</p>
      </div>
      <form className="signin-form" noValidate onSubmit={submit}>
        <label htmlFor={`${ids}-token`}>Personal access token</label>
        <input
          ref={tokenRef}
          id={`${ids}-token`}
          type="password"
          autoComplete="off"
          spellCheck={false}
          // Uncontrolled on purpose: React mirrors a controlled input's value into its value attribute.
          aria-invalid={isInvalid('token') || undefined}
        />
        <label htmlFor={`${ids}-account`}>Account ID</label>
        <input
          ref={accountRef}
          id={`${ids}-account`}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          value={accountId}
          aria-invalid={isInvalid('accountId') || undefined}
          onChange={(e) => setAccountId(e.target.value)}
        />
        <Alert messages={message} />
        {signingIn && (
          <p role="status" className="muted">
            Signing in…
          </p>
        )}
        <button type="submit" className="primary" disabled={signingIn}>
          Sign in
        </button>
        <a className="link" href={tokenPage} target="_blank" rel="noreferrer">
          Create a token in Harvest
        </a>
      </form>
      <div className="or" aria-hidden="true">
        <span>or</span>
      </div>
      <button
        type="button"
        className="secondary"
        disabled={signingIn}
        onClick={() => void send('signInDemo')}
      >
        Try the demo
      </button>
      <p className="muted small">
        The demo runs on this computer with sample projects. Nothing reaches Harvest.
      </p>
    </section>
  );
}
