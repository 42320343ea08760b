// Owns the session: every account the person is signed in to (one AccountSession each) and which one is shown;
// signing in with a token or to the demo, switching, signing out of one account or all; the environment's
// token; and the keychain record. Session steps run one at a time across accounts.
import { createHash } from 'node:crypto';
import type { WeekStartDay } from '../../../shared/calendar';
import { defaultPrefs, type AccountPrefs, type Session } from '../../../shared/state';
import type { SheafAppOptions } from './app-options';
import type { AccountContext } from './account-context';
import { AccountSession, tokenGrant, type AccountGrant } from './account-session';
import { NotAllowedError, SignInFirstError } from './errors';
import { harvestConfigFromEnv, type HarvestEnvConfig } from './harvest/env';
import { Keychain, withAccounts, withoutAccount, type StoredGrant } from './keychain';
import { DisposableStore } from './lifecycle';
import type { Notices } from './notices';
import { systemClock, type Clock, type DemoServer, type Fetch } from './ports';
import type { Schedule } from './schedule';
import { Serial } from './serial';
import type { TimerService } from './timesheet';

/** What "Try the demo" says in a host that passed no demo Harvest. */
export const demoUnavailableMessage =
  "The demo isn't available in this host. Sign in with a Harvest token instead.";

export interface SessionDeps {
  notices: Notices;
  /** The week start `prefs` mean with the person's Settings (see account-profile's weekStartFor). */
  weekStartFor(prefs: AccountPrefs): WeekStartDay;
  schedule: Pick<Schedule, 'start' | 'stop' | 'assignmentsLoaded'>;
  /** The session or one of its accounts changed: show the state again. */
  emit(): void;
}

export class SessionService {
  /** Every account signed in to, in the order signed in; kept while signed out by a refused token. */
  private readonly accounts = new Map<string, AccountSession>();
  private activeId: string | null = null;
  /** Shown while no account is: the last sign-in's failure, or a sign-out. */
  private signedOut: Session = { status: 'signed_out', message: null };
  private demo: DemoServer | null = null;
  private fromEnvironment = false;
  private readonly steps = new Serial();
  private demoSigningIn: Promise<void> | null = null;
  private readonly lifetime = new DisposableStore();
  /** After dispose nothing reaches Harvest, whatever timer or late answer would still try. */
  private closed = false;
  private readonly env: HarvestEnvConfig;
  private readonly clock: Clock;
  private readonly fetch: Fetch;
  private readonly keychain: Keychain;

  constructor(
    private readonly options: SheafAppOptions,
    private readonly deps: SessionDeps,
  ) {
    this.env = harvestConfigFromEnv(options.env);
    this.clock = options.clock ?? systemClock;
    this.keychain = new Keychain(options.secrets);
    this.fetch = (input, init) =>
      this.closed ? Promise.reject(new Error('Sheaf has shut down')) : options.fetch(input, init);
  }

  /** The shown account's session; signed out (with why) when there is none. */
  get state(): Session {
    return this.active?.state ?? this.signedOut;
  }

  /** The shown account's settings (the defaults before the first sign-in). */
  get prefs(): AccountPrefs {
    return this.active?.prefs ?? defaultPrefs;
  }

  /** The shown account's context, signed in or not (a refused token keeps it for its unsent changes). */
  get account(): AccountContext | null {
    return this.active?.account ?? null;
  }

  /** Every account, in the order signed in to. */
  all(): AccountSession[] {
    return [...this.accounts.values()];
  }

  get activeAccountId(): string | null {
    return this.activeId;
  }

  /** The shown account's context while someone is signed in to it. */
  signedInAccount(): AccountContext | null {
    return this.active?.signedIn ? this.active.account : null;
  }

  /** The shown account, or the refusal every command that needs one gives. */
  requireAccount(): AccountContext {
    const account = this.signedInAccount();
    if (!account) throw new SignInFirstError();
    return account;
  }

  signedInTimer(): TimerService | null {
    return this.signedInAccount()?.timer ?? null;
  }

  /** Every signed-in account's timer (the schedule refreshes them all). */
  signedInTimers(): TimerService[] {
    return this.all().flatMap((a) => (a.signedIn && a.account ? [a.account.timer] : []));
  }

  /** Restores the session: the environment's token first, then the keychain's accounts, else the demo. */
  async start(autoDemo: boolean): Promise<void> {
    if (this.lifetime.isDisposed) return;
    const env = this.env;
    if (env.token && env.accountId) {
      this.fromEnvironment = true;
      await this.resume(env.accountId, tokenGrant(env.token));
      return;
    }
    const record = await this.keychain.load();
    for (const { accountId, grantId } of record.accounts) {
      const stored = record.grants[grantId];
      if (stored) await this.resume(accountId, this.grantFrom(stored));
    }
    if (record.active && this.accounts.has(record.active)) this.activeId = record.active;
    if (this.accounts.size > 0) return this.deps.emit();
    if (autoDemo && this.options.demo) await this.signInDemo().catch(() => undefined);
    else this.deps.emit();
  }

  signIn({ token, accountId }: { token: string; accountId?: string }): Promise<void> {
    return this.steps.run(async () => {
      if (!accountId) throw new NotAllowedError('Enter your Account ID (it is listed beside your token).');
      await this.closeDemo();
      this.fromEnvironment = false;
      const grant: StoredGrant = { kind: 'token', token };
      await this.openNow(accountId, this.grantFrom(grant));
      await this.keychain.save((r) => withAccounts(r, grantIdFor(grant), grant, [accountId]));
    });
  }

  /** Pressed again while it is on its way: the same sign-in, not another demo server. */
  signInDemo(): Promise<void> {
    const demoHarvest = this.options.demo;
    if (!demoHarvest) return Promise.reject(new NotAllowedError(demoUnavailableMessage));
    return (this.demoSigningIn ??= this.steps
      .run(async () => {
        await this.closeDemo();
        const demo = (this.demo = await demoHarvest.start({ clock: this.clock }));
        const ids = demo.accountIds ?? [demo.accountId];
        // The demo's accounts replace whatever was shown; a real account signed in stays in the list.
        for (const id of ids) await this.openNow(id, tokenGrant(demo.token), { demo, baseUrl: demo.url });
        this.activeId = ids[0] ?? null;
        this.deps.emit();
      })
      .finally(() => (this.demoSigningIn = null)));
  }

  /** Shows another signed-in account at once, from what it already holds. */
  switchTo(accountId: string): Promise<void> {
    return this.steps.run(async () => {
      if (!this.accounts.has(accountId)) throw new NotAllowedError("Sheaf isn't signed in to that account.");
      this.activeId = accountId;
      if (!this.fromEnvironment) await this.keychain.save((r) => ({ ...r, active: accountId }));
      this.deps.emit();
    });
  }

  /** Signs out of one account (its unsent changes get two seconds to go), or of every one. */
  signOut(accountId?: string): Promise<void> {
    return this.steps.run(async () => {
      const leaving =
        accountId === undefined ? this.all() : this.all().filter((a) => a.accountId === accountId);
      for (const account of leaving) {
        await account.close(2000);
        this.accounts.delete(account.accountId);
        if (!this.fromEnvironment && !account.demo)
          await this.keychain.save((r) => withoutAccount(r, account.accountId));
      }
      if (!this.all().some((a) => a.demo)) await this.closeDemo();
      if (this.activeId === null || !this.accounts.has(this.activeId)) this.activeId = this.firstId();
      if (this.signedInTimers().length === 0) this.deps.schedule.stop();
      this.signedOut = { status: 'signed_out', message: null };
      this.deps.emit();
    });
  }

  /** Quitting: unsent changes get up to `waitForSyncMs` to go, each cache is saved, then nothing more is sent. */
  async dispose(waitForSyncMs: number): Promise<void> {
    this.lifetime.dispose();
    await Promise.all(this.all().map((a) => a.close(waitForSyncMs)));
    // From here on, nothing reaches Harvest: a late retry or check-in of this instance is silent.
    this.closed = true;
    await this.closeDemo();
  }

  private get active(): AccountSession | null {
    return this.activeId === null ? null : (this.accounts.get(this.activeId) ?? null);
  }

  private firstId(): string | null {
    return this.accounts.keys().next().value ?? null;
  }

  /** The account's session, made on first use; signing in again to it carries its context on. */
  private accountFor(
    accountId: string,
    grant: AccountGrant,
    how: { demo?: DemoServer; baseUrl?: string } = {},
  ): AccountSession {
    const credentials = { accountId, baseUrl: how.baseUrl ?? this.env.baseUrl, grant };
    const known = this.accounts.get(accountId);
    if (known && known.demo === Boolean(how.demo)) {
      known.useCredentials(credentials);
      return known;
    }
    known?.dispose();
    const account = new AccountSession(credentials, Boolean(how.demo), {
      options: this.options,
      clock: this.clock,
      fetch: this.fetch,
      notices: this.deps.notices,
      steps: this.steps,
      weekStartFor: this.deps.weekStartFor,
      signedIn: () => {
        this.deps.schedule.assignmentsLoaded();
        this.deps.schedule.start();
      },
      emit: () => this.deps.emit(),
    });
    this.accounts.set(accountId, account);
    return account;
  }

  /** Signs in now, waiting on Harvest; the account is shown. A failure leaves no account behind. */
  private async openNow(
    accountId: string,
    grant: AccountGrant,
    how: { demo?: DemoServer; baseUrl?: string } = {},
  ): Promise<void> {
    const known = this.accounts.has(accountId);
    const account = this.accountFor(accountId, grant, how);
    const before = this.activeId;
    this.activeId = accountId;
    try {
      await account.open();
    } catch (err) {
      this.signedOut = account.state;
      if (!known) {
        account.dispose();
        this.accounts.delete(accountId);
        this.activeId = before !== null && this.accounts.has(before) ? before : this.firstId();
      }
      this.deps.emit();
      throw err;
    }
  }

  /** A known account at start: shown from its saved copy at once when there is one, else signed in now. */
  private resume(accountId: string, grant: AccountGrant): Promise<void> {
    return this.steps.run(async () => {
      const account = this.accountFor(accountId, grant);
      this.activeId ??= accountId;
      if (await account.resumeFromCache()) return;
      // The message is in the account's session; the person signs in again.
      await account.open().catch(() => undefined);
    });
  }

  private grantFrom(stored: StoredGrant): AccountGrant {
    if (stored.kind === 'token') return tokenGrant(stored.token);
    return tokenGrant(stored.accessToken);
  }

  private async closeDemo(): Promise<void> {
    const d = this.demo;
    this.demo = null;
    for (const account of this.all().filter((a) => a.demo)) {
      account.dispose();
      this.accounts.delete(account.accountId);
    }
    if (this.activeId !== null && !this.accounts.has(this.activeId)) this.activeId = this.firstId();
    await d?.close();
  }
}

/** One keychain grant per token, so the accounts one token reaches share it (named by a hash, not the token). */
function grantIdFor(grant: StoredGrant): string {
  const secret = grant.kind === 'token' ? grant.token : grant.refreshToken;
  return `${grant.kind}:${createHash('sha256').update(secret).digest('hex').slice(0, 16)}`;
}
