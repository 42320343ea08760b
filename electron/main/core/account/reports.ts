// Owns the Week / Month report: hours by project and by client from Harvest's time reports, saved to the
// account folder. Reports allow only 100 requests per 15 minutes, so a fresh saved copy is served as is, and
// a saved copy of any age stands in when Harvest can't be reached. Disposed with its account: no more requests.
import { z } from 'zod';
import type { WeekStartDay } from '../../../../shared/calendar';
import { ReportView } from '../../../../shared/state';
import type { HarvestApi } from '../harvest/api';
import { HarvestError } from '../harvest/errors';
import type {
  ClientTimeReportResult,
  ProjectTimeReportResult,
  TaskTimeReportResult,
  TeamTimeReportResult,
} from '../../../../shared/harvest/schemas';
import { reportRange } from '../base/dates';
import { SignInFirstError } from '../base/errors';
import type { Disposable } from '../base/lifecycle';
import { readJson, writeJson } from '../storage/local-store';
import type { Clock } from '../ports';

type ReportTotalsResult = Pick<
  ClientTimeReportResult,
  'total_hours' | 'billable_hours' | 'currency' | 'billable_amount'
>;

export type ReportPeriod = 'week' | 'month';

/** How long a report is served from its saved copy before Harvest is asked again. */
export const reportFreshMs = 10 * 60_000;
/** Periods kept on disk (the ones looked at last, stepping back included): enough for offline, never growing. */
const keptReports = 12;
const unreachable = new Set(['network', 'timeout', 'server', 'rate_limited']);

const ReportsFile = z.object({ reports: z.array(ReportView) });

export interface ReportsOptions {
  clock: Clock;
  weekStartDay: () => WeekStartDay;
  /** Null for the demo: its reports are kept in memory only. */
  file: string | null;
  log?: (line: string) => void;
}

export class Reports implements Disposable {
  private saved: ReportView[] | null = null;
  private disposed = false;

  constructor(
    private api: HarvestApi,
    private readonly options: ReportsOptions,
  ) {}

  useApi(api: HarvestApi): void {
    this.api = api;
  }

  /** The week or month `back` of them before the current one (0: this week or month). */
  async get(period: ReportPeriod, back = 0): Promise<ReportView> {
    // A signed-out or closed account asks Harvest nothing.
    if (this.disposed) throw new SignInFirstError();
    const now = this.options.clock.now();
    const { start: from, end: to } = reportRange(now, period, this.options.weekStartDay(), back);
    const saved = (await this.load()).find((r) => r.period === period && r.from === from && r.to === to);
    if (saved && now.getTime() - Date.parse(saved.fetchedAt) < reportFreshMs) {
      return { ...saved, stale: false, note: null };
    }
    try {
      const [projects, clients, tasks, team] = await Promise.all([
        this.api.projectTimeReport(from, to),
        this.api.clientTimeReport(from, to),
        this.api.taskTimeReport(from, to),
        // "By person" is this week's only: a month's team report would spend the reports' small budget too.
        period === 'week' ? this.team(from, to) : Promise.resolve([]),
      ]);
      const report: ReportView = {
        period,
        from,
        to,
        fetchedAt: now.toISOString(),
        stale: false,
        note: null,
        projects: projects.map(projectRow).sort((a, b) => b.totalHours - a.totalHours),
        clients: clients.map(clientRow).sort((a, b) => b.totalHours - a.totalHours),
        tasks: tasks.map(taskRow).sort((a, b) => b.totalHours - a.totalHours),
        // A member's team report lists only themselves: that is not a "by person" view.
        people:
          team.length > 1 ? team.map(personRow).sort((a, b) => a.userName.localeCompare(b.userName)) : [],
      };
      await this.keep(report);
      return report;
    } catch (err) {
      if (saved && err instanceof HarvestError && unreachable.has(err.code)) {
        return {
          ...saved,
          stale: true,
          note:
            err.code === 'rate_limited'
              ? 'Harvest asks Sheaf to slow down on reports; showing the saved copy.'
              : "Harvest can't be reached; showing the saved copy.",
        };
      }
      throw err;
    }
  }

  /** The Team report, or none where Harvest won't show this person even their own row. */
  private async team(from: string, to: string): Promise<TeamTimeReportResult[]> {
    try {
      return await this.api.teamTimeReport(from, to);
    } catch (err) {
      if (err instanceof HarvestError && err.code === 'forbidden') return [];
      throw err;
    }
  }

  dispose(): void {
    this.disposed = true;
  }

  private async load(): Promise<ReportView[]> {
    if (this.saved) return this.saved;
    this.saved = [];
    if (this.options.file) {
      const read = await readJson(this.options.file, ReportsFile, 'saved reports');
      if (read.problem) this.options.log?.(read.problem);
      this.saved = read.value?.reports ?? [];
    }
    return this.saved;
  }

  private async keep(report: ReportView): Promise<void> {
    const others = (await this.load()).filter(
      (r) => !(r.period === report.period && r.from === report.from && r.to === report.to),
    );
    this.saved = [report, ...others].slice(0, keptReports);
    // An answer that comes after dispose is not saved: another instance may own the file by then.
    if (this.options.file && !this.disposed) {
      await writeJson(this.options.file, { reports: this.saved }).catch((err) =>
        this.options.log?.(`reports not saved: ${err}`),
      );
    }
  }
}

function totals(r: ReportTotalsResult) {
  return {
    totalHours: r.total_hours,
    billableHours: r.billable_hours,
    currency: r.currency ?? null,
    billableAmount: r.billable_amount ?? null,
  };
}

function projectRow(r: ProjectTimeReportResult): ReportView['projects'][number] {
  return { projectId: r.project_id, projectName: r.project_name, clientName: r.client_name, ...totals(r) };
}

function taskRow(r: TaskTimeReportResult): NonNullable<ReportView['tasks']>[number] {
  return { taskId: r.task_id, taskName: r.task_name, ...totals(r) };
}

function personRow(r: TeamTimeReportResult): NonNullable<ReportView['people']>[number] {
  // Harvest gives capacity in seconds a week.
  const capacityHours = r.weekly_capacity ? r.weekly_capacity / 3600 : null;
  return { userId: r.user_id, userName: r.user_name, capacityHours, ...totals(r) };
}

function clientRow(r: ClientTimeReportResult): ReportView['clients'][number] {
  return { clientId: r.client_id, clientName: r.client_name, ...totals(r) };
}
