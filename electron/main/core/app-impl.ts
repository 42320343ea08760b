// Owns the session (sign in with a token, the demo account, sign out, a revoked token) and assembles the
// AppState snapshot from it and the timer service.
import { defaultPrefs, type AccountPrefs, type AppState, type Session } from '../../../shared/state';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import type { HostCommand, SheafApp, SheafAppOptions } from './app';
import { HarvestClient } from './harvest/client';
import { harvestConfigFromEnv } from './harvest/env';
import { ForbiddenError, HarvestError, UnauthorizedError } from './harvest/errors';
import type { Company } from './harvest/schemas';
import { systemClock } from './ports';
import { TimerService } from './timer';
import type { CommandHandlers } from '../../../shared/ipc';

/** The keychain entry: token and account id together, so one lookup restores the session. */
const keychainAccount = 'harvest';
const refreshEveryMs = 2 * 60_000;
const assignmentsEveryMs = 30 * 60_000;

interface Credentials {
  token: string;
  accountId: string;
  baseUrl: string;
}

function prefsFrom(company: Company | null): AccountPrefs {
  if (!company) return defaultPrefs;
  return {
    timestampTimers: company.wants_timestamp_timers,
    weekStartDay: company.week_start_day,
    timeFormat: company.time_format,
    clock: company.clock,
  };
}

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
  const listeners = new Set<(s: AppState) => void>();
  let session: Session = { status: 'signed_out', message: null };
  let prefs: AccountPrefs = defaultPrefs;
  let timer: TimerService | null = null;
  let credentials: Credentials | null = null;
  let demo: Sandbox | null = null;
  let fromEnvironment = false;
  let refreshTimer: ReturnType<typeof setInterval> | null = null;
  let lastAssignmentsAt = 0;
  let snapshot: AppState | null = null;

  function build(): AppState {
    const v = timer?.view();
    return {
      session,
      prefs: v ? { ...prefs, timestampTimers: v.timestampTimers } : prefs,
      running: v?.running ?? null,
      today: v?.today ?? { date: '', entries: [], totalHours: 0 },
      week: v?.week ?? { start: '', end: '', totalHours: 0 },
      assignmentsVersion: v?.assignmentsVersion ?? 0,
      sync: v?.sync ?? { state: 'idle', pending: 0, lastSyncedAt: null, message: null },
      error: v?.error ?? null,
    };
  }

  function emit(): void {
    snapshot = build();
    for (const listener of listeners) listener(snapshot);
  }

  function onUnauthorized(): void {
    // Unsent changes stay in the paused timer; signing in again to the same account carries on.
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
    refreshTimer = setInterval(() => void refresh(), refreshEveryMs);
    refreshTimer.unref?.();
  }

  function stopRefreshing(): void {
    if (refreshTimer) clearInterval(refreshTimer);
    refreshTimer = null;
  }

  async function refresh(): Promise<void> {
    if (!timer || session.status !== 'signed_in') return;
    const assignments = clock.now().getTime() - lastAssignmentsAt > assignmentsEveryMs;
    if (assignments) lastAssignmentsAt = clock.now().getTime();
    await timer.refresh({ assignments });
  }

  async function signIn(c: Credentials, how: { persist: boolean; demo: boolean }): Promise<void> {
    session = { status: 'signing_in' };
    emit();
    try {
      const api = new HarvestClient({
        baseUrl: c.baseUrl,
        token: c.token,
        accountId: c.accountId,
        fetch: o.fetch,
        clock,
      });
      const me = await api.getMe();
      let company: Company | null = null;
      try {
        company = await api.getCompany();
      } catch (err) {
        // Members may not read /company: use Harvest's defaults and learn the timer style from entries.
        if (!(err instanceof ForbiddenError)) throw err;
      }
      prefs = prefsFrom(company);
      const sameAccount = timer && credentials?.accountId === c.accountId && timer.userId === me.id;
      if (!sameAccount) {
        timer?.dispose();
        timer = new TimerService({
          api,
          clock,
          userId: me.id,
          timestampTimers: prefs.timestampTimers,
          weekStartDay: prefs.weekStartDay,
          learnTimerStyle: company === null,
          onChange: emit,
          onUnauthorized,
          log: o.log,
        });
      } else {
        timer!.replaceApi(api);
      }
      await timer!.load();
      lastAssignmentsAt = clock.now().getTime();
      timer!.resume();
      credentials = c;
      session = {
        status: 'signed_in',
        demo: how.demo,
        user: { id: me.id, name: `${me.first_name} ${me.last_name}`.trim(), email: me.email },
        accountName: company?.name ?? 'Harvest',
        weeklyCapacitySeconds: me.weekly_capacity ?? null,
      };
      if (how.persist)
        await o.secrets.set(keychainAccount, JSON.stringify({ token: c.token, accountId: c.accountId }));
      startRefreshing();
      emit();
    } catch (err) {
      session = { status: 'signed_out', message: signInMessage(err) };
      emit();
      throw err;
    }
  }

  async function closeDemo(): Promise<void> {
    const d = demo;
    demo = null;
    await d?.close();
  }

  const commands: Omit<CommandHandlers, HostCommand> = {
    getState: () => snapshot ?? build(),
    listAssignments: () => timer?.assignments() ?? [],
    signIn: async ({ token, accountId }) => {
      await closeDemo();
      fromEnvironment = false;
      await signIn({ token, accountId, baseUrl: env.baseUrl }, { persist: true, demo: false });
    },
    signInDemo: async () => {
      await closeDemo();
      demo = await startSandbox({ clock });
      await signIn(
        { token: demo.token, accountId: demo.accountId, baseUrl: demo.url },
        { persist: false, demo: true },
      );
    },
    signOut: async () => {
      await timer?.whenIdleOrTimeout(2000);
      timer?.dispose();
      timer = null;
      credentials = null;
      stopRefreshing();
      await closeDemo();
      if (!fromEnvironment) await o.secrets.delete(keychainAccount).catch(() => undefined);
      session = { status: 'signed_out', message: null };
      emit();
    },
    refresh: () => refresh(),
    startTimer: async (input) => signedIn().startTimer(input),
    stopTimer: async () => signedIn().stopTimer(),
    toggleTimer: async () => signedIn().toggleTimer(),
    restartEntry: async ({ entryId }) => signedIn().restartEntry(entryId),
    updateNotes: async ({ entryId, notes }) => signedIn().updateNotes(entryId, notes),
  };

  function signedIn(): TimerService {
    if (!timer || session.status !== 'signed_in') throw new UnauthorizedError('Sign in to Harvest first.');
    return timer;
  }

  return {
    commands,
    getState: () => snapshot ?? build(),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async start() {
      if (env.token && env.accountId) {
        fromEnvironment = true;
        await signIn(
          { token: env.token, accountId: env.accountId, baseUrl: env.baseUrl },
          { persist: false, demo: false },
        ).catch(() => undefined);
        return;
      }
      const stored = await o.secrets.get(keychainAccount).catch(() => null);
      if (stored) {
        try {
          const { token, accountId } = JSON.parse(stored) as { token: string; accountId: string };
          await signIn({ token, accountId, baseUrl: env.baseUrl }, { persist: false, demo: false });
          return;
        } catch {
          // The message is already in the session; the person signs in again.
          return;
        }
      }
      if (o.autoDemo) await Promise.resolve(commands.signInDemo(undefined)).catch(() => undefined);
      else emit();
    },
    whenSynced: async () => {
      await timer?.whenIdle();
    },
    async dispose() {
      stopRefreshing();
      await timer?.whenIdleOrTimeout(2000);
      timer?.dispose();
      await closeDemo();
      listeners.clear();
    },
  };
}
