// Owns the popover's header: which account (the switcher, with two or more), who, the demo badge, settings, and
// signing out (in the switcher's menu once there are several accounts), with its question just under it.
import type { Session } from '../../../shared/state';
import { useApp, useSheaf } from '../state/StoreContext';
import { AccountSwitcher } from './AccountSwitcher';
import { SettingsButton } from './Settings';
import { SignOutQuestion } from './SignOutQuestion';

export function Header({ session }: { session: Session }) {
  const askSignOut = useSheaf((s) => s.askSignOut);
  const several = useApp((app) => app.accounts.length >= 2);
  const signedIn = session.status === 'signed_in' ? session : null;
  return (
    <>
      <header className="header">
        <div className="who">
          {several ? (
            <AccountSwitcher />
          ) : (
            signedIn && (
              <h1 className="account">
                <span className="account-name">{signedIn.accountName}</span>
                {signedIn.demo && <span className="badge">Demo</span>}
              </h1>
            )
          )}
          {signedIn && <p className="muted small user">{signedIn.user.name}</p>}
        </div>
        <div className="header-actions">
          <SettingsButton />
          {!several && (
            <button type="button" className="quiet" onClick={() => void askSignOut(null)}>
              Sign out
            </button>
          )}
        </div>
      </header>
      <SignOutQuestion />
    </>
  );
}
