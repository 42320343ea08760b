// Owns the session (sign in with a token, the demo account, sign out, a revoked token, a cold start from
// cache) and assembles the AppState snapshot from it and the timer service.
import { join } from 'node:path';
import { z } from 'zod';
import type { WeekStartDay } from '../../../shared/calendar';
import type { CommandHandlers } from '../../../shared/ipc';
import {
  AccountPrefs,
  AssignmentOption,
  defaultPrefs,
  emptyDay,
  type AppState,
  type Session,
} from '../../../shared/state';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import type { HostCommand, SheafApp, SheafAppOptions } from './app';
import { HarvestClient } from './harvest/client';
import { harvestConfigFromEnv } from './harvest/env';
import { HarvestError, UnauthorizedError } from './harvest/errors';
import { computerZone } from './harvest/time-zones';
import { prefsFrom, readProfile, zoneMismatch } from './account-profile';
import { CachedEntry } from './entries';
import { Favourites } from './favourites';
import { createDesktop } from './desktop';
import { accountDir, readJson, writeJson } from './local-store';
import { DisposableStore, type Disposable } from './lifecycle';
import { Outbox } from './outbox';
import { systemClock, type Fetch } from './ports';
import { Serial } from './serial';
import { Reports } from './reports';
import { TimerService, type TimerCache } from './timer';

/** The keychain entry: token and account id together, so one lookup restores the session. */
const keychainAccount = 'harvest';
const refreshEveryMs = 2 * 60_000;
const assignmentsEveryMs = 30 * 60_000;
const cacheDelayMs = 1000;

interface Credentials {
  token: string;
  accountId: string;
  baseUrl: string;
}

/** Who was signed in last, so a cold start can show them before Harvest answers. Nothing secret. */
const LastSession = z.object({
  accountId: z.string(),
  userId: z.number().int(),
  userName: z.string(),
  email: z.string(),
  accountName: z.string(),
  weeklyCapacitySeconds: z.number().nullable(),
  prefs: AccountPrefs,
  companyReadable: z.boolean(),
  /** The profile/computer zone pair the person was last told about (see zoneMismatch), so it is said once. */
  toldZoneMismatch: z.string().nullable().default(null),
});
type LastSession = z.infer<typeof LastSession>;

const CacheFile = z.object({
  savedAt: z.string(),
  assignments: z.array(AssignmentOption),
  entries: z.array(CachedEntry),
}) satisfies z.ZodType<TimerCache>;

function signInMessage(err: unknown): string {
  if (err instanceof UnauthorizedError) {
    return 'Harvest did not accept that token and account ID. Check both at id.getharvest.com/developers and try again.';
  }
  if (err instanceof HarvestError) return err.message;
  return 'Sign-in failed unexpectedly. Try again.';
}

export function createSheafApp(o: SheafAppOptions): SheafApp {
  const clock = o.clock ?? systemClock;
  const env = harvestConfigFromEnv(o.env);
  const lastSessionFile = join(o.dataDir, 'last-session.json');
  const listeners = new Set<(s: AppState) => void>();
  const startupNotices: string[] = [];
  let session: Session = { status: 'signed_out', message: null };
  let prefs: AccountPrefs = defaultPrefs;
  let timer: TimerService | null = null;
  let timerDir: string | null = null;
  let credentials: Credentials | null = null;
  let demo: Sandbox | null = null;
  let fromEnvironment = false;
  /** Every timer the app starts (refresh, midnight, cache save, background check-in), stopped by dispose(). */
  const lifetime = new DisposableStore();
  let refreshTimer: Disposable | null = null;
  let midnightTimer: Disposable | null = null;
  let cacheTimer: Disposable | null = null;
  /** Sign-in, the demo and sign-out one at a time: a triple-clicked "Try the demo" must not start three demos. */
  const sessionSteps = new Serial();
  let demoSigningIn: Promise<void> | null = null;
  /** After dispose nothing reaches Harvest, whatever timer or late answer would still try. */
  let closed = false;
  const fetch: Fetch = (input, init) =>
    closed ? Promise.reject(new Error('Sheaf has shut down')) : o.fetch(input, init);
  let lastAssignmentsAt = 0;
  let snapshot: AppState | null = null;
  const favourites = new Favourites();
  let reports: Reports | null = null;
  const desktop = createDesktop(o.desktop ?? {}, {
    clock,
    timer: () => (session.status === 'signed_in' ? timer : null),
    prefs: () => prefs,
    toggleTimer: () => signedIn().toggleTimer(),
    startTimer: (input) => signedIn().startTimer(input),
    onChange: () => {
      followWeekStart();
      emit();
    },
    log: o.log,
  });
  startupNotices.push(...desktop.notices());
  let disposed = false;

  /** The company's week start, or the person's choice in Settings when Sheaf can't read the company's. */
  function weekStartFor(p: AccountPrefs): WeekStartDay {
    return p.weekStartChosenHere ? desktop.settings().weekStartDay : p.weekStartDay;
  }

  /** A member changed the week start in Settings: the timer and reports follow. */
  function followWeekStart(): void {
    const day = weekStartFor(prefs);
    if (timer && timer.weekStartDay !== day) timer.useWeekStartDay(day);
  }

  function build(): AppState {
    const v = timer?.view();
    const shown = { ...prefs, weekStartDay: weekStartFor(prefs) };
    return {
      session,
      // What a member's entries taught Sheaf (timer style, clock) overrides the defaults it started from.
      prefs: v ? { ...shown, timestampTimers: v.timestampTimers, clock: v.clock } : shown,
      running: v?.running ?? null,
      today: v?.today ?? { date: '', entries: [], totalHours: 0 },
      week: v?.week ?? { start: '', end: '', totalHours: 0 },
      assignmentsVersion: v?.assignmentsVersion ?? 0,
      sync: v?.sync ?? { state: 'idle', pending: 0, lastSyncedAt: null, message: null },
      error: v?.error ?? null,
      notices: [...startupNotices, ...(v?.notices ?? [])],
      setAside: v?.setAside ?? [],
      day: v?.day ?? emptyDay,
      recent: v?.recent ?? [],
      favourites: favourites.list(),
      desktop: desktop.state(),
    };
  }

  function emit(): void {
    snapshot = build();
    for (const listener of listeners) listener(snapshot);
    scheduleCacheSave();
  }

  /** The last known state goes to disk a moment after it changes, so the next cold start opens instantly. */
  function scheduleCacheSave(): void {
    if (cacheTimer || !timer || !timerDir || session.status !== 'signed_in') return;
    cacheTimer = lifetime.timeout(() => {
      cacheTimer = null;
      void saveCache();
    }, cacheDelayMs);
  }

  async function saveCache(): Promise<void> {
    if (!timer || !timerDir) return;
    await writeJson(join(timerDir, 'cache.json'), timer.cache()).catch((err) =>
      o.log?.(`cache not saved: ${err}`),
    );
  }

  function onUnauthorized(): void {
    // Unsent changes stay in the paused timer and the outbox; signing in again to the same account carries on.
    session = {
      status: 'signed_out',
      message:
        'Harvest no longer accepts your token (revoked or expired). Sign in again; unsent changes are kept.',
    };
    stopRefreshing();
    emit();
  }

  function startRefreshing(): void {
    stopRefreshing();
    refreshTimer = lifetime.interval(() => void refresh(), refreshEveryMs);
    scheduleMidnight();
  }

  function stopRefreshing(): void {
    lifetime.delete(refreshTimer);
    lifetime.delete(midnightTimer);
    refreshTimer = null;
    midnightTimer = null;
  }

  /** "Today" turns over at local midnight even when nothing else happens: show the new day then. */
  function scheduleMidnight(): void {
    const now = clock.now();
    const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 1);
    midnightTimer = lifetime.timeout(
      () => {
        emit();
        void refresh().finally(scheduleMidnight);
      },
      Math.min(Math.max(next.getTime() - now.getTime(), 1000), 86_400_000),
    );
  }

  async function refresh(): Promise<void> {
    if (!timer || session.status !== 'signed_in') return;
    const assignments =
      timer.assignments().length === 0 || clock.now().getTime() - lastAssignmentsAt > assignmentsEveryMs;
    if (assignments) lastAssignmentsAt = clock.now().getTime();
    await timer.refresh({ assignments });
  }

  function client(c: Credentials): HarvestClient {
    return new HarvestClient({
      baseUrl: c.baseUrl,
      token: c.token,
      accountId: c.accountId,
      fetch,
      clock,
      ...o.harvest,
    });
  }

  /** A timer service for this account and person, with its outbox and cache restored (none for the demo). */
  async function openTimer(
    c: Credentials,
    api: HarvestClient,
    last: LastSession,
    isDemo: boolean,
  ): Promise<void> {
    if (timer && credentials?.accountId === c.accountId && timer.userId === last.userId) {
      timer.replaceApi(api);
      reports?.useApi(api);
      return;
    }
    timer?.dispose();
    timerDir = isDemo ? null : accountDir(o.dataDir, c.accountId, last.userId);
    timer = new TimerService({
      api,
      clock,
      userId: last.userId,
      timestampTimers: last.prefs.timestampTimers,
      clockStyle: last.prefs.clock,
      weekStartDay: weekStartFor(last.prefs),
      learnTimerStyle: !last.companyReadable,
      outbox: timerDir ? new Outbox(join(timerDir, 'outbox.jsonl')) : undefined,
      onChange: emit,
      onUnauthorized,
      log: o.log,
      debug: o.debug,
      retryDelayMs: o.retryDelayMs,
    });
    reports = new Reports(api, {
      clock,
      weekStartDay: () => weekStartFor(prefs),
      file: timerDir ? join(timerDir, 'reports.json') : null,
      log: o.log,
    });
    const pinsProblem = await favourites.open(timerDir ? join(timerDir, 'favourites.json') : null);
    if (pinsProblem) startupNotices.push(pinsProblem);
    let cache: TimerCache | null = null;
    if (timerDir) {
      const read = await readJson(join(timerDir, 'cache.json'), CacheFile, 'saved copy of your entries');
      cache = read.value;
      if (read.problem) startupNotices.push(read.problem);
    }
    await timer.restore(cache);
  }

  function signedInSession(last: LastSession, isDemo: boolean): Session {
    return {
      status: 'signed_in',
      demo: isDemo,
      user: { id: last.userId, name: last.userName, email: last.email },
      accountName: last.accountName,
      weeklyCapacitySeconds: last.weeklyCapacitySeconds,
    };
  }

  /** `background`: the person already sees their cached session; check with Harvest without a spinner. */
  async function signIn(
    c: Credentials,
    how: { persist: boolean; demo: boolean; background?: boolean },
  ): Promise<void> {
    const shown = session;
    if (!how.background) {
      session = { status: 'signing_in' };
      emit();
    }
    try {
      const api = client(c);
      const { me, company } = await readProfile(api, o.log);
      prefs = prefsFrom(company);
      const told = how.demo ? null : await toldZoneMismatch(c.accountId);
      const zone = zoneMismatch(me.timezone, o.timeZone ?? computerZone(), clock.now());
      if (zone && zone.key !== told && !startupNotices.includes(zone.message))
        startupNotices.push(zone.message);
      const last: LastSession = {
        accountId: c.accountId,
        userId: me.id,
        userName: `${me.first_name} ${me.last_name}`.trim(),
        email: me.email,
        accountName: company?.name ?? 'Harvest',
        weeklyCapacitySeconds: me.weekly_capacity ?? null,
        prefs,
        companyReadable: company !== null,
        toldZoneMismatch: zone?.key ?? null,
      };
      await openTimer(c, api, last, how.demo);
      await timer!.load();
      lastAssignmentsAt = clock.now().getTime();
      timer!.resume();
      credentials = c;
      session = signedInSession(last, how.demo);
      if (how.persist) {
        await o.secrets.set(keychainAccount, JSON.stringify({ token: c.token, accountId: c.accountId }));
      }
      if (!how.demo)
        await writeJson(lastSessionFile, last).catch((err) => o.log?.(`session not saved: ${err}`));
      startRefreshing();
      emit();
      if (!how.demo) await saveCache();
    } catch (err) {
      session =
        how.background && !(err instanceof UnauthorizedError)
          ? shown
          : { status: 'signed_out', message: signInMessage(err) };
      emit();
      throw err;
    }
  }

  /** Which zone mismatch this account's person was already told about, from the saved last session. */
  async function toldZoneMismatch(accountId: string): Promise<string | null> {
    const read = await readJson(lastSessionFile, LastSession, 'record of your last session');
    return read.value?.accountId === accountId ? read.value.toldZoneMismatch : null;
  }

  /**
   * With a known token and a saved copy of the last session, show it at once and check with Harvest behind:
   * opening never waits on the network, and offline the person keeps working from the cache.
   */
  async function resumeFromCache(c: Credentials): Promise<boolean> {
    const read = await readJson(lastSessionFile, LastSession, 'record of your last session');
    if (read.problem) startupNotices.push(read.problem);
    const last = read.value;
    if (!last || last.accountId !== c.accountId) return false;
    prefs = last.prefs;
    await openTimer(c, client(c), last, false);
    credentials = c;
    session = signedInSession(last, false);
    emit();
    checkInBackground(c, o.retryDelayMs ?? 1000);
    return true;
  }

  /** Confirms a cached session with Harvest; offline, keeps trying (backing off to a minute) while it lasts. */
  function checkInBackground(c: Credentials, delayMs: number): void {
    // In line with the person's own sign-in and sign-out: a late check-in must not undo a sign-out.
    void sessionSteps
      .run(async () => {
        if (credentials === c && !disposed)
          await signIn(c, { persist: false, demo: false, background: true });
      })
      .catch((err) => {
        if (err instanceof UnauthorizedError || credentials !== c || disposed) return;
        lifetime.timeout(() => checkInBackground(c, Math.min(delayMs * 2, 60_000)), delayMs);
      });
  }

  function start(c: Credentials): Promise<void> {
    return sessionSteps.run(async () => {
      if (await resumeFromCache(c)) return;
      await signIn(c, { persist: false, demo: false });
    });
  }

  async function closeDemo(): Promise<void> {
    const d = demo;
    demo = null;
    await d?.close();
  }

  function signedIn(): TimerService {
    if (!timer || session.status !== 'signed_in') throw new UnauthorizedError('Sign in to Harvest first.');
    return timer;
  }

  async function signOut(): Promise<void> {
    await timer?.whenIdleOrTimeout(2000);
    timer?.dispose();
    timer = null;
    timerDir = null;
    credentials = null;
    reports = null;
    favourites.close();
    stopRefreshing();
    await closeDemo();
    if (!fromEnvironment) await o.secrets.delete(keychainAccount).catch(() => undefined);
    session = { status: 'signed_out', message: null };
    emit();
  }

  const commands: Omit<CommandHandlers, HostCommand> = {
    getState: () => snapshot ?? build(),
    listAssignments: () => timer?.assignments() ?? [],
    signIn: ({ token, accountId }) =>
      sessionSteps.run(async () => {
        await closeDemo();
        fromEnvironment = false;
        await signIn({ token, accountId, baseUrl: env.baseUrl }, { persist: true, demo: false });
      }),
    // Pressed again while it is on its way: the same sign-in, not another demo server.
    signInDemo: () =>
      (demoSigningIn ??= sessionSteps
        .run(async () => {
          await closeDemo();
          demo = await startSandbox({ clock });
          await signIn(
            { token: demo.token, accountId: demo.accountId, baseUrl: demo.url },
            { persist: false, demo: true },
          );
        })
        .finally(() => (demoSigningIn = null))),
    signOut: () => sessionSteps.run(signOut),
    refresh: () => refresh(),
    startTimer: async (input) => signedIn().startTimer(input),
    stopTimer: async () => signedIn().stopTimer(),
    toggleTimer: async () => signedIn().toggleTimer(),
    restartEntry: async ({ entryId }) => signedIn().restartEntry(entryId),
    updateNotes: async ({ entryId, notes }) => signedIn().updateNotes(entryId, notes),
    addEntry: async (input) => signedIn().addEntry(input),
    editEntry: async ({ entryId, changes }) => signedIn().editEntry(entryId, changes),
    deleteEntry: async ({ entryId, undoable }) => signedIn().deleteEntry(entryId, { undoable }),
    undoDelete: async ({ entryId }) => signedIn().undoDelete(entryId),
    resolveSetAside: async ({ id, action }) => signedIn().resolveSetAside(id, action),
    getSettings: () => desktop.commands.getSettings(),
    updateSettings: (update) => desktop.commands.updateSettings(update),
    answerIdle: (input) => desktop.commands.answerIdle(input),
    showDay: async ({ date }) => signedIn().showDay(date),
    refreshChanges: async () => {
      if (timer && session.status === 'signed_in') await timer.refreshChanges();
    },
    pinAssignment: async (pair) => {
      await favourites.pin(pair, signedIn().assignments());
      emit();
    },
    unpinAssignment: async (pair) => {
      signedIn();
      await favourites.unpin(pair);
      emit();
    },
    getReport: async ({ period }) => {
      signedIn();
      if (!reports) throw new UnauthorizedError('Sign in to Harvest first.');
      return reports.get(period);
    },
    dismissNotices: () => {
      startupNotices.length = 0;
      desktop.dismissNotices();
      timer?.dismissNotices();
      emit();
    },
  };

  return {
    commands,
    getState: () => snapshot ?? build(),
    desktop,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async start() {
      desktop.start();
      if (env.token && env.accountId) {
        fromEnvironment = true;
        await start({ token: env.token, accountId: env.accountId, baseUrl: env.baseUrl }).catch(
          () => undefined,
        );
        return;
      }
      const stored = await o.secrets.get(keychainAccount).catch(() => null);
      if (stored) {
        try {
          const { token, accountId } = JSON.parse(stored) as { token: string; accountId: string };
          await start({ token, accountId, baseUrl: env.baseUrl });
        } catch {
          // The message is already in the session; the person signs in again.
        }
        return;
      }
      if (o.autoDemo) await Promise.resolve(commands.signInDemo(undefined)).catch(() => undefined);
      else emit();
    },
    whenSynced: async () => {
      await timer?.whenIdle();
    },
    async dispose({ waitForSyncMs = 2000 } = {}) {
      disposed = true;
      lifetime.dispose();
      desktop.dispose();
      await timer?.whenIdleOrTimeout(waitForSyncMs);
      await saveCache();
      timer?.dispose();
      // From here on, nothing reaches Harvest: a late retry or check-in of this instance is silent.
      closed = true;
      await closeDemo();
      listeners.clear();
    },
  };
}
