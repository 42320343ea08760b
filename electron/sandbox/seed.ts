// Owns the sandbox's starting data: the "Try the demo" account, an empty one, and large generated accounts
// for benchmarks. Everything is derived from the clock's date, never from Math.random, so runs repeat.
import { weekOf, type WeekStartDay } from '../../shared/calendar';
import type { ClockStyle, ProjectAssignment, TaskAssignment } from '../../shared/harvest/schemas';
import { computerZone, harvestZoneNameFor, ianaZoneOf } from '../../shared/harvest/time-zones';
import type { EntryRecord, SandboxAccount, SandboxClient } from './account';
import { addDays, daysBetween, formatWallClock, instantAt, localDate, round2 } from './time';

export type SeedOption = 'demo' | 'empty' | { projects: number; tasksPerProject: number };

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

const TASK_NAMES = [
  'Design',
  'Development',
  'Meetings',
  'Project Management',
  'Research',
  'Quality Assurance',
  'Writing',
  'Support',
];
const taskId = (index: number) => 2001 + index;
const taskName = (index: number) => TASK_NAMES[index] ?? `Task ${index + 1}`;
// Meetings are tracked but not billed, the way most Harvest accounts set them up.
const NOT_BILLABLE = new Set(['Meetings']);

interface ProjectSpec {
  client: number;
  name: string;
  code: string | null;
  rate: number | null;
  tasks: number[];
  isActive?: boolean;
  inactiveTask?: number;
}

const DEMO_CLIENTS: Omit<SandboxClient, 'id'>[] = [
  { name: 'Acme Corp', currency: 'USD' },
  { name: 'Globex', currency: 'USD' },
  { name: 'Initech', currency: 'EUR' },
  { name: 'Umbrella Health', currency: 'USD' },
];

const DEMO_PROJECTS: ProjectSpec[] = [
  { client: 0, name: 'Website Redesign', code: 'WEB-01', rate: 120, tasks: [0, 1, 2, 3] },
  { client: 0, name: 'Mobile App', code: 'APP-02', rate: 140, tasks: [0, 1, 4, 2, 5] },
  { client: 1, name: 'Brand Refresh', code: null, rate: 110, tasks: [0, 2, 4] },
  { client: 1, name: 'Data Migration', code: 'DM-07', rate: 130, tasks: [1, 3, 2, 4] },
  { client: 2, name: 'Reporting Automation', code: 'TPS-03', rate: 95, tasks: [1, 2, 5] },
  { client: 2, name: 'Internal Training', code: null, rate: null, tasks: [2, 4, 6] },
  { client: 3, name: 'Patient Portal', code: 'PP-11', rate: 150, tasks: [0, 1, 5, 3, 4], inactiveTask: 4 },
  { client: 3, name: 'Legacy Support', code: 'LS-00', rate: 90, tasks: [1, 2, 7], isActive: false },
];

function buildAssignments(clients: SandboxClient[], projects: ProjectSpec[]): ProjectAssignment[] {
  let taskAssignmentId = 4_000_001;
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
      task: { id: taskId(t), name: taskName(t) },
    }));
    // Inactive ones last, so "the first assignment" is always one a person may track time to.
    task_assignments.sort((a, b) => Number(b.is_active) - Number(a.is_active));
    return {
      id: 3_000_001 + p,
      is_project_manager: false,
      is_active: spec.isActive ?? true,
      use_default_rates: true,
      budget: null,
      hourly_rate: spec.rate,
      created_at: SETUP_STAMP,
      updated_at: SETUP_STAMP,
      // Recorded assignments name the project with is_billable too (tests/fixtures/harvest/recorded/).
      project: { id: 5_000_001 + p, name: spec.name, code: spec.code, is_billable: spec.rate !== null },
      client: { id: client.id, name: client.name, currency: client.currency },
      task_assignments,
    };
  });
}

function baseAccount(settings: AccountSettings): Omit<SandboxAccount, 'clients' | 'assignments' | 'entries'> {
  return {
    company: {
      base_uri: 'https://sheaf-demo.harvestapp.com',
      full_domain: 'sheaf-demo.harvestapp.com',
      name: 'Sheaf Demo Co',
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

const DEMO_HOURS = [1.5, 0.75, 2.25, 1, 3.5, 0.5, 2, 1.25];
const DEMO_NOTES = [
  'Sprint planning',
  'Homepage hero variants',
  null,
  'Fix login redirect',
  'Client call: scope review',
  'Migration dry run',
  null,
  'Write release notes',
];

/** A stable per-date number, so each week looks different but a given day always looks the same. */
function dateHash(date: string): number {
  let h = 7;
  for (const ch of date) h = (h * 31 + ch.charCodeAt(0)) % 10_007;
  return h;
}

/** A few entries on each day of the current week up to today; the week's first entry is locked. */
function demoEntries(
  account: Omit<SandboxAccount, 'entries'>,
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
    const count = date === today ? 3 : 2 + (hash % 2);
    let startMinutes = 9 * 60;
    for (let i = 0; i < count; i++) {
      const pair = pairs[(hash + i * 7) % pairs.length]!;
      const hours = DEMO_HOURS[(hash + i) % DEMO_HOURS.length]!;
      const endMinutes = startMinutes + Math.round(hours * 60);
      // Today's entries can't have been created after "now", however early in the day now is.
      const createdMs = Math.min(instantAt(date, endMinutes), nowMs - (count - i) * 60_000);
      entries.push({
        id: 0,
        spentDate: date,
        projectId: pair.a.project.id,
        taskId: pair.t.task.id,
        baseHours: round2(hours),
        timerStartedMs: null,
        startedTime: timestamps ? formatWallClock(startMinutes, clock) : null,
        endedTime: timestamps ? formatWallClock(endMinutes, clock) : null,
        notes: DEMO_NOTES[(hash + i) % DEMO_NOTES.length] ?? null,
        isLocked: entries.length === 0,
        lockedReason: entries.length === 0 ? LOCKED_REASON : null,
        isClosed: false,
        isBilled: false,
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

/** `options` may still be the bare wantsTimestampTimers flag that bench/ and unit tests pass. */
export function buildAccount(
  seed: SeedOption,
  now: Date,
  options: Partial<AccountSettings> | boolean = {},
): SandboxAccount {
  const settings = accountSettings(
    typeof options === 'boolean' ? { wantsTimestampTimers: options } : options,
  );
  const base = baseAccount(settings);
  if (typeof seed === 'object') {
    const { clients: clientCount, specs } = generatedProjects(
      Math.max(0, Math.floor(seed.projects)),
      Math.max(1, Math.floor(seed.tasksPerProject)),
    );
    const clients = Array.from({ length: clientCount }, (_, c) => ({
      id: 6_000_001 + c,
      name: `Client ${c + 1}`,
      currency: 'USD',
    }));
    return { ...base, clients, assignments: buildAssignments(clients, specs), entries: [] };
  }
  const clients = DEMO_CLIENTS.map((c, i) => ({ ...c, id: 6_000_001 + i }));
  const account = { ...base, clients, assignments: buildAssignments(clients, DEMO_PROJECTS) };
  const entries =
    seed === 'demo' ? demoEntries(account, now, settings.wantsTimestampTimers, settings.clock) : [];
  return { ...account, entries };
}
