// Owns the popover's root: connecting the store to main, Escape-to-hide, which screen to show (the account choice
// over all), and the way back from a view that fails to render.
import { useEffect } from 'react';
import { isSpentDate, localSpentDate } from '../../../shared/calendar';
import type { SheafStore } from '../state/store';
import { StoreProvider, useSheaf } from '../state/StoreContext';
import { AccountChoice, SignedOutAccount } from './Accounts';
import { ErrorBoundary } from './ErrorBoundary';
import { DesktopViews, useAppliedTheme } from './Settings';
import { SignedInView } from './SignedInView';
import { SignedOutView } from './SignedOutView';

export function App({ store }: { store: SheafStore }) {
  useEffect(() => store.getState().connect(), [store]);
  return (
    <StoreProvider store={store}>
      <ErrorBoundary backToToday={() => backToToday(store)}>
        <Popover />
      </ErrorBoundary>
    </StoreProvider>
  );
}

/** Today's timesheet, the view every signed-in person starts from; out of Settings too, in case it broke. */
async function backToToday(store: SheafStore): Promise<void> {
  const { app, send, setSettingsOpen } = store.getState();
  setSettingsOpen(false);
  if (app?.session.status !== 'signed_in') return;
  const today = app.today.date;
  await send('showDay', { date: isSpentDate(today) ? today : localSpentDate(new Date()) });
}

function Popover() {
  const session = useSheaf((s) => s.app?.session);
  const choice = useSheaf((s) => s.app?.accountChoice ?? null);
  const othersSignedIn = useSheaf((s) => s.app?.accounts.some((a) => a.signedIn) ?? false);
  const send = useSheaf((s) => s.send);
  useAppliedTheme(useSheaf((s) => s.app?.desktop.theme));

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      // Controls that use Escape themselves (the picker closing its list) mark it handled.
      if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing) return;
      event.preventDefault();
      void send('hidePopover');
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [send]);

  if (!session) {
    return (
      <main className="popover" aria-busy="true">
        <p className="muted loading">Loading…</p>
      </main>
    );
  }
  return (
    <main className="popover">
      {choice ? (
        // Over whatever else: the accounts a sign-in reached wait for the person's pick.
        <AccountChoice key={choice.accounts.map((a) => a.id).join()} choice={choice} />
      ) : session.status === 'signed_in' ? (
        <DesktopViews>
          <SignedInView session={session} />
        </DesktopViews>
      ) : session.status === 'signed_out' && othersSignedIn ? (
        <DesktopViews>
          <SignedOutAccount session={session} />
        </DesktopViews>
      ) : (
        <SignedOutView session={session} />
      )}
    </main>
  );
}
