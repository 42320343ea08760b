// Owns the typed Harvest API v2 client: one method per endpoint Sheaf uses, pagination and response validation.
import { differenceInCalendarDays, isValid, parseISO } from 'date-fns';
import type { z } from 'zod';
import type { Clock, Fetch } from '../ports';
import type {
  CreateByDuration,
  CreateByStartEnd,
  HarvestApi,
  RateLimitStatus,
  TimeEntryFilter,
  TimeEntryUpdate,
} from './api';
import { DEFAULT_HARVEST_BASE_URL, withoutTrailingSlash } from './env';
import { BadResponseError, ValidationError } from './errors';
import { HarvestHttp, type Budget } from './http';
import type { Sleep } from './rate-limit';
import {
  ClientTimeReportResult,
  Company,
  ProjectAssignment,
  ProjectTimeReportResult,
  TaskTimeReportResult,
  TeamTimeReportResult,
  TimeEntry,
  User,
  pageOf,
} from '../../../../shared/harvest/schemas';

export { harvestConfigFromEnv, DEFAULT_HARVEST_BASE_URL } from './env';

export interface HarvestClientConfig {
  /** Default https://api.harvestapp.com/v2; tests and the demo point it at the sandbox. */
  baseUrl?: string;
  token: string;
  accountId: string;
  userAgent?: string;
  /** Global fetch in Node, net.fetch in Electron (honours the system proxy). */
  fetch: Fetch;
  /** Drives the rate-limit windows and HTTP-date Retry-After. */
  clock: Clock;
  /** Per request attempt, body included. */
  timeoutMs?: number;
  sleep?: Sleep;
  /** Jitter source for retry backoff, in [0, 1). */
  random?: () => number;
  maxRetries?: number;
}

export const DEFAULT_USER_AGENT = 'Sheaf (https://github.com/sheaf-app/sheaf)';
/**
 * Harvest's maximum since 2023 on time entries, project assignments and reports. Asking for more is a 422 (it
 * does not cap), so no request asks beyond it; an older server capping at 100 just sends more pages.
 */
const PER_PAGE = 2000;
/** 1000 pages of 100 is 100 000 items, far past any one person's list: beyond that the server is looping. */
const MAX_PAGES = 1000;
const MAX_REPORT_DAYS = 365;

const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const TimeEntryPage = pageOf('time_entries', TimeEntry);
const ProjectAssignmentPage = pageOf('project_assignments', ProjectAssignment);

export class HarvestClient implements HarvestApi {
  private readonly baseUrl: string;
  private readonly http: HarvestHttp;

  constructor(config: HarvestClientConfig) {
    this.baseUrl = withoutTrailingSlash(config.baseUrl ?? DEFAULT_HARVEST_BASE_URL);
    this.http = new HarvestHttp({
      token: config.token,
      accountId: config.accountId,
      userAgent: config.userAgent ?? DEFAULT_USER_AGENT,
      fetch: config.fetch,
      clock: config.clock,
      timeoutMs: config.timeoutMs ?? 15_000,
      sleep: config.sleep ?? realSleep,
      random: config.random ?? Math.random,
      maxRetries: config.maxRetries ?? 4,
    });
  }

  get rateLimit(): RateLimitStatus {
    return this.http.rateLimit;
  }

  async getMe(): Promise<User> {
    return this.get('/users/me', User);
  }

  async getCompany(): Promise<Company> {
    return this.get('/company', Company);
  }

  async listMyProjectAssignments(): Promise<ProjectAssignment[]> {
    const all = await this.allPages(
      this.url('/users/me/project_assignments', { per_page: PER_PAGE }),
      ProjectAssignmentPage,
      (page) => page.project_assignments,
    );
    // Only what a person may still track time to; an assignment with no active task offers nothing to pick.
    return all
      .filter((assignment) => assignment.is_active)
      .map((assignment) => ({
        ...assignment,
        task_assignments: assignment.task_assignments.filter((task) => task.is_active),
      }))
      .filter((assignment) => assignment.task_assignments.length > 0);
  }

  async listTimeEntries(filter: TimeEntryFilter = {}): Promise<TimeEntry[]> {
    const { per_page = PER_PAGE, ...rest } = filter;
    return this.allPages(
      this.url('/time_entries', { ...rest, per_page: Math.max(1, Math.min(PER_PAGE, Math.floor(per_page))) }),
      TimeEntryPage,
      (page) => page.time_entries,
    );
  }

  async getTimeEntry(id: number): Promise<TimeEntry> {
    return this.get(`/time_entries/${entryId(id)}`, TimeEntry);
  }

  async createTimeEntry(body: CreateByDuration | CreateByStartEnd): Promise<TimeEntry> {
    // A second POST would be a second entry (double-counted time), so it is sent at most once.
    return this.write('POST', '/time_entries', body, 'at-most-once');
  }

  async updateTimeEntry(id: number, body: TimeEntryUpdate): Promise<TimeEntry> {
    // Setting the same fields to the same values twice ends where once does.
    return this.write('PATCH', `/time_entries/${entryId(id)}`, body, 'repeatable');
  }

  async stopTimeEntry(id: number): Promise<TimeEntry> {
    // A repeated stop can't add time: the worst a repeat meets is "not running" (422) because the first
    // attempt already stopped it — then the entry as Harvest now has it is the answer.
    const response = await this.http.send({
      method: 'PATCH',
      url: this.url(`/time_entries/${entryId(id)}/stop`),
      policy: 'repeatable',
      doneOnRepeat: [422],
    });
    if (!response.doneEarlier) return parse(TimeEntry, response.json);
    const entry = await this.getTimeEntry(id);
    if (entry.is_running) throw new ValidationError('Harvest would not stop this timer.');
    return entry;
  }

  async restartTimeEntry(id: number): Promise<TimeEntry> {
    // Not repeatable: on timestamp accounts a restart creates a new entry (Harvest's example answers with a
    // different id), so a repeat could leave two entries; it's treated like a create.
    return this.write('PATCH', `/time_entries/${entryId(id)}/restart`, undefined, 'at-most-once');
  }

  async deleteTimeEntry(id: number): Promise<void> {
    // Deleting twice ends where deleting once does; a 404 answering a repeat means the first one landed.
    await this.http.send({
      method: 'DELETE',
      url: this.url(`/time_entries/${entryId(id)}`),
      policy: 'repeatable',
      doneOnRepeat: [404],
    });
  }

  async deleteExternalReference(id: number): Promise<void> {
    // Removing a link twice ends where removing it once does.
    await this.http.send({
      method: 'DELETE',
      url: this.url(`/time_entries/${entryId(id)}/external_reference`),
      policy: 'repeatable',
    });
  }

  async projectTimeReport(from: string, to: string): Promise<ProjectTimeReportResult[]> {
    return this.report('projects', ProjectTimeReportResult, from, to);
  }

  async clientTimeReport(from: string, to: string): Promise<ClientTimeReportResult[]> {
    return this.report('clients', ClientTimeReportResult, from, to);
  }

  async taskTimeReport(from: string, to: string): Promise<TaskTimeReportResult[]> {
    return this.report('tasks', TaskTimeReportResult, from, to);
  }

  async teamTimeReport(from: string, to: string): Promise<TeamTimeReportResult[]> {
    return this.report('team', TeamTimeReportResult, from, to);
  }

  /** One of Harvest's time reports (/reports/time/<kind>), every page, on the reports' own budget. */
  private async report<T extends z.ZodType>(
    kind: 'projects' | 'clients' | 'tasks' | 'team',
    row: T,
    from: string,
    to: string,
  ): Promise<z.infer<T>[]> {
    checkReportRange(from, to);
    return this.allPages(
      this.url(`/reports/time/${kind}`, { from, to, per_page: PER_PAGE }),
      pageOf('results', row),
      (page) => page.results as z.infer<T>[],
      'reports',
    );
  }

  private async get<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>> {
    const response = await this.http.send({ method: 'GET', url: this.url(path), policy: 'repeatable' });
    return parse(schema, response.json);
  }

  private async write(
    method: 'POST' | 'PATCH',
    path: string,
    body: object | undefined,
    policy: 'repeatable' | 'at-most-once',
  ): Promise<TimeEntry> {
    const response = await this.http.send({ method, url: this.url(path), body, policy });
    return parse(TimeEntry, response.json);
  }

  /** Follows links.next exactly as Harvest gives it (extra params, a cursor), until it is null or absent. */
  private async allPages<S extends z.ZodType, T>(
    firstUrl: string,
    schema: S,
    itemsOf: (page: z.infer<S>) => T[],
    budget: Budget = 'general',
  ): Promise<T[]> {
    const items: T[] = [];
    const visited = new Set<string>();
    let url: string | null = firstUrl;
    for (let pages = 0; url !== null; pages++) {
      if (pages >= MAX_PAGES) throw new BadResponseError(`more than ${MAX_PAGES} pages`);
      visited.add(url);
      const response = await this.http.send({ method: 'GET', url, policy: 'repeatable', budget });
      const page = parse(schema, response.json);
      items.push(...itemsOf(page));
      const next = this.nextPageUrl(url, page as PageEnvelope);
      if (next !== null && visited.has(next)) throw new BadResponseError('the next-page link repeats a page');
      url = next;
    }
    return items;
  }

  private nextPageUrl(current: string, page: PageEnvelope): string | null {
    // Page numbers can't be built on: under cursor pagination they are null between the first and last page.
    if (!page.links?.next) return null;
    const next = new URL(page.links.next, current);
    // The token goes with every request: never follow a link to a host other than the one configured.
    if (next.origin !== new URL(this.baseUrl).origin) {
      throw new BadResponseError('the next-page link points to another host');
    }
    return next.href;
  }

  private url(path: string, query: Record<string, string | number | boolean | undefined> = {}): string {
    const url = new URL(`${this.baseUrl}${path}`);
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url.href;
  }
}

interface PageEnvelope {
  links?: { next: string | null };
}

/** Validates a body with its zod schema; the reason names the first bad field, never a value from the body. */
function parse<S extends z.ZodType>(schema: S, json: unknown): z.infer<S> {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'body';
  throw new BadResponseError(`${where}: ${issue?.message ?? 'invalid'}`);
}

function entryId(id: number): string {
  if (!Number.isSafeInteger(id) || id <= 0) throw new ValidationError(`${id} is not a time entry id.`, 400);
  return String(id);
}

/** Harvest rejects report windows over a year; checking first saves a request from a 100-per-15-min budget. */
function checkReportRange(from: string, to: string): void {
  const start = parseISO(from);
  const end = parseISO(to);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(from) ||
    !/^\d{4}-\d{2}-\d{2}$/.test(to) ||
    !isValid(start) ||
    !isValid(end)
  ) {
    throw new ValidationError('Report dates must look like 2025-01-31.', 400);
  }
  const days = differenceInCalendarDays(end, start);
  if (days < 0) throw new ValidationError('The report must start on or before the day it ends.', 400);
  if (days > MAX_REPORT_DAYS) throw new ValidationError('Harvest reports cover at most 365 days.', 400);
}
