// Owns one account's data: its timesheet, reports, pinned favourites, saved cache and outbox folder, for
// one account and person. They are opened together and disposed together (the demo's are kept in memory only).
import { join } from 'node:path';
import { z } from 'zod';
import type { WeekStartDay } from '../../../../shared/calendar';
import { AssignmentOption, type AccountPrefs } from '../../../../shared/state';
import { CachedEntry } from '../timesheet/entries';
import { Favourites } from './favourites';
import type { HarvestApi } from '../harvest/api';
import { accountDir, readJson, writeJson } from '../storage/local-store';
import { DisposableStore, type Disposable } from '../base/lifecycle';
import { Outbox } from '../timesheet/outbox';
import type { Clock } from '../ports';
import { Reports } from './reports';
import { Timesheet, type TimerCache } from '../timesheet';

const CacheFile = z.object({
  savedAt: z.string(),
  assignments: z.array(AssignmentOption),
  entries: z.array(CachedEntry),
}) satisfies z.ZodType<TimerCache>;

export interface AccountDataOptions {
  dataDir: string;
  clock: Clock;
  /** The week start in use now (the company's, or the person's choice in Settings): reports follow it. */
  weekStartDay(): WeekStartDay;
  onChange(): void;
  /** Harvest stopped accepting the token: the session signs out, this data keeps what is unsent. */
  onUnauthorized(): void;
  /** A damaged pins file or saved copy, to tell the person. */
  tell(problem: string): void;
  log?: (line: string) => void;
  debug?: boolean;
  retryDelayMs?: number;
}

/** Whose data it is, and what their company's settings say about the timer. */
export interface AccountOwner {
  accountId: string;
  userId: number;
  prefs: AccountPrefs;
  /** The week start the timer begins with. */
  weekStartDay: WeekStartDay;
  /** False when /company couldn't be read: the timer learns its style from the entries. */
  companyReadable: boolean;
  /** The demo account: nothing of it goes to disk. */
  demo: boolean;
}

export class AccountData implements Disposable {
  readonly accountId: string;
  readonly userId: number;
  readonly timesheet: Timesheet;
  readonly reports: Reports;
  readonly favourites = new Favourites();
  /** The account folder (outbox, cache, reports, pins); null for the demo. */
  private readonly dir: string | null;
  private readonly lifetime = new DisposableStore();

  /** Opens the timer, reports and pins at once; `restore()` then reads what was saved of them. */
  constructor(
    owner: AccountOwner,
    api: HarvestApi,
    private readonly options: AccountDataOptions,
  ) {
    this.accountId = owner.accountId;
    this.userId = owner.userId;
    this.dir = owner.demo ? null : accountDir(options.dataDir, owner.accountId, owner.userId);
    this.timesheet = this.lifetime.add(
      new Timesheet({
        api,
        clock: options.clock,
        userId: owner.userId,
        timestampTimers: owner.prefs.timestampTimers,
        clockStyle: owner.prefs.clock,
        weekStartDay: owner.weekStartDay,
        learnTimerStyle: !owner.companyReadable,
        outbox: this.dir ? new Outbox(join(this.dir, 'outbox.jsonl')) : undefined,
        onChange: options.onChange,
        onUnauthorized: options.onUnauthorized,
        log: options.log,
        debug: options.debug,
        retryDelayMs: options.retryDelayMs,
      }),
    );
    this.reports = this.lifetime.add(
      new Reports(api, {
        clock: options.clock,
        weekStartDay: options.weekStartDay,
        file: this.file('reports.json'),
        log: options.log,
      }),
    );
    this.lifetime.add({ dispose: () => this.favourites.close() });
  }

  /** The pins and the saved copy of the entries (its outbox the timer reads itself), told about if damaged. */
  async restore(): Promise<void> {
    const pinsProblem = await this.favourites.open(this.file('favourites.json'));
    if (pinsProblem) this.options.tell(pinsProblem);
    let cache: TimerCache | null = null;
    const cacheFile = this.file('cache.json');
    if (cacheFile) {
      const read = await readJson(cacheFile, CacheFile, 'saved copy of your entries');
      cache = read.value;
      if (read.problem) this.options.tell(read.problem);
    }
    await this.timesheet.restore(cache);
  }

  /** The same account and person signed in again (a new token, a confirmed cold start): carry on with it. */
  useApi(api: HarvestApi): void {
    this.timesheet.replaceApi(api);
    this.reports.useApi(api);
  }

  /** Whether a saved copy is kept: the next cold start opens from it (never for the demo). */
  get keepsCache(): boolean {
    return this.dir !== null;
  }

  /** The last known state to disk, so the next cold start opens instantly. */
  async saveCache(): Promise<void> {
    const file = this.file('cache.json');
    if (!file) return;
    await writeJson(file, this.timesheet.cache()).catch((err) =>
      this.options.log?.(`cache not saved: ${err}`),
    );
  }

  /** Stops the timesheet (its retries and wake-ups), the reports and the pins together. */
  dispose(): void {
    this.lifetime.dispose();
  }

  private file(name: string): string | null {
    return this.dir ? join(this.dir, name) : null;
  }
}
