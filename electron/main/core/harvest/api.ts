// Owns the contract between the timesheet and the Harvest client: the calls core makes, in Harvest's terms.
import type {
  ClientTimeReportResult,
  Company,
  ProjectAssignment,
  ProjectTimeReportResult,
  TaskTimeReportResult,
  TeamTimeReportResult,
  TimeEntry,
  User,
} from '../../../../shared/harvest/schemas';

export interface TimeEntryFilter {
  user_id?: number;
  from?: string; // YYYY-MM-DD
  to?: string;
  is_running?: boolean;
  updated_since?: string; // ISO 8601 date-time
  /** Asked per page; the client follows links.next until null whatever the server caps it at. */
  per_page?: number;
}

/** What an entry is for in another tool, as Harvest takes it on create and update. */
export interface ExternalReferenceBody {
  id: string;
  group_id?: string;
  permalink: string;
}

/** POST /time_entries for duration accounts: no `hours` starts a running timer. */
export interface CreateByDuration {
  project_id: number;
  task_id: number;
  spent_date: string;
  hours?: number;
  notes?: string;
  user_id?: number;
  external_reference?: ExternalReferenceBody;
}

/** POST /time_entries for timestamp accounts: no `ended_time` starts a running timer. Times like "8:00am". */
export interface CreateByStartEnd {
  project_id: number;
  task_id: number;
  spent_date: string;
  started_time?: string;
  ended_time?: string;
  notes?: string;
  user_id?: number;
  external_reference?: ExternalReferenceBody;
}

export interface TimeEntryUpdate {
  project_id?: number;
  task_id?: number;
  spent_date?: string;
  started_time?: string;
  ended_time?: string;
  hours?: number;
  notes?: string;
  external_reference?: ExternalReferenceBody;
}

export interface RateLimitStatus {
  /** From X-Rate-Limit-Limit / -Remaining / -Reset when the server sends them. */
  limit?: number;
  remaining?: number;
  resetSeconds?: number;
}

export interface HarvestApi {
  getMe(): Promise<User>;
  getCompany(): Promise<Company>;
  /** Every page; only active assignments with their active task assignments. */
  listMyProjectAssignments(): Promise<ProjectAssignment[]>;
  /** Every page. */
  listTimeEntries(filter?: TimeEntryFilter): Promise<TimeEntry[]>;
  getTimeEntry(id: number): Promise<TimeEntry>;
  /** Never retried once it may have reached Harvest: an ambiguous failure throws OutcomeUnknownError. */
  createTimeEntry(body: CreateByDuration | CreateByStartEnd): Promise<TimeEntry>;
  updateTimeEntry(id: number, body: TimeEntryUpdate): Promise<TimeEntry>;
  stopTimeEntry(id: number): Promise<TimeEntry>;
  restartTimeEntry(id: number): Promise<TimeEntry>;
  deleteTimeEntry(id: number): Promise<void>;
  /** DELETE …/external_reference: the entry is no longer linked to the work. */
  deleteExternalReference(id: number): Promise<void>;
  /** Reports API: 100 requests / 15 min, so callers cache. from/to required, ≤ 365 days apart. */
  projectTimeReport(from: string, to: string): Promise<ProjectTimeReportResult[]>;
  clientTimeReport(from: string, to: string): Promise<ClientTimeReportResult[]>;
  taskTimeReport(from: string, to: string): Promise<TaskTimeReportResult[]>;
  /** Managers get their team, members only themselves. */
  teamTimeReport(from: string, to: string): Promise<TeamTimeReportResult[]>;
  readonly rateLimit: RateLimitStatus;
}
