// Owns the signed-out screen: Sheaf's name, Sheaf's notices (a keychain it couldn't read says so here), the
// sign-in form with why the person was signed out, and the demo.
import { useId } from 'react';
import type { Session } from '../../../shared/state';
import { useSheaf } from '../state/StoreContext';
import { Notices } from './Attention';
import { SignInForm } from './SignInForm';

type SignedOut = Exclude<Session, { status: 'signed_in' }>;

export function SignedOutView({ session }: { session: SignedOut }) {
  const send = useSheaf((s) => s.send);
  const ids = useId();
  return (
    <section className="signin" aria-labelledby={`${ids}-title`}>
      <div className="brand">
        <h1 id={`${ids}-title`}>Sheaf</h1>
        <p className="muted">Start and stop Harvest timers from your menu bar.</p>
      </div>
      <Notices />
      <SignInForm message={session.status === 'signed_out' ? session.message : null} />
      <div className="or" aria-hidden="true">
        <span>or</span>
      </div>
      <button
        type="button"
        className="secondary"
        disabled={session.status === 'signing_in'}
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
