// Owns the popover's root: connecting the store to main, Escape-to-hide, and which screen to show.
import { useEffect } from 'react';
import type { SheafStore } from '../state/store';
import { StoreProvider, useSheaf } from '../state/StoreContext';
import { DesktopViews, useAppliedTheme } from './Settings';
import { SignedInView } from './SignedInView';
import { SignedOutView } from './SignedOutView';

export function App({ store }: { store: SheafStore }) {
  useEffect(() => store.getState().connect(), [store]);
  return (
    <StoreProvider store={store}>
      <Popover />
    </StoreProvider>
  );
}

function Popover() {
  const app = useSheaf((s) => s.app);
  const hidePopover = useSheaf((s) => s.hidePopover);
  useAppliedTheme(app?.desktop?.theme);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      // Controls that use Escape themselves (the picker closing its list) mark it handled.
      if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing) return;
      event.preventDefault();
      void hidePopover();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [hidePopover]);

  if (!app) {
    return (
      <main className="popover" aria-busy="true">
        <p className="muted loading">Loading…</p>
      </main>
    );
  }
  const { session } = app;
  return (
    <main className="popover">
      {session.status === 'signed_in' ? (
        <DesktopViews app={app}>
          <SignedInView app={app} session={session} />
        </DesktopViews>
      ) : (
        <SignedOutView session={session} />
      )}
    </main>
  );
}
