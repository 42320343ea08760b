// Owns the sandbox's starting data: the "Try the demo" accounts, an empty one, and large generated accounts
// for benchmarks. Everything is derived from the clock's date, never from Math.random, so runs repeat.
import { weekOf, type WeekStartDay } from '../../shared/calendar';
import type { ClockStyle, ProjectAssignment, TaskAssignment } from '../../shared/harvest/schemas';
import { computerZone, harvestZoneNameFor, ianaZoneOf } from '../../shared/harvest/time-zones';
import type { EntryRecord, SandboxAccount, SandboxClient } from './account';
import {
  AGENCY_CATALOG,
  FREELANCE_CATALOG,
  NOT_BILLABLE,
  TASK_NAMES,
  type Catalog,
  type ProjectSpec,
} from './seed-catalogs';
import { momentOf, writeTime } from '../../shared/wall-clock';
import { addDays, daysBetween, localDate, round2 } from './time';
import type { SandboxAccountSeed, SeedOption } from './types';

export type { SeedOption } from './types';

/**
 * 'demo' is the agency with this week's entries, 'empty' the agency without entries, 'freelance' the demo's
 * second account (a client's own account) with its week; an object generates a large account for benchmarks.
 */

/** The account settings a sandbox starts with (SandboxOptions, defaults filled in). */
export interface AccountSettings {
  wantsTimestampTimers: boolean;
  clock: ClockStyle;
  weekStartDay: WeekStartDay;
  timezone: string;
}

/** A profile zone as Harvest would store it; a name Harvest's zone list doesn't have is a test's typo. */
export function profileZone(name: string): string {
  if (ianaZoneOf(name) === null) throw new Error(`"${name}" is not a Harvest time zone name`);
  return name;
}

export function accountSettings(options: Partial<AccountSettings> = {}): AccountSettings {
  return {
    wantsTimestampTimers: options.wantsTimestampTimers ?? false,
    clock: options.clock ?? '12h',
    weekStartDay: options.weekStartDay ?? 'Monday',
    // Harvest names Rails zones; the default is the machine's own zone, so dates agree with the app on it.
    timezone: profileZone(options.timezone ?? harvestZoneNameFor(computerZone())),
  };
}

export const SANDBOX_TOKEN = 'sheaf-demo-token-0000000000000000';
export const SANDBOX_ACCOUNT_ID = '1000001';
export const SANDBOX_USER_ID = 4100001;
export const LOCKED_REASON = 'Item Approved and Locked for this Time Period';

// Account objects predate every entry; a fixed stamp keeps payloads identical between runs.
const SETUP_STAMP = '2024-01-08T09:00:00Z';

/** Every id is offset by the account's idBase: Harvest's ids are unique across accounts, not per account. */
function buildAssignments(
  clients: SandboxClient[],
  projects: ProjectSpec[],
  taskNames: string[],
  idBase: number,
): ProjectAssignment[] {
  let taskAssignmentId = idBase + 4_000_001;
  const taskName = (index: number) => taskNames[index] ?? `Task ${index + 1}`;
  return projects.map((spec, p): ProjectAssignment => {
    const client = clients[spec.client]!;
    const task_assignments = spec.tasks.map((t): TaskAssignment => ({
      id: taskAssignmentId++,
      billable: spec.rate !== null && !NOT_BILLABLE.has(taskName(t)),
      is_active: spec.inactiveTask !== t,
      hourly_rate: spec.rate,
      budget: null,
      created_at: SETUP_STAMP,
      updated_at: SETUP_STAMP,
      task: { id: idBase + 2001 + t, name: taskName(t) },
    }));
    // Inactive ones last, so "the first assignment" is always one a person may track time to.
    task_assignments.sort((a, b) => Number(b.is_active) - Number(a.is_active));
    return {
      id: idBase + 3_000_001 + p,
      is_project_manager: false,
      is_active: spec.isActive ?? true,
      use_default_rates: true,
      budget: null,
      hourly_rate: spec.rate,
      created_at: SETUP_STAMP,
      updated_at: SETUP_STAMP,
      // Recorded assignments name the project with is_billable too (tests/fixtures/harvest/recorded/).
      project: {
        id: idBase + 5_000_001 + p,
        name: spec.name,
        code: spec.code,
        is_billable: spec.rate !== null,
      },
      client: { id: client.id, name: client.name, currency: client.currency },
      task_assignments,
    };
  });
}

function baseAccount(
  settings: AccountSettings,
  identity: AccountIdentity,
): Omit<SandboxAccount, 'clients' | 'assignments' | 'entries'> {
  return {
    // The sandbox's settings (account-book.ts) set these three from the options.
    role: 'administrator',
    rounding: null,
    teammates: [],
    company: {
      base_uri: `https://${identity.subdomain}.harvestapp.com`,
      full_domain: `${identity.subdomain}.harvestapp.com`,
      name: identity.name,
      is_active: true,
      week_start_day: settings.weekStartDay,
      wants_timestamp_timers: settings.wantsTimestampTimers,
      time_format: 'hours_minutes',
      date_format: '%Y-%m-%d',
      plan_type: 'sponsored',
      clock: settings.clock,
      currency: 'USD',
      currency_code_display: 'iso_code_none',
      currency_symbol_display: 'symbol_before',
      decimal_symbol: '.',
      thousands_separator: ',',
      color_scheme: 'orange',
      weekly_capacity: 126000,
      expense_feature: true,
      invoice_feature: true,
      estimate_feature: true,
      approval_feature: true,
      team_feature: true,
      saml_sign_in_required: false,
      day_entry_notes_required: false,
    },
    user: {
      id: SANDBOX_USER_ID,
      first_name: 'Dana',
      last_name: 'Demo',
      email: 'dana@example.com',
      telephone: '',
      timezone: settings.timezone,
      // Fields of the newest recorded /users/me (December 2022) that the docs' example predates.
      calendar_integration_enabled: false,
      calendar_integration_source: null,
      can_create_projects: false,
      has_access_to_all_future_projects: false,
      is_contractor: false,
      is_active: true,
      weekly_capacity: 126000,
      default_hourly_rate: 100,
      cost_rate: 50,
      roles: ['Designer'],
      access_roles: ['member'],
      permissions_claims: ['expenses:read:own', 'expenses:write:own', 'timers:read:own', 'timers:write:own'],
      avatar_url: 'https://d3s3969qhosaug.cloudfront.net/v2/user.png',
      created_at: SETUP_STAMP,
      updated_at: SETUP_STAMP,
    },
  };
}

/** The first day of the week containing `today`, by the company's week_start_day. */
function weekStart(today: string, startDay: WeekStartDay): string {
  return weekOf(today, startDay).start;
}

/** A stable per-date number, so each week looks different but a given day always looks the same. */
function dateHash(date: string): number {
  let h = 7;
  for (const ch of date) h = (h * 31 + ch.charCodeAt(0)) % 10_007;
  return h;
}

/** A few entries on each day of the current week up to today, at the catalog's rhythm. */
function demoEntries(
  account: Omit<SandboxAccount, 'entries'>,
  catalog: Catalog,
  now: Date,
  timestamps: boolean,
  clock: ClockStyle,
): EntryRecord[] {
  const today = localDate(now);
  const first = weekStart(today, account.company.week_start_day);
  const pairs = account.assignments
    .filter((a) => a.is_active)
    .flatMap((a) => a.task_assignments.filter((t) => t.is_active).map((t) => ({ a, t })));
  const entries: EntryRecord[] = [];
  const nowMs = now.getTime();
  for (let day = 0; day <= daysBetween(first, today); day++) {
    const date = addDays(first, day);
    const hash = dateHash(date);
    const count = catalog.entriesPerDay(hash, date === today);
    let startMinutes = 9 * 60;
    for (let i = 0; i < count; i++) {
      const pair = pairs[(hash + i * 7) % pairs.length]!;
      const hours = catalog.hours[(hash + i) % catalog.hours.length]!;
      const endMinutes = startMinutes + Math.round(hours * 60);
      // Today's entries can't have been created after "now", however early in the day now is.
      const createdMs = Math.min(momentOf(date, endMinutes).getTime(), nowMs - (count - i) * 60_000);
      const locked = catalog.lockFirst && entries.length === 0;
      entries.push({
        id: 0,
        spentDate: date,
        projectId: pair.a.project.id,
        taskId: pair.t.task.id,
        baseHours: round2(hours),
        timerStartedMs: null,
        startedTime: timestamps ? writeTime(startMinutes, clock) : null,
        endedTime: timestamps ? writeTime(endMinutes, clock) : null,
        notes: catalog.notes[(hash + i) % catalog.notes.length] ?? null,
        isLocked: locked,
        lockedReason: locked ? LOCKED_REASON : null,
        isClosed: false,
        isSubmitted: false,
        isBilled: false,
        externalReference: null,
        createdMs,
        updatedMs: createdMs,
      });
      startMinutes = endMinutes + 15;
    }
  }
  return entries;
}

function generatedProjects(
  projects: number,
  tasksPerProject: number,
): { clients: number; specs: ProjectSpec[] } {
  const clients = Math.max(1, Math.round(projects / 10));
  const tasks = Array.from({ length: tasksPerProject }, (_, t) => t);
  const specs = Array.from({ length: projects }, (_, p): ProjectSpec => ({
    client: p % clients,
    name: `Project ${p + 1}`,
    code: p % 3 === 0 ? null : `P-${String(p + 1).padStart(4, '0')}`,
    rate: p % 5 === 0 ? null : 100 + (p % 7) * 10,
    tasks,
  }));
  return { clients, specs };
}

/** Which company an account is and where its ids start; the default is the demo agency. */
export interface AccountIdentity {
  name: string;
  /** The harvestapp.com subdomain, for company.base_uri and full_domain. */
  subdomain: string;
  /** Added to every id (clients, projects, tasks, assignments), so no two accounts share one. */
  idBase: number;
}

export const DEMO_COMPANY_NAME = 'Sheaf Demo Co';
export const DEMO_IDENTITY: AccountIdentity = { name: DEMO_COMPANY_NAME, subdomain: 'sheaf-demo', idBase: 0 };

/**
 * The demo's accounts, so switching accounts can be shown: the agency "Try the demo" has always opened, and a
 * client's account the same person freelances in (duration timers, its own clients, projects and tasks).
 * Settings left out here (the agency's timer style, clock, week, zone) come from the sandbox's own options.
 */
/** The agency alone, with Harvest's default preferences (no rounding) and nobody else in it: the tests' sandbox. */
export const PLAIN_DEMO_ACCOUNT: SandboxAccountSeed = {
  id: SANDBOX_ACCOUNT_ID,
  name: DEMO_COMPANY_NAME,
  subdomain: DEMO_IDENTITY.subdomain,
};

/** The demo's two accounts; the agency rounds up to 15 minutes and has a team, so both show in the demo. */
export const DEMO_ACCOUNTS: SandboxAccountSeed[] = [
  { ...PLAIN_DEMO_ACCOUNT, timeRounding: { minutes: 15, mode: 'up' }, teammates: true },
  {
    id: '1000002',
    name: 'Northwind Freelance',
    subdomain: 'northwind-freelance',
    seed: 'freelance',
    wantsTimestampTimers: false,
  },
];

/** `options` may still be the bare wantsTimestampTimers flag that bench/ and unit tests pass. */
export function buildAccount(
  seed: SeedOption,
  now: Date,
  options: Partial<AccountSettings> | boolean = {},
  identity: AccountIdentity = DEMO_IDENTITY,
): SandboxAccount {
  const settings = accountSettings(
    typeof options === 'boolean' ? { wantsTimestampTimers: options } : options,
  );
  const base = baseAccount(settings, identity);
  const clientsOf = (names: Omit<SandboxClient, 'id'>[]) =>
    names.map((c, i) => ({ ...c, id: identity.idBase + 6_000_001 + i }));
  if (typeof seed === 'object') {
    const { clients: clientCount, specs } = generatedProjects(
      Math.max(0, Math.floor(seed.projects)),
      Math.max(1, Math.floor(seed.tasksPerProject)),
    );
    const clients = clientsOf(
      Array.from({ length: clientCount }, (_, c) => ({ name: `Client ${c + 1}`, currency: 'USD' })),
    );
    const assignments = buildAssignments(clients, specs, TASK_NAMES, identity.idBase);
    return { ...base, clients, assignments, entries: [] };
  }
  const catalog = seed === 'freelance' ? FREELANCE_CATALOG : AGENCY_CATALOG;
  const clients = clientsOf(catalog.clients);
  const assignments = buildAssignments(clients, catalog.projects, catalog.tasks, identity.idBase);
  const account = { ...base, clients, assignments };
  const entries =
    seed === 'empty' ? [] : demoEntries(account, catalog, now, settings.wantsTimestampTimers, settings.clock);
  return { ...account, entries };
}
