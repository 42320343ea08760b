// Owns the shapes of Harvest API v2 responses (zod), named as Harvest names them; types are inferred from here.
// Unknown fields pass through (z.looseObject) and fields real traffic sends as null are nullable.
import { z } from 'zod';
import { WEEK_START_DAYS } from '../calendar';

const id = z.number().int();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const isoDateTime = z.string();
const money = z.number().nullable().optional();

export const IdName = z.looseObject({ id, name: z.string() });

/** What a time entry says of its user and task assignment: the same rates and dates, and one flag each. */
const assignmentRef = {
  id,
  is_active: z.boolean().optional(),
  budget: z.number().nullable().optional(),
  hourly_rate: money,
  created_at: isoDateTime.optional(),
  updated_at: isoDateTime.optional(),
};

export const UserAssignmentRef = z.looseObject({
  ...assignmentRef,
  is_project_manager: z.boolean().optional(),
});

export const TaskAssignmentRef = z.looseObject({ ...assignmentRef, billable: z.boolean().optional() });

/** What a time entry was for in another tool; Harvest's clients hold the ids as strings. */
export const ExternalReference = z.looseObject({
  id: z.string(),
  group_id: z.string().nullable().optional(),
  account_id: z.string().nullable().optional(),
  permalink: z.string(),
  service: z.string().nullable().optional(),
  service_icon_url: z.string().nullable().optional(),
});
export type ExternalReference = z.infer<typeof ExternalReference>;

/** Where an entry stands in Timesheet Approval (absent on older answers: read is_closed then). */
export const ApprovalStatus = z.enum(['unsubmitted', 'submitted', 'approved']);

export const TimeEntry = z.looseObject({
  id,
  spent_date: isoDate,
  user: IdName,
  client: IdName.extend({ currency: z.string().optional() }).nullable().optional(),
  project: IdName.extend({ code: z.string().nullable().optional() }),
  task: IdName,
  user_assignment: UserAssignmentRef.nullable().optional(),
  task_assignment: TaskAssignmentRef.nullable().optional(),
  external_reference: ExternalReference.nullable().optional(),
  invoice: z.looseObject({ id, number: z.string().nullable().optional() }).nullable().optional(),
  hours: z.number(),
  // Older entries lack these two.
  hours_without_timer: z.number().nullable().optional(),
  rounded_hours: z.number().nullable().optional(),
  notes: z.string().nullable(),
  is_locked: z.boolean(),
  locked_reason: z.string().nullable().optional(),
  is_closed: z.boolean(),
  approval_status: ApprovalStatus.optional(),
  is_billed: z.boolean(),
  timer_started_at: isoDateTime.nullable().optional(),
  // "8:00am" style wall-clock times, only on timestamp-timer accounts.
  started_time: z.string().nullable().optional(),
  ended_time: z.string().nullable().optional(),
  is_running: z.boolean(),
  billable: z.boolean(),
  budgeted: z.boolean().optional(),
  billable_rate: money,
  cost_rate: money,
  created_at: isoDateTime,
  updated_at: isoDateTime,
});
export type TimeEntry = z.infer<typeof TimeEntry>;

export const User = z.looseObject({
  id,
  first_name: z.string(),
  last_name: z.string(),
  email: z.string(),
  timezone: z.string().optional(),
  // Seconds per week (e.g. 126000 = 35 h).
  weekly_capacity: z.number().nullable().optional(),
  is_active: z.boolean().optional(),
  is_contractor: z.boolean().optional(),
  roles: z.array(z.string()).optional(),
  access_roles: z.array(z.string()).optional(),
  avatar_url: z.string().nullable().optional(),
  created_at: isoDateTime.optional(),
  updated_at: isoDateTime.optional(),
});
export type User = z.infer<typeof User>;

export const WeekStartDay = z.enum(WEEK_START_DAYS);
export type WeekStartDay = z.infer<typeof WeekStartDay>;
export const TimeFormat = z.enum(['decimal', 'hours_minutes']);
export type TimeFormat = z.infer<typeof TimeFormat>;
export const ClockStyle = z.enum(['12h', '24h']);
export type ClockStyle = z.infer<typeof ClockStyle>;

export const Company = z.looseObject({
  base_uri: z.string().optional(),
  full_domain: z.string().optional(),
  name: z.string(),
  is_active: z.boolean().optional(),
  week_start_day: WeekStartDay,
  wants_timestamp_timers: z.boolean(),
  time_format: TimeFormat,
  date_format: z.string().optional(),
  clock: ClockStyle,
  currency: z.string().optional(),
  plan_type: z.string().optional(),
});
export type Company = z.infer<typeof Company>;

export const TaskAssignment = z.looseObject({
  id,
  billable: z.boolean().nullable().optional(),
  is_active: z.boolean(),
  hourly_rate: money,
  budget: z.number().nullable().optional(),
  created_at: isoDateTime.optional(),
  updated_at: isoDateTime.optional(),
  task: IdName,
});
export type TaskAssignment = z.infer<typeof TaskAssignment>;

export const ProjectAssignment = z.looseObject({
  id,
  is_project_manager: z.boolean().optional(),
  is_active: z.boolean(),
  use_default_rates: z.boolean().optional(),
  budget: z.number().nullable().optional(),
  hourly_rate: money,
  created_at: isoDateTime.optional(),
  updated_at: isoDateTime.optional(),
  project: IdName.extend({ code: z.string().nullable().optional() }),
  client: IdName.extend({ currency: z.string().optional() }),
  task_assignments: z.array(TaskAssignment),
});
export type ProjectAssignment = z.infer<typeof ProjectAssignment>;

/** Every report row's totals; hours are rounded when the account rounds (each entry before totalling). */
const reportTotals = {
  total_hours: z.number(),
  billable_hours: z.number(),
  // Only visible to admins / PMs with the rates permission.
  currency: z.string().nullable().optional(),
  billable_amount: z.number().nullable().optional(),
};

export const ClientTimeReportResult = z.looseObject({
  client_id: id,
  client_name: z.string(),
  ...reportTotals,
});
export type ClientTimeReportResult = z.infer<typeof ClientTimeReportResult>;

/** A project's row carries its client's totals fields, plus the project. */
export const ProjectTimeReportResult = ClientTimeReportResult.extend({
  project_id: id,
  project_name: z.string(),
});
export type ProjectTimeReportResult = z.infer<typeof ProjectTimeReportResult>;

export const TaskTimeReportResult = z.looseObject({ task_id: id, task_name: z.string(), ...reportTotals });
export type TaskTimeReportResult = z.infer<typeof TaskTimeReportResult>;

/** One person's row: their hours beside their capacity (seconds per week). */
export const TeamTimeReportResult = z.looseObject({
  user_id: id,
  user_name: z.string(),
  is_contractor: z.boolean().optional(),
  weekly_capacity: z.number().nullable().optional(),
  avatar_url: z.string().nullable().optional(),
  ...reportTotals,
});
export type TeamTimeReportResult = z.infer<typeof TeamTimeReportResult>;

export const PageLinks = z.looseObject({
  first: z.string().nullable().optional(),
  next: z.string().nullable(),
  previous: z.string().nullable().optional(),
  last: z.string().nullable().optional(),
});

// Harvest documents cursor pagination too: then page, next_page and previous_page are null on every page but
// the first and last. Only links.next is followed, so no pagination number is required or trusted.
const pageNumber = z.number().nullable().optional();
const paginationShape = {
  per_page: pageNumber,
  total_pages: pageNumber,
  total_entries: pageNumber,
  next_page: pageNumber,
  previous_page: pageNumber,
  page: pageNumber,
  links: PageLinks.optional(),
};

/** The envelope every Harvest list shares; `key` is the array's property name ("time_entries", "results" …). */
export function pageOf<K extends string, T extends z.ZodType>(key: K, item: T) {
  const items = { [key]: z.array(item) } as { [P in K]: z.ZodArray<T> };
  return z.looseObject({ ...paginationShape, ...items });
}

/** Error bodies Harvest sends: {message}, {error, error_description}, {status, error}; parsed defensively. */
export const ErrorBody = z.looseObject({
  message: z.string().optional(),
  error: z.string().optional(),
  error_description: z.string().optional(),
});
