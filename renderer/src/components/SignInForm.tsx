// Owns signing in to an account, wherever it is offered (signed out, adding an account, an account signed out by
// Harvest): "Sign in with Harvest" when this Sheaf offers it, and the token form (checked against the IPC
// contract's own rules). The token lives only in its password field: read on submit, never in React state or a
// rendered value attribute. It stays in the field when the sign-in fails, so the person needn't paste it again.
import { useId, useRef, useState, type FormEvent } from 'react';
import { commands } from '../../../shared/ipc';
import { useSheaf } from '../state/StoreContext';
import { Alert } from './Alert';

const tokenPage = 'https://id.getharvest.com/developers';

export function SignInForm({ message = null }: { message?: string | null }) {
  const send = useSheaf((s) => s.send);
  const commandError = useSheaf((s) => s.commandError);
  const signingIn = useSheaf((s) => s.app?.session.status === 'signing_in');
  const harvestSignIn = useSheaf((s) => s.app?.harvestSignIn ?? false);
  const [accountId, setAccountId] = useState('');
  const [invalid, setInvalid] = useState<{ field: 'token' | 'accountId'; message: string }[]>([]);
  const tokenRef = useRef<HTMLInputElement>(null);
  const accountRef = useRef<HTMLInputElement>(null);
  const ids = useId();

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
    void send('signIn', parsed.data).then((result) => {
      // Signed in: gone from the page. Refused (offline, a typo in the Account ID…): kept and selected, so the
      // person fixes the rest or pastes over it, rather than hunting for the token again.
      if (!field) return;
      if (result.ok) field.value = '';
      else if (field.isConnected) {
        field.focus();
        field.select();
      }
    });
  }

  const isInvalid = (field: 'token' | 'accountId') => invalid.some((p) => p.field === field);
  const messages = invalid.length > 0 ? invalid.map((p) => p.message) : [commandError, message];

  return (
    <>
      {harvestSignIn && (
        <>
          <HarvestSignIn disabled={signingIn} />
          <div className="or" aria-hidden="true">
            <span>or</span>
          </div>
        </>
      )}
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
          aria-describedby={`${ids}-account-hint`}
          aria-invalid={isInvalid('accountId') || undefined}
          onChange={(e) => setAccountId(e.target.value)}
        />
        <p id={`${ids}-account-hint`} className="muted small">
          Optional. Left empty, Sheaf lists the accounts your token reaches.
        </p>
        <Alert messages={messages} />
        {signingIn && (
          <p role="status" className="muted">
            Signing in…
          </p>
        )}
        <button type="submit" className={harvestSignIn ? 'secondary' : 'primary'} disabled={signingIn}>
          Sign in
        </button>
        <a className="link" href={tokenPage} target="_blank" rel="noreferrer">
          Create a token in Harvest
        </a>
      </form>
    </>
  );
}

/** Opens Harvest's sign-in in the browser and waits for it, with a way to stop waiting. */
function HarvestSignIn({ disabled }: { disabled: boolean }) {
  const send = useSheaf((s) => s.send);
  const dismissError = useSheaf((s) => s.dismissError);
  const [waiting, setWaiting] = useState(false);
  const cancelled = useRef(false);

  async function signIn() {
    cancelled.current = false;
    setWaiting(true);
    const result = await send('signInWithHarvest');
    setWaiting(false);
    // Cancelling ends the wait with an error the person caused and needn't read.
    if (!result.ok && cancelled.current) dismissError();
  }

  if (waiting) {
    return (
      <div className="harvest-wait">
        <p role="status">Finish signing in in your browser…</p>
        <button
          type="button"
          onClick={() => {
            cancelled.current = true;
            void send('cancelSignIn');
          }}
        >
          Cancel
        </button>
      </div>
    );
  }
  return (
    <button type="button" className="primary" disabled={disabled} onClick={() => void signIn()}>
      Sign in with Harvest
    </button>
  );
}
