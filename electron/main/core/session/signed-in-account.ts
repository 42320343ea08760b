// Owns one signed-in account: signing in to it (the profile, the company's settings, a zone mismatch told once),
// a cold start shown from its saved copy and checked with Harvest behind, a refused token (a personal token
// revoked, or a Harvest sign-in whose refresh failed) signing just this account out with its unsent changes
// kept, and its AccountData. The session holds one of these per account the person signed in to.
import type { WeekStartDay } from '../../../../shared/calendar';
import { defaultPrefs, type AccountPrefs, type Session } from '../../../../shared/state';
import type { SessionOptions } from './options';
import { AccountData } from '../account/account-data';
import { prefsFrom, readProfile, zoneMismatch } from '../account/account-profile';
import { HarvestClient } from '../harvest/client';
import { HarvestError, UnauthorizedError } from '../harvest/errors';
import { computerZone } from '../../../../shared/harvest/time-zones';
import { LastSessionFile, signedInSession, type LastSession } from './last-session';
import { DisposableStore, type Disposable } from '../base/lifecycle';
import type { Notices } from '../base/notices';
import type { Clock, Fetch } from '../ports';
import type { Serial } from '../base/serial';

/** How Sheaf reaches one account: its id, Harvest's address, and the grant that lends it a token. */
export interface AccountCredentials {
  accountId: string;
  baseUrl: string;
  grant: AccountGrant;
}

/** A personal token, or a Harvest sign-in whose access token refreshes (shared by the accounts it reaches). */
export interface AccountGrant {
  /** The access token to use now (a Harvest sign-in refreshes it first when it is about to expire). */
  token(): Promise<string>;
  /** A request was refused with this token: a Harvest sign-in tries a refresh; null when nothing more helps. */
  renewed(): Promise<string | null>;
  /** What the person is told when Harvest stops accepting it. */
  refusedMessage: string;
}

/** A personal access token: nothing to refresh. */
export function tokenGrant(token: string): AccountGrant {
  return {
    token: async () => token,
    renewed: async () => null,
    refusedMessage:
      'Harvest no longer accepts your token (revoked or expired). Sign in again; unsent changes are kept.',
  };
}

export interface SignedInAccountDeps {
  options: SessionOptions;
  clock: Clock;
  fetch: Fetch;
  notices: Notices;
  /** Session steps, one at a time across every account. */
  steps: Serial;
  weekStartFor(prefs: AccountPrefs): WeekStartDay;
  /** The account's sign-in finished (assignments loaded): the schedule starts, its assignments are fresh. */
  signedIn(): void;
  /** This account's state changed: show the state again. */
  emit(): void;
}

export function signInMessage(err: unknown): string {
  if (err instanceof UnauthorizedError) {
    return 'Harvest did not accept that token and account ID. Check both at id.getharvest.com/developers and try again.';
  }
  if (err instanceof HarvestError) return err.message;
  return 'Sign-in failed unexpectedly. Try again.';
}

export class SignedInAccount implements Disposable {
  readonly accountId: string;
  private session: Session = { status: 'signing_in' };
  private accountPrefs: AccountPrefs = defaultPrefs;
  private opened: AccountData | null = null;
  private lastName = 'Harvest';
  private readonly lastSession: LastSessionFile;
  /** The background check-in's retries. */
  private readonly lifetime = new DisposableStore();

  constructor(
    private creds: AccountCredentials,
    readonly demo: boolean,
    private readonly deps: SignedInAccountDeps,
  ) {
    this.accountId = creds.accountId;
    this.lastSession = new LastSessionFile(deps.options.dataDir, creds.accountId);
  }

  get credentials(): AccountCredentials {
    return this.creds;
  }

  /** Its Harvest sign-in refreshed ahead of expiry: requests from now on carry the new access token. */
  useToken(token: string): void {
    this.opened?.useApi(this.clientWith(token));
  }

  /** Signed in again (a new token or a new Harvest sign-in): the same data carries on with it. */
  useCredentials(credentials: AccountCredentials): void {
    this.creds = credentials;
  }

  get state(): Session {
    return this.session;
  }

  get prefs(): AccountPrefs {
    return this.accountPrefs;
  }

  /** The account's data, signed in or not (a refused token keeps it for its unsent changes). */
  get data(): AccountData | null {
    return this.opened;
  }

  /** The account's name as Harvest gives it (kept from the last sign-in while signed out). */
  get name(): string {
    return this.session.status === 'signed_in' ? this.session.accountName : this.lastName;
  }

  get signedIn(): boolean {
    return this.session.status === 'signed_in';
  }

  /** Signs in now, waiting on Harvest (`background`: the person already sees the saved copy; no spinner). */
  async open(how: { background?: boolean } = {}): Promise<void> {
    const shown = this.session;
    if (!how.background) {
      this.session = { status: 'signing_in' };
      this.deps.emit();
    }
    try {
      const api = await this.client();
      const { me, company } = await readProfile(api, this.deps.options.log);
      this.accountPrefs = prefsFrom(company);
      const told = this.demo ? null : await this.lastSession.toldZoneMismatch();
      const zone = zoneMismatch(
        me.timezone,
        this.deps.options.timeZone ?? computerZone(),
        this.deps.clock.now(),
      );
      if (zone && zone.key !== told) this.deps.notices.tellOnce(zone.message);
      const last: LastSession = {
        accountId: this.accountId,
        userId: me.id,
        userName: `${me.first_name} ${me.last_name}`.trim(),
        email: me.email,
        accountName: company?.name ?? 'Harvest',
        weeklyCapacitySeconds: me.weekly_capacity ?? null,
        prefs: this.accountPrefs,
        companyReadable: company !== null,
        toldZoneMismatch: zone?.key ?? null,
      };
      const account = await this.openData(api, last);
      await account.timesheet.load();
      account.timesheet.carryOnSending();
      this.session = signedInSession(last, this.demo);
      this.lastName = last.accountName;
      if (!this.demo) await this.lastSession.write(last, this.deps.options.log);
      this.deps.signedIn();
      this.deps.emit();
      if (!this.demo) await this.opened?.saveCache();
    } catch (err) {
      this.session =
        how.background && !(err instanceof UnauthorizedError)
          ? shown
          : { status: 'signed_out', message: signInMessage(err) };
      this.deps.emit();
      throw err;
    }
  }

  /**
   * With a saved copy of this account's last session, shows it at once and checks with Harvest behind: opening
   * never waits on the network, and offline the person keeps working from the cache. False when there is none.
   */
  async restoreFromCache(): Promise<boolean> {
    const read = await this.lastSession.read();
    if (read.problem) this.deps.notices.tell(read.problem);
    const last = read.value;
    if (!last || last.accountId !== this.accountId) return false;
    this.accountPrefs = last.prefs;
    await this.openData(await this.client(), last);
    this.session = signedInSession(last, false);
    this.lastName = last.accountName;
    this.deps.emit();
    this.checkInBackground(this.deps.options.retryDelayMs ?? 1000);
    return true;
  }

  /** Quitting or signing out: unsent changes get up to `waitForSyncMs` to go, the cache is saved, then it stops. */
  async close(waitForSyncMs: number): Promise<void> {
    this.lifetime.dispose();
    await this.opened?.timesheet.whenIdleOrTimeout(waitForSyncMs);
    if (!this.demo) await this.opened?.saveCache();
    this.opened?.dispose();
  }

  dispose(): void {
    this.lifetime.dispose();
    this.opened?.dispose();
  }

  /** This account and person's data: the open one carries on (a new token), any other is a fresh one. */
  private async openData(api: HarvestClient, last: LastSession): Promise<AccountData> {
    const open = this.opened;
    if (open && open.userId === last.userId) {
      open.useApi(api);
      return open;
    }
    open?.dispose();
    const o = this.deps.options;
    const account = new AccountData(
      {
        accountId: this.accountId,
        userId: last.userId,
        prefs: last.prefs,
        weekStartDay: this.deps.weekStartFor(last.prefs),
        companyReadable: last.companyReadable,
        demo: this.demo,
      },
      api,
      {
        dataDir: o.dataDir,
        clock: this.deps.clock,
        weekStartDay: () => this.deps.weekStartFor(this.accountPrefs),
        onChange: () => this.deps.emit(),
        onUnauthorized: () => void this.tokenRefused(),
        tell: (problem) => this.deps.notices.tell(problem),
        log: o.log,
        debug: o.debug,
        retryDelayMs: o.retryDelayMs,
      },
    );
    this.opened = account;
    await account.restore();
    return account;
  }

  /**
   * Harvest refused the token. A Harvest sign-in refreshes and carries on where it was; otherwise this account
   * is signed out, and its unsent changes stay in the paused timer and the outbox until the person signs in again.
   */
  private async tokenRefused(): Promise<void> {
    if (this.session.status !== 'signed_in') return;
    const renewed = await this.creds.grant.renewed().catch(() => null);
    if (renewed !== null && this.opened) {
      this.opened.useApi(this.clientWith(renewed));
      this.opened.timesheet.carryOnSending();
      return;
    }
    this.session = { status: 'signed_out', message: this.creds.grant.refusedMessage };
    this.deps.emit();
  }

  /** Confirms a cached session with Harvest; offline, keeps trying (backing off to a minute) while it lasts. */
  private checkInBackground(delayMs: number): void {
    // In line with the person's own sign-in and sign-out: a late check-in must not undo a sign-out.
    void this.deps.steps
      .run(async () => {
        if (!this.lifetime.isDisposed) await this.open({ background: true });
      })
      .catch((err) => {
        if (err instanceof UnauthorizedError || this.lifetime.isDisposed) return;
        this.lifetime.timeout(() => this.checkInBackground(Math.min(delayMs * 2, 60_000)), delayMs);
      });
  }

  private async client(): Promise<HarvestClient> {
    return this.clientWith(await this.creds.grant.token());
  }

  private clientWith(token: string): HarvestClient {
    return new HarvestClient({
      baseUrl: this.creds.baseUrl,
      token,
      accountId: this.accountId,
      fetch: this.deps.fetch,
      clock: this.deps.clock,
      ...this.deps.options.harvest,
    });
  }
}
