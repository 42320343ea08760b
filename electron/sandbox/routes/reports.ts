// Owns the Time Reports routes (projects, clients): totals aggregated from the user's own entries in from..to.
import type { ClientTimeReportResult, ProjectTimeReportResult } from '../../../shared/harvest/schemas';
import { hoursAt } from '../entry-view';
import { unprocessable } from '../http';
import { paginate } from '../pagination';
import { ok, pageRequest, type Route, type RouteContext } from '../router';
import { daysBetween, normalizeDate, round2 } from '../time';

const MAX_REPORT_DAYS = 365;
// The Reports API documents page numbers only (its examples' links are `from=…&page=1&per_page=2000&to=…`), and a
// report row has no id of its own; cursor paging here is only what SandboxOptions.pagination 'cursor' forces.
const REPORTS_PAGE_STYLE = 'offset';

function reportWindow(url: URL): { from: string; to: string } {
  const problems: string[] = [];
  const read = (name: 'from' | 'to') => {
    const raw = url.searchParams.get(name);
    if (raw === null || raw === '') problems.push(`${name} is required`);
    else if (!normalizeDate(raw)) problems.push(`${name} must be a date like 20170101 or 2017-01-01`);
    return raw ? normalizeDate(raw) : null;
  };
  const from = read('from');
  const to = read('to');
  if (from && to && to < from) problems.push('to must be on or after from');
  if (from && to && daysBetween(from, to) > MAX_REPORT_DAYS)
    problems.push("The timeframe can't exceed 365 days");
  if (problems.length > 0 || !from || !to) throw unprocessable(problems.join(', '));
  return { from, to };
}

/** Harvest names projects "[CODE] Name" in reports when they have a code. */
const reportName = (name: string, code: string | null | undefined) => (code ? `[${code}] ${name}` : name);

interface Totals {
  total_hours: number;
  billable_hours: number;
  currency: string;
  billable_amount: number;
}

function aggregate<R extends Totals>(
  ctx: RouteContext,
  keyOf: (projectId: number) => { key: number; row: () => R },
) {
  const { store } = ctx;
  const { from, to } = reportWindow(ctx.url);
  const now = store.nowMs();
  const rows = new Map<number, R>();
  for (const entry of store.list({ from, to })) {
    const found = store.index.find(entry.projectId, entry.taskId);
    if (!found) continue;
    const { key, row } = keyOf(entry.projectId);
    const totals = rows.get(key) ?? row();
    rows.set(key, totals);
    const hours = hoursAt(entry, now);
    totals.total_hours = round2(totals.total_hours + hours);
    if (found.task.billable) {
      totals.billable_hours = round2(totals.billable_hours + hours);
      totals.billable_amount = round2(totals.billable_amount + hours * (found.task.hourly_rate ?? 0));
    }
  }
  return [...rows.values()];
}

export const reportRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/v2\/reports\/time\/projects\/?$/,
    handle: (ctx) => {
      const results = aggregate<ProjectTimeReportResult & Totals>(ctx, (projectId) => {
        const pa = ctx.store.index.project(projectId)!;
        return {
          key: projectId,
          row: () => ({
            project_id: pa.project.id,
            project_name: reportName(pa.project.name, pa.project.code),
            client_id: pa.client.id,
            client_name: pa.client.name,
            total_hours: 0,
            billable_hours: 0,
            currency: pa.client.currency ?? 'USD',
            billable_amount: 0,
          }),
        };
      }).sort(
        (a, b) => a.client_name.localeCompare(b.client_name) || a.project_name.localeCompare(b.project_name),
      );
      return ok(
        paginate('results', results, pageRequest(ctx, REPORTS_PAGE_STYLE), undefined, (r) => r.project_id),
      );
    },
  },
  {
    method: 'GET',
    pattern: /^\/v2\/reports\/time\/clients\/?$/,
    handle: (ctx) => {
      const results = aggregate<ClientTimeReportResult & Totals>(ctx, (projectId) => {
        const { client } = ctx.store.index.project(projectId)!;
        return {
          key: client.id,
          row: () => ({
            client_id: client.id,
            client_name: client.name,
            total_hours: 0,
            billable_hours: 0,
            currency: client.currency ?? 'USD',
            billable_amount: 0,
          }),
        };
      }).sort((a, b) => a.client_name.localeCompare(b.client_name));
      return ok(
        paginate('results', results, pageRequest(ctx, REPORTS_PAGE_STYLE), undefined, (r) => r.client_id),
      );
    },
  },
];
