// Owns the Time Reports routes (clients, projects, tasks, team): totals of the person's own entries in from..to,
// each entry rounded by the account's Time Rounding before it is added, amounts only for those who may see them.
import type {
  ClientTimeReportResult,
  ProjectTimeReportResult,
  TaskTimeReportResult,
  TeamTimeReportResult,
} from '../../../shared/harvest/schemas';
import type { SandboxAccount } from '../account';
import { hoursAt } from '../entry-view';
import { unprocessable } from '../http';
import { paginate } from '../pagination';
import { roundedHours } from '../../../shared/time-rounding';
import { ok, pageRequest, type Route, type RouteContext } from '../router';
import { teammateHours } from '../team';
import { daysBetween, localDate, normalizeDate, round2 } from '../time';

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
  currency?: string;
  billable_amount?: number;
}

/** A row's subject and currency; its totals start at zero. */
type Subject<R> = { key: number; row: () => Omit<R, keyof Totals>; currency: string };

/** "Only visible to Administrators and Project Managers with the View billable rates and amounts permission." */
const seesAmounts = (account: SandboxAccount) => account.role === 'administrator';

function addUp<R extends Totals>(
  ctx: RouteContext,
  subjectOf: (projectId: number, taskId: number) => Subject<R>,
): R[] {
  const { store } = ctx;
  const { from, to } = reportWindow(ctx.url);
  const now = store.nowMs();
  const amounts = seesAmounts(store.account);
  const rows = new Map<number, R>();
  for (const entry of store.list({ from, to })) {
    const found = store.index.find(entry.projectId, entry.taskId);
    if (!found) continue;
    const subject = subjectOf(entry.projectId, entry.taskId);
    let totals = rows.get(subject.key);
    if (!totals) {
      const zero = { total_hours: 0, billable_hours: 0 };
      totals = {
        ...subject.row(),
        ...zero,
        ...(amounts ? { currency: subject.currency, billable_amount: 0 } : {}),
      } as R;
      rows.set(subject.key, totals);
    }
    // Harvest rounds each entry on its own, then adds them up.
    const hours = roundedHours(hoursAt(entry, now), store.account.rounding);
    totals.total_hours = round2(totals.total_hours + hours);
    if (!found.task.billable) continue;
    totals.billable_hours = round2(totals.billable_hours + hours);
    if (amounts)
      totals.billable_amount = round2(totals.billable_amount! + hours * (found.task.hourly_rate ?? 0));
  }
  return [...rows.values()];
}

const byName =
  <R>(name: (r: R) => string) =>
  (a: R, b: R) =>
    name(a).localeCompare(name(b));

function answer<R>(ctx: RouteContext, results: R[], idOf: (r: R) => number) {
  return ok(paginate('results', results, pageRequest(ctx, REPORTS_PAGE_STYLE), undefined, idOf));
}

function clientsReport(ctx: RouteContext) {
  const rows = addUp<ClientTimeReportResult & Totals>(ctx, (projectId) => {
    const { client } = ctx.store.index.project(projectId)!;
    return {
      key: client.id,
      currency: client.currency ?? 'USD',
      row: () => ({ client_id: client.id, client_name: client.name }),
    };
  });
  return answer(ctx, rows.sort(byName((r) => r.client_name)), (r) => r.client_id);
}

function projectsReport(ctx: RouteContext) {
  const rows = addUp<ProjectTimeReportResult & Totals>(ctx, (projectId) => {
    const pa = ctx.store.index.project(projectId)!;
    return {
      key: projectId,
      currency: pa.client.currency ?? 'USD',
      row: () => ({
        project_id: pa.project.id,
        project_name: reportName(pa.project.name, pa.project.code),
        client_id: pa.client.id,
        client_name: pa.client.name,
      }),
    };
  });
  rows.sort(
    (a, b) => a.client_name.localeCompare(b.client_name) || a.project_name.localeCompare(b.project_name),
  );
  return answer(ctx, rows, (r) => r.project_id);
}

function tasksReport(ctx: RouteContext) {
  const rows = addUp<TaskTimeReportResult & Totals>(ctx, (projectId, taskId) => {
    const found = ctx.store.index.find(projectId, taskId)!;
    return {
      key: taskId,
      currency: found.project.client.currency ?? 'USD',
      row: () => ({ task_id: found.task.task.id, task_name: found.task.task.name }),
    };
  });
  return answer(ctx, rows.sort(byName((r) => r.task_name)), (r) => r.task_id);
}

/**
 * "Members will only see their own tracked time": a member's Team report has one row, theirs; an administrator's
 * lists everyone who tracked time in the window. The person's row is their real entries.
 */
function teamReport(ctx: RouteContext) {
  const { account } = ctx.store;
  const { from, to } = reportWindow(ctx.url);
  const own = addUp<TeamTimeReportResult & Totals>(ctx, () => ({
    key: account.user.id,
    currency: account.company.currency ?? 'USD',
    row: () => ({
      user_id: account.user.id,
      user_name: `${account.user.first_name} ${account.user.last_name}`,
      is_contractor: account.user.is_contractor ?? false,
      weekly_capacity: account.user.weekly_capacity ?? null,
      avatar_url: (account.user as { avatar_url?: string }).avatar_url ?? null,
    }),
  }));
  const today = localDate(new Date(ctx.store.nowMs()));
  const others = seesAmounts(account)
    ? account.teammates.flatMap((t) => {
        const hours = roundedHours(teammateHours(t, from, to, today), account.rounding);
        if (hours === 0) return [];
        return [
          {
            user_id: t.id,
            user_name: t.name,
            is_contractor: t.isContractor,
            weekly_capacity: t.weeklyCapacity,
            avatar_url: null,
            total_hours: hours,
            billable_hours: hours,
            currency: account.company.currency ?? 'USD',
            // Teammates bill at the demo's usual $100 an hour.
            billable_amount: round2(hours * 100),
          },
        ];
      })
    : [];
  return answer(ctx, [...own, ...others].sort(byName((r) => r.user_name)), (r) => r.user_id);
}

export const reportRoutes: Route[] = [
  { method: 'GET', pattern: /^\/v2\/reports\/time\/clients\/?$/, handle: clientsReport },
  { method: 'GET', pattern: /^\/v2\/reports\/time\/projects\/?$/, handle: projectsReport },
  { method: 'GET', pattern: /^\/v2\/reports\/time\/tasks\/?$/, handle: tasksReport },
  { method: 'GET', pattern: /^\/v2\/reports\/time\/team\/?$/, handle: teamReport },
];
