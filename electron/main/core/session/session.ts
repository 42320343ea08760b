// Owns the session: every account the person is signed in to (one SignedInAccount each) and which one is shown;
// signing in with a token or to the demo, switching, signing out of one account or all; the environment's
// token; the keychain record (saving.ts: where it saves); and the schedule that refreshes the accounts. Session
// steps run one at a time across accounts. Its parts are built in session-parts.ts; the list in account-list.ts.
import { defaultPrefs, type AccountPrefs, type AppState, type Session } from '../../../../shared/state';
import type { SessionOptions } from './options';
import type { AccountData } from '../account/account-data';
import { SignedInAccount, signInMessage, tokenGrant, type AccountGrant } from './signed-in-account';
import { demoUnavailableMessage, NotAllowedError, SignInFirstError } from '../base/errors';
import { grantIdFor } from './grants';
import { AccountChoice } from './account-choice';
import { peopleSignedIn, someoneElseSignedIn } from './whose-sign-in';
import { listAccounts } from '../harvest-id';
import type { StoredGrant } from './keychain';
import { notSaving, savingTo, type SessionSaving } from './saving';
import { DisposableStore } from '../base/lifecycle';
import type { DemoServer } from '../ports';
import type { Schedule } from './schedule';
import type { AccountList } from './account-list';
import { sessionParts, type SessionDeps, type SessionParts } from './session-parts';

export type { SessionDeps } from './session-parts';
import { settleBeforeSignOut, type SignOutChoice } from './sign-out';
import type { Timesheet } from '../timesheet';

export { demoUnavailableMessage } from '../base/errors';

export class SessionService {
  /** Every account signed in to, in the order signed in, and the one shown; kept while signed out by a refused token. */
  private readonly accounts: AccountList;
  /** Shown while no account is: the last sign-in's failure, or a sign-out. */
  private signedOut: Session = { status: 'signed_out', message: null };
  private demo: DemoServer | null = null;
  private demoSigningIn: Promise<void> | null = null;
  private readonly lifetime = new DisposableStore();
  private readonly parts: SessionParts;
  /** Where who is signed in is kept: the keychain, or nowhere while on the environment's token. */
  private saving: SessionSaving;
  private readonly choice = new AccountChoice();
  /** When the signed-in accounts refresh by themselves, see a new day, and save their cache. */
  readonly schedule: Schedule;

  constructor(
    private readonly options: SessionOptions,
    private readonly deps: SessionDeps,
  ) {
    this.parts = sessionParts(options, deps, () => this.signedInTimesheets());
    this.accounts = this.parts.accounts;
    this.schedule = this.parts.schedule;
    this.saving = savingTo(this.parts.keychain);
  }

  /** "Sign in with Harvest" is offered: a Harvest ID client id is configured. */
  get harvestSignIn(): boolean {
    return this.parts.browser.offered;
  }

  /** The accounts waiting to be picked, each saying whether Sheaf is signed in to it already. */
  get accountChoice(): AppState['accountChoice'] {
    return this.choice.view((id) => this.accounts.get(id)?.signedIn ?? false);
  }

  /** The shown account's session; signed out (with why) when there is none. */
  get state(): Session {
    return this.accounts.shown?.state ?? this.signedOut;
  }

  /** The shown account's settings (the defaults before the first sign-in). */
  get prefs(): AccountPrefs {
    return this.accounts.shown?.prefs ?? defaultPrefs;
  }

  /** The shown account's data, signed in or not (a refused token keeps it for its unsent changes). */
  get accountData(): AccountData | null {
    return this.accounts.shown?.data ?? null;
  }

  /** Every account, in the order signed in to. */
  all(): SignedInAccount[] {
    return this.accounts.all();
  }

  get activeAccountId(): string | null {
    return this.accounts.shownId;
  }

  /** The shown account's data while someone is signed in to it. */
  signedInData(): AccountData | null {
    return this.accounts.shown?.signedIn ? this.accounts.shown.data : null;
  }

  /** The shown account's data, or the refusal every command that needs one gives. */
  requireAccountData(): AccountData {
    const data = this.signedInData();
    if (!data) throw new SignInFirstError();
    return data;
  }

  /** The shown account's timesheet while someone is signed in to it. */
  signedInTimesheet(): Timesheet | null {
    return this.signedInData()?.timesheet ?? null;
  }

  /** Every signed-in account's timesheet (the schedule refreshes them all). */
  signedInTimesheets(): Timesheet[] {
    return this.all().flatMap((a) => (a.signedIn && a.data ? [a.data.timesheet] : []));
  }

  /** Restores the session: the environment's token, else the keychain's accounts, else the demo. */
  async start(autoDemo: boolean): Promise<void> {
    if (this.lifetime.isDisposed) return;
    const env = this.parts.env;
    if (env.token) {
      this.saving = notSaving;
      if (env.accountId) return this.restore(env.accountId, tokenGrant(env.token));
      // HARVEST_ACCESS_TOKEN alone: its Harvest accounts, picked like a token typed without an account id.
      const token = env.token;
      await this.parts.steps
        .run(() => this.offer({ kind: 'token', token }, token))
        .catch((err: unknown) => {
          this.signedOut = { status: 'signed_out', message: signInMessage(err) };
          this.deps.emit();
        });
      return;
    }
    const record = await this.parts.keychain.load();
    for (const { accountId, grantId } of record.accounts) {
      const stored = record.grants[grantId];
      if (!stored) continue;
      this.parts.grantOf.set(accountId, grantId);
      await this.restore(accountId, this.parts.grants.grantFor(grantId, stored));
    }
    if (record.active && this.accounts.has(record.active)) this.accounts.shownId = record.active;
    if (this.accounts.size > 0) return this.deps.emit();
    if (autoDemo && this.options.demo) await this.signInDemo().catch(() => undefined);
    else this.deps.emit();
  }

  /** A personal token: to the account given, or to the token's Harvest accounts (the person picks several). */
  signIn({ token, accountId }: { token: string; accountId?: string }): Promise<void> {
    const grant: StoredGrant = { kind: 'token', token };
    return this.parts.steps.run(async () => {
      this.saving = savingTo(this.parts.keychain);
      if (accountId) return this.openGranted(grant, [accountId]);
      await this.offer(grant, token);
    });
  }

  /** Harvest ID in the browser, its answer on a loopback redirect, then the accounts it reached. */
  async signInWithHarvest(): Promise<void> {
    const showing = this.signedOut;
    if (!this.accounts.shown && this.parts.browser.offered) {
      this.signedOut = { status: 'signing_in' };
      this.deps.emit();
    }
    try {
      const tokens = await this.parts.browser.start();
      await this.parts.steps.run(() => {
        this.saving = savingTo(this.parts.keychain);
        return this.offer({ kind: 'oauth', ...tokens }, tokens.accessToken);
      });
    } catch (err) {
      this.signedOut = this.accounts.shown ? showing : { status: 'signed_out', message: null };
      this.deps.emit();
      throw err;
    }
  }

  cancelSignIn(): void {
    this.parts.browser.cancel();
  }

  /** Signs in to the picked accounts of the grant waiting for a choice (`someoneElse`: theirs, confirmed). */
  chooseAccounts(accountIds: readonly string[], someoneElse?: boolean): Promise<void> {
    return this.parts.steps.run(() =>
      this.openGranted(this.choice.take(accountIds, someoneElse), accountIds),
    );
  }

  cancelAccountChoice(): void {
    this.choice.cancel();
    this.deps.emit();
  }

  /** Pressed again while it is on its way: the same sign-in, not another demo server. */
  signInDemo(): Promise<void> {
    const demoHarvest = this.options.demo;
    if (!demoHarvest) return Promise.reject(new NotAllowedError(demoUnavailableMessage));
    return (this.demoSigningIn ??= this.parts.steps
      .run(async () => {
        await this.closeDemo();
        const demo = (this.demo = await demoHarvest.start({ clock: this.parts.clock }));
        const ids = demo.accountIds ?? [demo.accountId];
        // The demo's accounts replace whatever was shown; a real account signed in stays in the list.
        for (const id of ids) await this.openNow(id, tokenGrant(demo.token), { demo, baseUrl: demo.url });
        this.accounts.shownId = ids[0] ?? null;
        this.deps.emit();
      })
      .finally(() => (this.demoSigningIn = null)));
  }

  /** Shows another signed-in account at once, from what it already holds. */
  switchTo(accountId: string): Promise<void> {
    return this.parts.steps.run(async () => {
      if (!this.accounts.has(accountId)) throw new NotAllowedError("Sheaf isn't signed in to that account.");
      this.accounts.shownId = accountId;
      await this.saving.shown(accountId);
      this.deps.emit();
    });
  }

  /** Out of one account, or every one; what would be left behind needs `choice` first (sign-out.ts). */
  signOut(accountId?: string, choice: SignOutChoice = {}): Promise<void> {
    return this.parts.steps.run(async () => {
      const everyAccount = accountId === undefined;
      const leaving = everyAccount ? this.all() : this.all().filter((a) => a.accountId === accountId);
      const where = leaving.length === 1 ? leaving[0]!.name : 'your accounts';
      await settleBeforeSignOut(leaving, { everyAccount, choice, where });
      for (const account of leaving) {
        // Kept means kept for the next sign-in, not sent on the way out.
        await account.close(choice.waiting === 'keep' ? 0 : 2000);
        this.accounts.remove(account.accountId);
        if (!account.demo) await this.saving.signedOut(account.accountId);
      }
      if (!this.all().some((a) => a.demo)) await this.closeDemo();
      if (this.accounts.shownId === null || !this.accounts.has(this.accounts.shownId))
        this.accounts.shownId = this.accounts.firstId();
      if (this.signedInTimesheets().length === 0) this.schedule.stop();
      this.signedOut = { status: 'signed_out', message: null };
      this.deps.emit();
    });
  }

  /** Quitting: unsent changes get up to `waitForSyncMs` to go, each cache is saved, then nothing more is sent. */
  async dispose(waitForSyncMs: number): Promise<void> {
    this.schedule.dispose();
    this.lifetime.dispose();
    this.parts.browser.cancel();
    this.parts.grants.dispose();
    await Promise.all(this.all().map((a) => a.close(waitForSyncMs)));
    // From here on, nothing reaches Harvest: a late retry or check-in of this instance is silent.
    this.parts.shutDown();
    await this.closeDemo();
  }

  /** Signs in now, waiting on Harvest; the account is shown. A failure leaves no account behind. */
  private async openNow(
    accountId: string,
    grant: AccountGrant,
    how: { demo?: DemoServer; baseUrl?: string } = {},
  ): Promise<void> {
    const known = this.accounts.has(accountId);
    const account = this.accounts.accountFor(accountId, grant, how);
    const before = this.accounts.shownId;
    this.accounts.shownId = accountId;
    try {
      await account.open();
    } catch (err) {
      this.signedOut = account.state;
      if (!known) {
        account.dispose();
        this.accounts.remove(accountId);
        this.accounts.shownId =
          before !== null && this.accounts.has(before) ? before : this.accounts.firstId();
      }
      this.deps.emit();
      throw err;
    }
  }

  /** A known account at start: shown from its saved copy at once when there is one, else signed in now. */
  private restore(accountId: string, grant: AccountGrant): Promise<void> {
    return this.parts.steps.run(async () => {
      const account = this.accounts.accountFor(accountId, grant);
      this.accounts.shownId ??= accountId;
      if (await account.restoreFromCache()) return;
      // The message is in the account's session; the person signs in again.
      await account.open().catch(() => undefined);
    });
  }

  /** The grant's Harvest accounts: one is signed in to at once; several wait for the person to pick. */
  private async offer(grant: StoredGrant, token: string): Promise<void> {
    const { user, accounts } = await listAccounts({
      baseUrl: this.parts.harvestId.baseUrl,
      fetch: this.parts.fetch,
      token,
    });
    // Adding accounts while signed in: the new ones may be another Harvest user's (whose-sign-in.ts).
    const someoneElse = someoneElseSignedIn(user, peopleSignedIn(this.all(), this.accounts.shown));
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
        await this.openNow(accountId, this.parts.grants.grantFor(grantId, grant));
        this.parts.grantOf.set(accountId, grantId);
        opened.push(accountId);
      } catch (err) {
        failure ??= err;
      }
    }
    if (opened.length > 0) {
      this.accounts.shownId = opened[0]!;
      await this.saving.signedIn(grantId, grant, opened);
      this.deps.emit();
    }
    if (failure) throw failure;
  }

  private async closeDemo(): Promise<void> {
    const d = this.demo;
    this.demo = null;
    this.accounts.removeDemos();
    await d?.close();
  }
}
