// Owns the session: sign in with a token or to the demo, sign out, a revoked token, a cold start from the cache
// checked with Harvest in the background, and the token in the keychain. Session steps run one at a time; the
// account they sign in to is opened here as an AccountContext and disposed on sign-out or quit.
import type { WeekStartDay } from '../../../shared/calendar';
import { defaultPrefs, type AccountPrefs, type Session } from '../../../shared/state';
import type { SheafAppOptions } from './app-options';
import { AccountContext } from './account-context';
import { prefsFrom, readProfile, zoneMismatch } from './account-profile';
import { NotAllowedError, SignInFirstError } from './errors';
import { HarvestClient } from './harvest/client';
import { harvestConfigFromEnv, type HarvestEnvConfig } from './harvest/env';
import { HarvestError, UnauthorizedError } from './harvest/errors';
import { computerZone } from '../../../shared/harvest/time-zones';
import { LastSessionFile, signedInSession, type LastSession } from './last-session';
import { DisposableStore } from './lifecycle';
import type { Notices } from './notices';
import { systemClock, type Clock, type DemoServer, type Fetch } from './ports';
import type { Schedule } from './schedule';
import { Serial } from './serial';
import type { TimerService } from './timesheet';

/** The keychain entry: token and account id together, so one lookup restores the session. */
const keychainAccount = 'harvest';

/** What "Try the demo" says in a host that passed no demo Harvest. */
export const demoUnavailableMessage =
  "The demo isn't available in this host. Sign in with a Harvest token instead.";

interface Credentials {
  token: string;
  accountId: string;
  baseUrl: string;
}

export interface SessionDeps {
  notices: Notices;
  /** The week start `prefs` mean with the person's Settings (see account-profile's weekStartFor). */
  weekStartFor(prefs: AccountPrefs): WeekStartDay;
  schedule: Pick<Schedule, 'start' | 'stop' | 'assignmentsLoaded'>;
  /** The session or its account changed: show the state again. */
  emit(): void;
}

function signInMessage(err: unknown): string {
  if (err instanceof UnauthorizedError) {
    return 'Harvest did not accept that token and account ID. Check both at id.getharvest.com/developers and try again.';
  }
  if (err instanceof HarvestError) return err.message;
  return 'Sign-in failed unexpectedly. Try again.';
}

export class SessionService {
  private session: Session = { status: 'signed_out', message: null };
  private accountPrefs: AccountPrefs = defaultPrefs;
  /** Kept while signed out by a revoked token: its unsent changes carry on when the same account signs in. */
  private opened: AccountContext | null = null;
  private credentials: Credentials | null = null;
  private demo: DemoServer | null = null;
  private fromEnvironment = false;
  /** Sign-in, the demo and sign-out one at a time: a triple-clicked "Try the demo" must not start three demos. */
  private readonly sessionSteps = new Serial();
  private demoSigningIn: Promise<void> | null = null;
  /** The background check-in's retries. */
  private readonly lifetime = new DisposableStore();
  /** After dispose nothing reaches Harvest, whatever timer or late answer would still try. */
  private closed = false;
  private readonly env: HarvestEnvConfig;
  private readonly clock: Clock;
  private readonly lastSession: LastSessionFile;
  private readonly fetch: Fetch;

  constructor(
    private readonly options: SheafAppOptions,
    private readonly deps: SessionDeps,
  ) {
    this.env = harvestConfigFromEnv(options.env);
    this.clock = options.clock ?? systemClock;
    this.lastSession = new LastSessionFile(options.dataDir);
    this.fetch = (input, init) =>
      this.closed ? Promise.reject(new Error('Sheaf has shut down')) : options.fetch(input, init);
  }

  get state(): Session {
    return this.session;
  }

  /** The signed-in account's settings (the defaults before the first sign-in). */
  get prefs(): AccountPrefs {
    return this.accountPrefs;
  }

  /** The open account, signed in or not (a revoked token keeps it for its unsent changes). */
  get account(): AccountContext | null {
    return this.opened;
  }

  /** The open account while someone is signed in to it. */
  signedInAccount(): AccountContext | null {
    return this.session.status === 'signed_in' ? this.opened : null;
  }

  /** The open account, or the refusal every command that needs one gives. */
  requireAccount(): AccountContext {
    const account = this.signedInAccount();
    if (!account) throw new SignInFirstError();
    return account;
  }

  signedInTimer(): TimerService | null {
    return this.signedInAccount()?.timer ?? null;
  }

  /** Restores the session: the environment's token first, then the keychain's, else the demo or signed out. */
  async start(autoDemo: boolean): Promise<void> {
    if (this.disposed) return;
    const env = this.env;
    if (env.token && env.accountId) {
      this.fromEnvironment = true;
      await this.resume({ token: env.token, accountId: env.accountId, baseUrl: env.baseUrl }).catch(
        () => undefined,
      );
      return;
    }
    const stored = await this.options.secrets.get(keychainAccount).catch(() => null);
    if (stored) {
      try {
        const { token, accountId } = JSON.parse(stored) as { token: string; accountId: string };
        await this.resume({ token, accountId, baseUrl: env.baseUrl });
      } catch {
        // The message is already in the session; the person signs in again.
      }
      return;
    }
    if (autoDemo && this.options.demo) await this.signInDemo().catch(() => undefined);
    else this.deps.emit();
  }

  signIn({ token, accountId }: { token: string; accountId: string }): Promise<void> {
    return this.sessionSteps.run(async () => {
      await this.closeDemo();
      this.fromEnvironment = false;
      await this.open({ token, accountId, baseUrl: this.env.baseUrl }, { persist: true, demo: false });
    });
  }

  /** Pressed again while it is on its way: the same sign-in, not another demo server. */
  signInDemo(): Promise<void> {
    const demoHarvest = this.options.demo;
    if (!demoHarvest) return Promise.reject(new NotAllowedError(demoUnavailableMessage));
    return (this.demoSigningIn ??= this.sessionSteps
      .run(async () => {
        await this.closeDemo();
        const demo = (this.demo = await demoHarvest.start({ clock: this.clock }));
        await this.open(
          { token: demo.token, accountId: demo.accountId, baseUrl: demo.url },
          { persist: false, demo: true },
        );
      })
      .finally(() => (this.demoSigningIn = null)));
  }

  signOut(): Promise<void> {
    return this.sessionSteps.run(async () => {
      await this.opened?.timer.whenIdleOrTimeout(2000);
      this.opened?.dispose();
      this.opened = null;
      this.credentials = null;
      this.deps.schedule.stop();
      await this.closeDemo();
      if (!this.fromEnvironment) await this.options.secrets.delete(keychainAccount).catch(() => undefined);
      this.session = { status: 'signed_out', message: null };
      this.deps.emit();
    });
  }

  /** Quitting: unsent changes get up to `waitForSyncMs` to go, the cache is saved, then nothing more is sent. */
  async dispose(waitForSyncMs: number): Promise<void> {
    this.lifetime.dispose();
    await this.opened?.timer.whenIdleOrTimeout(waitForSyncMs);
    await this.opened?.saveCache();
    this.opened?.dispose();
    // From here on, nothing reaches Harvest: a late retry or check-in of this instance is silent.
    this.closed = true;
    await this.closeDemo();
  }

  private get disposed(): boolean {
    return this.lifetime.isDisposed;
  }

  /** `background`: the person already sees their cached session; check with Harvest without a spinner. */
  private async open(
    c: Credentials,
    how: { persist: boolean; demo: boolean; background?: boolean },
  ): Promise<void> {
    const shown = this.session;
    if (!how.background) {
      this.session = { status: 'signing_in' };
      this.deps.emit();
    }
    try {
      const api = this.client(c);
      const { me, company } = await readProfile(api, this.options.log);
      this.accountPrefs = prefsFrom(company);
      const told = how.demo ? null : await this.lastSession.toldZoneMismatch(c.accountId);
      const zone = zoneMismatch(me.timezone, this.options.timeZone ?? computerZone(), this.clock.now());
      if (zone && zone.key !== told) this.deps.notices.tellOnce(zone.message);
      const last: LastSession = {
        accountId: c.accountId,
        userId: me.id,
        userName: `${me.first_name} ${me.last_name}`.trim(),
        email: me.email,
        accountName: company?.name ?? 'Harvest',
        weeklyCapacitySeconds: me.weekly_capacity ?? null,
        prefs: this.accountPrefs,
        companyReadable: company !== null,
        toldZoneMismatch: zone?.key ?? null,
      };
      const account = await this.openAccount(c, api, last, how.demo);
      await account.timer.load();
      this.deps.schedule.assignmentsLoaded();
      account.timer.resume();
      this.credentials = c;
      this.session = signedInSession(last, how.demo);
      if (how.persist) {
        await this.options.secrets.set(
          keychainAccount,
          JSON.stringify({ token: c.token, accountId: c.accountId }),
        );
      }
      if (!how.demo) await this.lastSession.write(last, this.options.log);
      this.deps.schedule.start();
      this.deps.emit();
      if (!how.demo) await this.opened?.saveCache();
    } catch (err) {
      this.session =
        how.background && !(err instanceof UnauthorizedError)
          ? shown
          : { status: 'signed_out', message: signInMessage(err) };
      this.deps.emit();
      throw err;
    }
  }

  /** This account and person's context: the open one carries on, any other is closed for a fresh one. */
  private async openAccount(
    c: Credentials,
    api: HarvestClient,
    last: LastSession,
    demo: boolean,
  ): Promise<AccountContext> {
    const open = this.opened;
    if (open && this.credentials?.accountId === c.accountId && open.userId === last.userId) {
      open.useApi(api);
      return open;
    }
    open?.dispose();
    const account = new AccountContext(
      {
        accountId: c.accountId,
        userId: last.userId,
        prefs: last.prefs,
        weekStartDay: this.deps.weekStartFor(last.prefs),
        companyReadable: last.companyReadable,
        demo,
      },
      api,
      {
        dataDir: this.options.dataDir,
        clock: this.clock,
        weekStartDay: () => this.deps.weekStartFor(this.accountPrefs),
        onChange: () => this.deps.emit(),
        onUnauthorized: () => this.tokenRefused(),
        tell: (problem) => this.deps.notices.tell(problem),
        log: this.options.log,
        debug: this.options.debug,
        retryDelayMs: this.options.retryDelayMs,
      },
    );
    this.opened = account;
    await account.restore();
    return account;
  }

  private tokenRefused(): void {
    // Unsent changes stay in the paused timer and the outbox; signing in again to the same account carries on.
    this.session = {
      status: 'signed_out',
      message:
        'Harvest no longer accepts your token (revoked or expired). Sign in again; unsent changes are kept.',
    };
    this.deps.schedule.stop();
    this.deps.emit();
  }

  /** Signs in to a known token; the first answer may wait on Harvest. */
  private resume(c: Credentials): Promise<void> {
    return this.sessionSteps.run(async () => {
      if (await this.resumeFromCache(c)) return;
      await this.open(c, { persist: false, demo: false });
    });
  }

  /**
   * With a known token and a saved copy of the last session, show it at once and check with Harvest behind:
   * opening never waits on the network, and offline the person keeps working from the cache.
   */
  private async resumeFromCache(c: Credentials): Promise<boolean> {
    const read = await this.lastSession.read();
    if (read.problem) this.deps.notices.tell(read.problem);
    const last = read.value;
    if (!last || last.accountId !== c.accountId) return false;
    this.accountPrefs = last.prefs;
    await this.openAccount(c, this.client(c), last, false);
    this.credentials = c;
    this.session = signedInSession(last, false);
    this.deps.emit();
    this.checkInBackground(c, this.options.retryDelayMs ?? 1000);
    return true;
  }

  /** Confirms a cached session with Harvest; offline, keeps trying (backing off to a minute) while it lasts. */
  private checkInBackground(c: Credentials, delayMs: number): void {
    // In line with the person's own sign-in and sign-out: a late check-in must not undo a sign-out.
    void this.sessionSteps
      .run(async () => {
        if (this.credentials === c && !this.disposed)
          await this.open(c, { persist: false, demo: false, background: true });
      })
      .catch((err) => {
        if (err instanceof UnauthorizedError || this.credentials !== c || this.disposed) return;
        this.lifetime.timeout(() => this.checkInBackground(c, Math.min(delayMs * 2, 60_000)), delayMs);
      });
  }

  private client(c: Credentials): HarvestClient {
    return new HarvestClient({
      baseUrl: c.baseUrl,
      token: c.token,
      accountId: c.accountId,
      fetch: this.fetch,
      clock: this.clock,
      ...this.options.harvest,
    });
  }

  private async closeDemo(): Promise<void> {
    const d = this.demo;
    this.demo = null;
    await d?.close();
  }
}
