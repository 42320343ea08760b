// Owns the sandbox's public types (re-exported by server.ts, the module other code imports).
import type { WeekStartDay } from '../../shared/calendar';
import type { Clock } from '../../shared/clock';
import type { ClockStyle, ProjectAssignment, TimeEntry } from '../../shared/harvest/schemas';
import type { SandboxRole } from './account';
import type { PaginationMode } from './pagination';
import type { TimeRounding } from '../../shared/time-rounding';

/** The settings one account starts with; each falls back to the SandboxOptions field of the same name. */
/** Which data an account starts with: the demo's, none, the freelance client's, or a large generated one. */
export type SeedOption = 'demo' | 'empty' | 'freelance' | { projects: number; tasksPerProject: number };

export interface AccountSeedSettings {
  /** 'empty' is the demo's clients, projects and tasks without any time entries. */
  seed?: SeedOption; // default 'demo'
  wantsTimestampTimers?: boolean; // default false (duration account)
  /** The company's clock: started_time / ended_time are answered "2:30pm" (12h) or "14:30" (24h). */
  timeClock?: ClockStyle; // default '12h'
  weekStartDay?: WeekStartDay; // default 'Monday'; /company reports it and the demo seeds "this week" by it
  /** The profile's zone as Harvest names it (Rails), e.g. "Eastern Time (US & Canada)". */
  timezone?: string; // default harvestZoneNameFor(computerZone())
  /** 'member' sees no rates or amounts, gets 403 from /v2/company, and only themself in the Team report. */
  role?: SandboxRole; // default 'administrator'
  /** The company's Time Rounding preference: rounded_hours and every report total follow it. */
  timeRounding?: TimeRounding | false; // default false (Harvest's default: no rounding)
  /** Other people in the account, for an administrator's Team report. */
  teammates?: boolean; // default false
}

/** One of the person's accounts. A Forecast account is listed by Harvest ID but answers no /v2 request. */
export interface SandboxAccountSeed extends AccountSeedSettings {
  /** Harvest account ids are numbers; the API takes them as strings in Harvest-Account-Id. */
  id: string;
  /** The company's name (/v2/company name, Harvest ID's account name). */
  name: string;
  product?: 'harvest' | 'forecast'; // default 'harvest'
  /** The harvestapp.com subdomain in /v2/company; default: the name in lower case, dashed. */
  subdomain?: string;
}

export interface HarvestIdOptions {
  clientId?: string; // default 'sheaf-sandbox-client'
  clientSecret?: string; // default 'sheaf-sandbox-secret'
  accessTokenTtlSeconds?: number; // default 1209599 (what Harvest ID answers as expires_in)
  codeTtlSeconds?: number; // default 600
  /** Sandbox only: GET /id/oauth2/authorize answers the redirect at once, as if this button were pressed. */
  autoDecision?: 'allow' | 'deny'; // default: show the consent form
}

export interface SandboxOptions extends AccountSeedSettings {
  /** The person's accounts, in the order Harvest ID lists them; the first Harvest one is `sandbox.accountId`. */
  accounts?: SandboxAccountSeed[]; // default one Harvest account, SANDBOX_ACCOUNT_ID, "Sheaf Demo Co"
  harvestId?: HarvestIdOptions;
  port?: number; // default 0 = random
  host?: string; // default '127.0.0.1'; anything but loopback throws unless allowRemote
  /** Listen on a non-loopback host anyway: anyone who reaches it can use the public demo token. */
  allowRemote?: boolean; // default false
  clock?: Clock; // default systemClock; tests pass the same fake clock to core and sandbox
  rateLimit?: { limit: number; windowMs: number } | false; // default { limit: 100, windowMs: 15000 }
  /** The Reports API's own budget, on top of rateLimit: 100 requests per 15 minutes. */
  reportsRateLimit?: { limit: number; windowMs: number } | false; // default { limit: 100, windowMs: 900000 }
  /**
   * 'documented': time entries and project assignments page by cursor, reports by page number, as Harvest
   * documents them; 'cursor' or 'offset' forces one style on every list.
   */
  pagination?: PaginationMode; // default 'documented'
  /** per_page above 2000 answers 422; below 2000 this emulates an old server that capped pages (e.g. 100). */
  maxPerPage?: number; // default 2000
  log?: (line: string) => void; // optional request logging
}

export interface RequestLogEntry {
  method: string;
  /** path + query, e.g. /v2/time_entries?page=2 */
  path: string;
  /** 0 while unanswered, and for requests that never get an answer (outage, drop, hang). */
  status: number;
  /** ISO, sandbox clock */
  at: string;
  /** The parsed JSON (or raw text) sent; kept on the newest 1,000 entries only, and not over 16,384 characters. */
  body?: unknown;
}

export interface FaultRule {
  kind: 500 | 503 | 429 | 'drop-before' | 'drop-after' | 'hang';
  // 'drop-before': destroy the socket without applying the request; 'drop-after': apply it (e.g. create the entry)
  // then destroy the socket with no response; 'hang': never answer (for client timeouts)
  count?: number; // how many matching requests it affects (default 1)
  method?: string; // only requests with this method
  path?: RegExp; // only paths matching
}

export interface Faults {
  latencyMs: number; // added before every answer (default 0)
  outage: boolean; // when true every request gets its socket destroyed (network down)
  omitRetryAfter: boolean; // default true: 429s without Retry-After, as the real API answers
  retryAfterSeconds: number; // default 15: what 429s send as Retry-After once omitRetryAfter is false
  add(rule: FaultRule): void;
  clear(): void; // removes rules, latency, outage
}

export interface SandboxAdmin {
  setWantsTimestampTimers(on: boolean): void;
  /** Switches the company's clock; every later answer (old entries too) writes times the new way. */
  setClock(clock: ClockStyle): void;
  setWeekStartDay(day: WeekStartDay): void;
  /** A Harvest (Rails) zone name for users/me.timezone; throws on a name Harvest doesn't know. */
  setTimezone(name: string): void;
  setCompanyForbidden(on: boolean): void;
  createEntry(input: {
    project_id: number;
    task_id: number;
    spent_date: string;
    hours?: number;
    notes?: string;
    running?: boolean;
    started_time?: string;
    ended_time?: string;
  }): TimeEntry;
  stopRunning(): TimeEntry | null;
  updateEntry(id: number, patch: Partial<TimeEntry>): TimeEntry;
  deleteEntry(id: number): void;
  lockEntry(id: number, reason?: string): void;
  /** Approves the entry through Timesheet Approval: is_closed, approval_status "approved", locked. */
  closeEntry(id: number): void;
  /** Submits the entry for approval: approval_status "submitted", locked until approved or sent back. */
  submitEntry(id: number): void;
  /** Sends a submitted (or approved) entry back: unsubmitted and editable again. */
  reopenEntry(id: number): void;
  setTimeRounding(rounding: TimeRounding | false): void;
  setRole(role: SandboxRole): void;
  /** Archives the project (its assignment goes inactive): no new time, and its entries can't be deleted. */
  archiveProject(projectId: number): void;
  /** Archives one task of a project the same way. */
  archiveTask(projectId: number, taskId: number): void;
  entries(): TimeEntry[];
  assignments(): ProjectAssignment[];
  /** Revokes the personal token (SANDBOX_TOKEN) in every account; OAuth grants are harvestId's. */
  revokeToken(): void;
  /** Empties the one request log all accounts and Harvest ID share. */
  resetRequestLog(): void;
}

export type SandboxAccountInfo =
  | { id: string; name: string; product: 'harvest'; admin: SandboxAdmin }
  | { id: string; name: string; product: 'forecast' };

/** The back door to the sandbox's Harvest ID, for tests of sign-in and of tokens going bad. */
export interface HarvestIdAdmin {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Every OAuth grant revoked (the person removed the app): its codes, refresh and access tokens stop working. */
  revokeGrants(): void;
  /** Every access token issued so far is expired now; refresh tokens still work. */
  expireAccessTokens(): void;
  /** How many grants have been issued (one per Allow). */
  grants(): number;
  /**
   * Who the browser is signed in to Harvest ID as from now on: someone else at a shared computer, a member of the
   * same accounts, whose Allow yields tokens that are theirs. Left out: the accounts' own person again.
   */
  signInAs(person?: { id: number; first_name: string; last_name: string; email: string }): void;
}

export interface Sandbox {
  // accountId and admin are the first Harvest account's; the token, user and request log are every account's.
  url: string; // base URL incl. /v2, e.g. 'http://127.0.0.1:43123/v2' (what HARVEST_API_URL takes)
  token: string;
  accountId: string;
  userId: number;
  faults: Faults;
  /** The newest 5,000 requests, oldest first: a test reading length as a cursor must stay under that. */
  requestLog: RequestLogEntry[];
  admin: SandboxAdmin;
  /** Every account of the person, as SandboxOptions.accounts listed them. */
  accounts: SandboxAccountInfo[];
  /** The admin of one Harvest account; throws for an id that isn't one. */
  adminFor(accountId: string): SandboxAdmin;
  /** Harvest ID's base URL, e.g. 'http://127.0.0.1:43123/id' (what HARVEST_ID_URL takes). */
  idUrl: string;
  harvestId: HarvestIdAdmin;
  close(): Promise<void>;
}
