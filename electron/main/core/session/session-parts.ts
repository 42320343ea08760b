// Owns how the session's parts are built from its options: the fetch that stops at shutdown, the keychain, the
// refresh schedule, the browser sign-in, the grants that renew their tokens, and the list of accounts.
import type { WeekStartDay } from '../../../../shared/calendar';
import type { AccountPrefs } from '../../../../shared/state';
import type { Heartbeat } from '../base/heartbeat';
import type { Notices } from '../base/notices';
import type { SessionOptions } from './options';
import { harvestConfigFromEnv, type HarvestEnvConfig } from '../harvest/env';
import { harvestIdFromEnv, type HarvestIdConfig } from '../harvest-id';
import { BrowserSignIn } from './browser-sign-in';
import { Grants } from './grants';
import { Keychain, keychainEntryFor } from './keychain';
import { Schedule } from './schedule';
import { AccountList } from './account-list';
import { Serial } from '../base/serial';
import { systemClock, type Clock, type Fetch } from '../ports';
import type { Timesheet } from '../timesheet';

export interface SessionDeps {
  notices: Notices;
  /** The week start `prefs` mean with the person's Settings (see account-profile's weekStartFor). */
  weekStartFor(prefs: AccountPrefs): WeekStartDay;
  /** The beat the schedule's refresh keeps time by, shared with the desktop's checks. */
  heartbeat: Heartbeat;
  /** The session or one of its accounts changed: show the state again. */
  emit(): void;
}

export interface SessionParts {
  env: HarvestEnvConfig;
  clock: Clock;
  /** Harvest's fetch, refusing once `shutDown` was called: nothing reaches Harvest after quitting. */
  fetch: Fetch;
  shutDown(): void;
  keychain: Keychain;
  /** When the signed-in accounts refresh by themselves, see a new day, and save their cache. */
  schedule: Schedule;
  harvestId: HarvestIdConfig;
  browser: BrowserSignIn;
  grants: Grants;
  /** Which grant each account signs in with (the environment's and the demo's have none). */
  grantOf: Map<string, string>;
  /** Session steps run one at a time across accounts. */
  steps: Serial;
  accounts: AccountList;
}

export function sessionParts(
  options: SessionOptions,
  deps: SessionDeps,
  signedInTimesheets: () => Timesheet[],
): SessionParts {
  const env = harvestConfigFromEnv(options.env);
  const clock = options.clock ?? systemClock;
  let closed = false;
  const fetch: Fetch = (input, init) =>
    closed ? Promise.reject(new Error('Sheaf has shut down')) : options.fetch(input, init);
  const keychain = new Keychain(
    options.secrets,
    keychainEntryFor(options.dataDir, options.defaultDataDir),
    (message) => {
      deps.notices.tellOnce(message);
      deps.emit();
    },
  );
  const steps = new Serial();
  const grantOf = new Map<string, string>();
  const schedule = new Schedule({
    clock,
    heartbeat: deps.heartbeat,
    timers: signedInTimesheets,
    keepsCache: () => accounts.all().some((a) => a.signedIn && a.data?.keepsCache),
    saveCache: async () => {
      await Promise.all(accounts.all().map((a) => (a.signedIn ? a.data?.saveCache() : undefined)));
    },
    emit: () => deps.emit(),
  });
  const accounts: AccountList = new AccountList(env.baseUrl, {
    options,
    clock,
    fetch,
    notices: deps.notices,
    steps,
    weekStartFor: deps.weekStartFor,
    signedIn: () => {
      schedule.assignmentsLoaded();
      schedule.start();
    },
    emit: () => deps.emit(),
  });
  const harvestId = harvestIdFromEnv(options.env);
  const browser = new BrowserSignIn({
    config: harvestId,
    fetch,
    clock,
    openUrl: options.openUrl,
    log: options.log,
  });
  const grants = new Grants({
    config: harvestId,
    fetch,
    clock,
    save: (grantId, grant) => keychain.save((r) => ({ ...r, grants: { ...r.grants, [grantId]: grant } })),
    renewed: (grantId, token) => {
      for (const a of accounts.all()) if (grantOf.get(a.accountId) === grantId) a.useToken(token);
    },
  });
  const shutDown = () => {
    closed = true;
  };
  return {
    env,
    clock,
    fetch,
    shutDown,
    keychain,
    schedule,
    harvestId,
    browser,
    grants,
    grantOf,
    steps,
    accounts,
  };
}
