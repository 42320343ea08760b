// Owns the signed-in header: who and which account, the demo badge, and signing out.
import type { Session } from '../../../shared/state';
import { useSheaf } from '../state/StoreContext';
import { SettingsButton } from './Settings';

type SignedIn = Extract<Session, { status: 'signed_in' }>;

export function Header({ session }: { session: SignedIn }) {
  const send = useSheaf((s) => s.send);
  return (
    <header className="header">
      <div className="who">
        <h1 className="account">
          <span className="account-name">{session.accountName}</span>
          {session.demo && <span className="badge">Demo</span>}
        </h1>
        <p className="muted small user">{session.user.name}</p>
      </div>
      <div className="header-actions">
        <SettingsButton />
        <button type="button" className="quiet" onClick={() => void send('signOut')}>
          Sign out
        </button>
      </div>
    </header>
  );
}
