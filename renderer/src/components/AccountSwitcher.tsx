// Owns the header's account switcher (shown with two or more accounts): a menu button naming the account shown,
// whose menu lists each account with today's hours, whether a timer runs or why it is signed out, then adding
// an account and signing out of one or all. Keyboard use follows the WAI-ARIA menu button pattern.
import { memo, useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { formatHours, type TimeFormat } from '../../../shared/format';
import type { AccountSummary } from '../../../shared/state';
import { useLiveHours } from '../hooks/useLiveHours';
import { useApp, useSheaf } from '../state/StoreContext';

export const AccountSwitcher = memo(function AccountSwitcher() {
  const accounts = useApp((app) => app.accounts);
  const activeId = useApp((app) => app.activeAccountId);
  const [open, setOpen] = useState<false | 'first' | 'last'>(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const ids = useId();
  const active = accounts.find((a) => a.id === activeId);

  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
  useEffect(() => {
    if (!open) return;
    const all = items();
    (open === 'last' ? all.at(-1) : all[0])?.focus();
  }, [open]);

  function close(refocus = true) {
    setOpen(false);
    if (refocus) button.current?.focus();
  }
  /** A menu item does its thing and the menu closes. */
  function pick(act: () => void) {
    close();
    act();
  }

  function onMenuKey(event: KeyboardEvent) {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const move: Record<string, number> = {
      ArrowDown: (at + 1) % all.length,
      ArrowUp: (at - 1 + all.length) % all.length,
      Home: 0,
      End: all.length - 1,
    };
    if (event.key in move) {
      event.preventDefault();
      all[move[event.key]!]?.focus();
    } else if (event.key === 'Escape') {
      // Handled here, so the popover stays open (App hides it on an Escape nobody handled).
      event.preventDefault();
      close();
    } else if (event.key === 'Tab') close(false);
  }

  if (!active) return null;
  return (
    <div
      className="switcher"
      onBlur={(e) => {
        if (open && !e.currentTarget.contains(e.relatedTarget)) setOpen(false);
      }}
    >
      <h1 className="account">
        <button
          ref={button}
          type="button"
          className="switcher-button"
          aria-haspopup="menu"
          aria-expanded={Boolean(open)}
          aria-controls={open ? `${ids}-menu` : undefined}
          onClick={() => (open ? close() : setOpen('first'))}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              setOpen(e.key === 'ArrowUp' ? 'last' : 'first');
            } else if (e.key === 'Escape' && open) {
              e.preventDefault();
              close();
            }
          }}
        >
          <span className="account-name">{active.name}</span>
          <span aria-hidden="true" className="switcher-caret">
            ▾
          </span>
        </button>
        {active.demo && <span className="badge">Demo</span>}
      </h1>
      {open && (
        <AccountMenu menuRef={menu} id={`${ids}-menu`} active={active} onKeyDown={onMenuKey} pick={pick} />
      )}
    </div>
  );
});

/** The open menu: each account (picking one switches to it), then adding an account and signing out. */
function AccountMenu({
  menuRef,
  id,
  active,
  onKeyDown,
  pick,
}: {
  menuRef: RefObject<HTMLDivElement | null>;
  id: string;
  active: AccountSummary;
  onKeyDown: (event: KeyboardEvent) => void;
  pick: (act: () => void) => void;
}) {
  const accounts = useApp((app) => app.accounts);
  const activeId = useApp((app) => app.activeAccountId);
  const timeFormat = useApp((app) => app.prefs.timeFormat);
  const send = useSheaf((s) => s.send);
  const askSignOut = useSheaf((s) => s.askSignOut);
  const setAddingAccount = useSheaf((s) => s.setAddingAccount);
  return (
    <div
      ref={menuRef}
      id={id}
      role="menu"
      aria-label="Accounts"
      className="switcher-menu card"
      onKeyDown={onKeyDown}
    >
      {accounts.map((account) => (
        <button
          key={account.id}
          type="button"
          role="menuitemradio"
          aria-checked={account.id === activeId}
          tabIndex={-1}
          className="switcher-item"
          onClick={() =>
            pick(() => {
              if (account.id !== activeId) void send('switchAccount', { accountId: account.id });
            })
          }
        >
          <AccountLine account={account} timeFormat={timeFormat} />
        </button>
      ))}
      <div role="separator" className="switcher-line" />
      <button type="button" role="menuitem" tabIndex={-1} onClick={() => pick(() => setAddingAccount(true))}>
        Add an account…
      </button>
      <button
        type="button"
        role="menuitem"
        tabIndex={-1}
        onClick={() => pick(() => void askSignOut(active.id))}
      >
        Sign out of {active.name}
      </button>
      <button type="button" role="menuitem" tabIndex={-1} onClick={() => pick(() => void askSignOut(null))}>
        Sign out of all accounts
      </button>
    </div>
  );
}

/** One account in the menu: its name, and today's hours (live while its timer runs) or why it is signed out. */
function AccountLine({ account, timeFormat }: { account: AccountSummary; timeFormat: TimeFormat }) {
  const { running } = account;
  const hours = useLiveHours(account.todayHours, running ? [running] : [], timeFormat);
  return (
    <>
      <span className="switcher-name">
        {running && <span className="running-dot" aria-hidden="true" />}
        {account.name}
        {running && <span className="visually-hidden">, timer running</span>}
      </span>
      {account.signedIn ? (
        <span className="muted small">{formatHours(hours, timeFormat)} today</span>
      ) : (
        <span className="muted small">signed out{account.message ? `: ${account.message}` : ''}</span>
      )}
    </>
  );
}
