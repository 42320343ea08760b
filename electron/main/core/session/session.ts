// Owns the session: every account the person is signed in to (one SignedInAccount each) and which one is shown;
// signing in with a token or to the demo, switching, signing out of one account or all; the environment's
// token; the keychain record (saving.ts: where it saves); and the schedule that refreshes the accounts. Session
// steps run one at a time across accounts.
import type { WeekStartDay } from '../../../../shared/calendar';
import { defaultPrefs, type AccountPrefs, type AppState, type Session } from '../../../../shared/state';
import type { SessionOptions } from './options';
import type { AccountData } from '../account/account-data';
import { SignedInAccount, signInMessage, tokenGrant, type AccountGrant } from './signed-in-account';
import { demoUnavailableMessage, NotAllowedError, SignInFirstError } from '../base/errors';
import { Grants, grantIdFor } from './grants';
import { harvestConfigFromEnv, type HarvestEnvConfig } from '../harvest/env';
import { AccountChoice } from './account-choice';
import { peopleSignedIn, someoneElseSignedIn } from './whose-sign-in';
import { BrowserSignIn } from './browser-sign-in';
import { harvestIdFromEnv, listAccounts, type HarvestIdConfig } from '../harvest-id';
import { Keychain, keychainEntryFor, type StoredGrant } from './keychain';
import { notSaving, savingTo, type SessionSaving } from './saving';
import { DisposableStore } from '../base/lifecycle';
import type { Notices } from '../base/notices';
import { systemClock, type Clock, type DemoServer, type Fetch } from '../ports';
import { Schedule } from './schedule';
import type { Heartbeat } from '../base/heartbeat';
import { Serial } from '../base/serial';
import { settleBeforeSignOut, type SignOutChoice } from './sign-out';
import type { Timesheet } from '../timesheet';

export { demoUnavailableMessage } from '../base/errors';

export interface SessionDeps {
  notices: Notices;
  /** The week start `prefs` mean with the person's Settings (see account-profile's weekStartFor). */
  weekStartFor(prefs: AccountPrefs): WeekStartDay;
  /** The beat the schedule's refresh keeps time by, shared with the desktop's checks. */
  heartbeat: Heartbeat;
  /** The session or one of its accounts changed: show the state again. */
  emit(): void;
}

export class SessionService {
  /** Every account signed in to, in the order signed in; kept while signed out by a refused token. */
  private readonly accounts = new Map<string, SignedInAccount>();
  private activeId: string | null = null;
  /** Shown while no account is: the last sign-in's failure, or a sign-out. */
  private signedOut: Session = { status: 'signed_out', message: null };
  private demo: DemoServer | null = null;
  private readonly steps = new Serial();
  private demoSigningIn: Promise<void> | null = null;
  private readonly lifetime = new DisposableStore();
  /** After dispose nothing reaches Harvest, whatever timer or late answer would still try. */
  private closed = false;
  private readonly env: HarvestEnvConfig;
  private readonly clock: Clock;
  private readonly fetch: Fetch;
  private readonly keychain: Keychain;
  /** Where who is signed in is kept: the keychain, or nowhere while on the environment's token. */
  private saving: SessionSaving;
  private readonly harvestId: HarvestIdConfig;
  private readonly grants: Grants;
  /** Which grant each account signs in with (the environment's and the demo's have none). */
  private readonly grantOf = new Map<string, string>();
  private readonly choice = new AccountChoice();
  private readonly browser: BrowserSignIn;
  /** When the signed-in accounts refresh by themselves, see a new day, and save their cache. */
  readonly schedule: Schedule;

  constructor(
    private readonly options: SessionOptions,
    private readonly deps: SessionDeps,
  ) {
    this.env = harvestConfigFromEnv(options.env);
    this.clock = options.clock ?? systemClock;
    this.keychain = new Keychain(
      options.secrets,
      keychainEntryFor(options.dataDir, options.defaultDataDir),
      (message) => {
        deps.notices.tellOnce(message);
        deps.emit();
      },
    );
    this.saving = savingTo(this.keychain);
    this.schedule = new Schedule({
      clock: this.clock,
      heartbeat: deps.heartbeat,
      timers: () => this.signedInTimers(),
      keepsCache: () => this.all().some((a) => a.signedIn && a.data?.keepsCache),
      saveCache: async () => {
        await Promise.all(this.all().map((a) => (a.signedIn ? a.data?.saveCache() : undefined)));
      },
      emit: () => deps.emit(),
    });
    this.fetch = (input, init) =>
      this.closed ? Promise.reject(new Error('Sheaf has shut down')) : options.fetch(input, init);
    this.harvestId = harvestIdFromEnv(options.env);
    this.browser = new BrowserSignIn({
      config: this.harvestId,
      fetch: this.fetch,
      clock: this.clock,
      openUrl: options.openUrl,
      log: options.log,
    });
    this.grants = new Grants({
      config: this.harvestId,
      fetch: this.fetch,
      clock: this.clock,
      save: (grantId, grant) =>
        this.keychain.save((r) => ({ ...r, grants: { ...r.grants, [grantId]: grant } })),
      renewed: (grantId, token) => {
        for (const a of this.all()) if (this.grantOf.get(a.accountId) === grantId) a.useToken(token);
      },
    });
  }

  /** "Sign in with Harvest" is offered: a Harvest ID client id is configured. */
  get harvestSignIn(): boolean {
    return this.browser.offered;
  }

  /** The accounts waiting to be picked, each saying whether Sheaf is signed in to it already. */
  get accountChoice(): AppState['accountChoice'] {
    return this.choice.view((id) => this.accounts.get(id)?.signedIn ?? false);
  }

  /** The shown account's session; signed out (with why) when there is none. */
  get state(): Session {
    return this.active?.state ?? this.signedOut;
  }

  /** The shown account's settings (the defaults before the first sign-in). */
  get prefs(): AccountPrefs {
    return this.active?.prefs ?? defaultPrefs;
  }

  /** The shown account's data, signed in or not (a refused token keeps it for its unsent changes). */
  get account(): AccountData | null {
    return this.active?.data ?? null;
  }

  /** Every account, in the order signed in to. */
  all(): SignedInAccount[] {
    return [...this.accounts.values()];
  }

  get activeAccountId(): string | null {
    return this.activeId;
  }

  /** The shown account's data while someone is signed in to it. */
  signedInAccount(): AccountData | null {
    return this.active?.signedIn ? this.active.data : null;
  }

  /** The shown account, or the refusal every command that needs one gives. */
  requireAccount(): AccountData {
    const account = this.signedInAccount();
    if (!account) throw new SignInFirstError();
    return account;
  }

  signedInTimer(): Timesheet | null {
    return this.signedInAccount()?.timer ?? null;
  }

  /** Every signed-in account's timer (the schedule refreshes them all). */
  signedInTimers(): Timesheet[] {
    return this.all().flatMap((a) => (a.signedIn && a.data ? [a.data.timer] : []));
  }

  /** Restores the session: the environment's token, else the keychain's accounts, else the demo. */
  async start(autoDemo: boolean): Promise<void> {
    if (this.lifetime.isDisposed) return;
    const env = this.env;
    if (env.token) {
      this.saving = notSaving;
      if (env.accountId) return this.restore(env.accountId, tokenGrant(env.token));
      // HARVEST_ACCESS_TOKEN alone: its Harvest accounts, picked like a token typed without an account id.
      const token = env.token;
      await this.steps
        .run(() => this.offer({ kind: 'token', token }, token))
        .catch((err: unknown) => {
          this.signedOut = { status: 'signed_out', message: signInMessage(err) };
          this.deps.emit();
        });
      return;
    }
    const record = await this.keychain.load();
    for (const { accountId, grantId } of record.accounts) {
      const stored = record.grants[grantId];
      if (!stored) continue;
      this.grantOf.set(accountId, grantId);
      await this.restore(accountId, this.grants.grantFor(grantId, stored));
    }
    if (record.active && this.accounts.has(record.active)) this.activeId = record.active;
    if (this.accounts.size > 0) return this.deps.emit();
    if (autoDemo && this.options.demo) await this.signInDemo().catch(() => undefined);
    else this.deps.emit();
  }

  /** A personal token: to the account given, or to the token's Harvest accounts (the person picks several). */
  signIn({ token, accountId }: { token: string; accountId?: string }): Promise<void> {
    const grant: StoredGrant = { kind: 'token', token };
    return this.steps.run(async () => {
      this.saving = savingTo(this.keychain);
      if (accountId) return this.openGranted(grant, [accountId]);
      await this.offer(grant, token);
    });
  }

  /** Harvest ID in the browser, its answer on a loopback redirect, then the accounts it reached. */
  async signInWithHarvest(): Promise<void> {
    const showing = this.signedOut;
    if (!this.active && this.browser.offered) {
      this.signedOut = { status: 'signing_in' };
      this.deps.emit();
    }
    try {
      const tokens = await this.browser.start();
      await this.steps.run(() => {
        this.saving = savingTo(this.keychain);
        return this.offer({ kind: 'oauth', ...tokens }, tokens.accessToken);
      });
    } catch (err) {
      this.signedOut = this.active ? showing : { status: 'signed_out', message: null };
      this.deps.emit();
      throw err;
    }
  }

  cancelSignIn(): void {
    this.browser.cancel();
  }

  /** Signs in to the picked accounts of the grant waiting for a choice (`someoneElse`: theirs, confirmed). */
  chooseAccounts(accountIds: readonly string[], someoneElse?: boolean): Promise<void> {
    return this.steps.run(() => this.openGranted(this.choice.take(accountIds, someoneElse), accountIds));
  }

  cancelAccountChoice(): void {
    this.choice.cancel();
    this.deps.emit();
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
      await this.saving.shown(accountId);
      this.deps.emit();
    });
  }

  /** Out of one account, or every one; what would be left behind needs `choice` first (sign-out.ts). */
  signOut(accountId?: string, choice: SignOutChoice = {}): Promise<void> {
    return this.steps.run(async () => {
      const everyAccount = accountId === undefined;
      const leaving = everyAccount ? this.all() : this.all().filter((a) => a.accountId === accountId);
      const where = leaving.length === 1 ? leaving[0]!.name : 'your accounts';
      await settleBeforeSignOut(leaving, { everyAccount, choice, where });
      for (const account of leaving) {
        // Kept means kept for the next sign-in, not sent on the way out.
        await account.close(choice.waiting === 'keep' ? 0 : 2000);
        this.accounts.delete(account.accountId);
        if (!account.demo) await this.saving.signedOut(account.accountId);
      }
      if (!this.all().some((a) => a.demo)) await this.closeDemo();
      if (this.activeId === null || !this.accounts.has(this.activeId)) this.activeId = this.firstId();
      if (this.signedInTimers().length === 0) this.schedule.stop();
      this.signedOut = { status: 'signed_out', message: null };
      this.deps.emit();
    });
  }

  /** Quitting: unsent changes get up to `waitForSyncMs` to go, each cache is saved, then nothing more is sent. */
  async dispose(waitForSyncMs: number): Promise<void> {
    this.schedule.dispose();
    this.lifetime.dispose();
    this.browser.cancel();
    this.grants.dispose();
    await Promise.all(this.all().map((a) => a.close(waitForSyncMs)));
    // From here on, nothing reaches Harvest: a late retry or check-in of this instance is silent.
    this.closed = true;
    await this.closeDemo();
  }

  private get active(): SignedInAccount | null {
    return this.activeId === null ? null : (this.accounts.get(this.activeId) ?? null);
  }

  private firstId(): string | null {
    return this.accounts.keys().next().value ?? null;
  }

  /** The signed-in account, made on first use; signing in again to it carries its data on. */
  private accountFor(
    accountId: string,
    grant: AccountGrant,
    how: { demo?: DemoServer; baseUrl?: string } = {},
  ): SignedInAccount {
    const credentials = { accountId, baseUrl: how.baseUrl ?? this.env.baseUrl, grant };
    const known = this.accounts.get(accountId);
    if (known && known.demo === Boolean(how.demo)) {
      known.useCredentials(credentials);
      return known;
    }
    known?.dispose();
    const account = new SignedInAccount(credentials, Boolean(how.demo), {
      options: this.options,
      clock: this.clock,
      fetch: this.fetch,
      notices: this.deps.notices,
      steps: this.steps,
      weekStartFor: this.deps.weekStartFor,
      signedIn: () => {
        this.schedule.assignmentsLoaded();
        this.schedule.start();
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
  private restore(accountId: string, grant: AccountGrant): Promise<void> {
    return this.steps.run(async () => {
      const account = this.accountFor(accountId, grant);
      this.activeId ??= accountId;
      if (await account.restoreFromCache()) return;
      // The message is in the account's session; the person signs in again.
      await account.open().catch(() => undefined);
    });
  }

  /** The grant's Harvest accounts: one is signed in to at once; several wait for the person to pick. */
  private async offer(grant: StoredGrant, token: string): Promise<void> {
    const { user, accounts } = await listAccounts({
      baseUrl: this.harvestId.baseUrl,
      fetch: this.fetch,
      token,
    });
    // Adding accounts while signed in: the new ones may be another Harvest user's (whose-sign-in.ts).
    const someoneElse = someoneElseSignedIn(user, peopleSignedIn(this.all(), this.active));
    const only = this.choice.offerFrom(grant, accounts, user, someoneElse);
    if (only !== null) return this.openGranted(grant, [only]);
    this.deps.emit();
  }

  /** Signs in to each account with the grant (the first one shown), and keeps the grant in the keychain. */
  private async openGranted(grant: StoredGrant, accountIds: readonly string[]): Promise<void> {
    await this.closeDemo();
    const grantId = grantIdFor(grant);
    const opened: string[] = [];
    let failure: unknown = null;
    for (const accountId of accountIds) {
      try {
        await this.openNow(accountId, this.grants.grantFor(grantId, grant));
        this.grantOf.set(accountId, grantId);
        opened.push(accountId);
      } catch (err) {
        failure ??= err;
      }
    }
    if (opened.length > 0) {
      this.activeId = opened[0]!;
      await this.saving.signedIn(grantId, grant, opened);
      this.deps.emit();
    }
    if (failure) throw failure;
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
