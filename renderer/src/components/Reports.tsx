// Owns the Week / Month report: stepping back and forth by week or month; hours by client, project and task (and,
// for a manager, by person against their weekly capacity), total and billable (with amounts where Harvest shows
// them); and how old the figures are when they come from the saved copy.
import { useEffect, useState } from 'react';
import { localSpentDate } from '../../../shared/calendar';
import {
  formatAge,
  formatHours,
  formatMoney,
  formatMonth,
  formatRange,
  formatSoFar,
} from '../../../shared/format';
import type { ReportView } from '../../../shared/state';
import { useLive } from '../hooks/useNow';
import { useApp, useSheaf } from '../state/StoreContext';
import { ChevronLeftIcon, ChevronRightIcon } from './MoreIcons';

type Period = ReportView['period'];
/** The contract's limit on stepping back: ten years of weeks, or of months. */
const furthestBack = { week: 520, month: 120 } as const;

export function Reports() {
  const prefs = useApp((app) => app.prefs);
  const [period, setPeriod] = useState<Period>('week');
  // How many weeks / months before the current one each period shows; each keeps its place when switching.
  const [backs, setBacks] = useState<Record<Period, number>>({ week: 0, month: 0 });
  const back = backs[period];
  const answer = useReport(period, back);
  const shown = answer?.report ?? null;
  const problem = answer?.problem ?? null;
  const hours = (h: number) => formatHours(h, prefs.timeFormat);
  const total = shown?.clients.reduce((t, c) => t + c.totalHours, 0) ?? 0;
  const billable = shown?.clients.reduce((t, c) => t + c.billableHours, 0) ?? 0;
  // The client, project and task tables get the Amount column or none do, so their columns line up.
  const hasMoney = (rows: { currency: string | null; billableAmount: number | null }[]) =>
    rows.some((r) => r.currency && r.billableAmount !== null);
  const money = !!shown && hasMoney([...shown.clients, ...shown.projects, ...(shown.tasks ?? [])]);
  // People's rows carry amounts only where Harvest sends them for everyone's time.
  const peopleMoney = money && hasMoney(shown?.people ?? []);
  const soFar =
    shown && period === 'month'
      ? formatSoFar(shown.from, shown.to, localSpentDate(new Date(shown.fetchedAt)))
      : null;
  const step = (by: number) =>
    setBacks((b) => ({ ...b, [period]: Math.min(furthestBack[period], Math.max(0, b[period] + by)) }));
  const unit = period === 'week' ? 'week' : 'month';
  return (
    <section className="reports" aria-label="Reports">
      <div className="period-switch" role="group" aria-label="Report period">
        {(['week', 'month'] as const).map((p) => (
          <button
            key={p}
            type="button"
            aria-pressed={period === p}
            className={period === p ? 'segment active' : 'segment'}
            onClick={() => setPeriod(p)}
          >
            {p === 'week' ? 'Week' : 'Month'}
          </button>
        ))}
      </div>
      <nav className="report-nav" aria-label={period === 'week' ? 'Weeks' : 'Months'}>
        <button
          type="button"
          className="icon-button"
          aria-label={`Previous ${unit}`}
          disabled={back >= furthestBack[period]}
          onClick={() => step(1)}
        >
          <ChevronLeftIcon />
        </button>
        <h2 className="report-title" aria-live="polite">
          {shown ? (period === 'week' ? formatRange(shown.from, shown.to) : formatMonth(shown.from)) : ''}
        </h2>
        <button
          type="button"
          className="icon-button"
          aria-label={`Next ${unit}`}
          disabled={back === 0}
          onClick={() => step(-1)}
        >
          <ChevronRightIcon />
        </button>
      </nav>
      {problem && <p className="muted">{problem}</p>}
      {!shown && !problem && <p className="muted loading">Loading…</p>}
      {shown && (
        <>
          <p className="report-range muted small">
            {soFar && <span className="report-so-far">{soFar} · </span>}
            {hours(total)} total, {hours(billable)} billable
          </p>
          <p className={shown.stale ? 'report-age stale small' : 'report-age muted small'} role="status">
            {shown.stale ? `${shown.note ?? 'Saved copy.'} ` : ''}
            As of <ReportAge fetchedAt={shown.fetchedAt} />
          </p>
          <ReportTable
            caption="By client"
            rows={shown.clients.map((c) => ({ key: c.clientId, name: c.clientName, detail: null, ...c }))}
            hours={hours}
            money={money}
          />
          <ReportTable
            caption="By project"
            rows={shown.projects.map((p) => ({
              key: p.projectId,
              name: p.projectName,
              detail: p.clientName,
              ...p,
            }))}
            hours={hours}
            money={money}
          />
          <ReportTable
            caption="By task"
            rows={(shown.tasks ?? []).map((t) => ({ key: t.taskId, name: t.taskName, detail: null, ...t }))}
            hours={hours}
            money={money}
          />
          {/* Only for someone whose Team report lists more than themselves (core leaves it empty otherwise). */}
          {(shown.people ?? []).length > 0 && (
            <ReportTable
              caption="By person"
              rows={shown.people!.map((p) => ({
                key: p.userId,
                name: p.userName,
                detail: p.capacityHours !== null ? `of ${hours(p.capacityHours)}` : null,
                ...p,
              }))}
              hours={hours}
              money={peopleMoney}
            />
          )}
        </>
      )}
    </section>
  );
}

/**
 * The report for `period`, `back` periods ago: the last one fetched and, when the latest try failed, why. The
 * report stays up (with when it was fetched) rather than give way to the error.
 */
function useReport(period: Period, back: number) {
  // Quietly: the report says what went wrong itself, so the popover's alert doesn't say it a second time.
  const send = useSheaf((s) => s.sendQuietly);
  const key = `${period}:${back}`;
  const [answers, setAnswers] = useState<
    Partial<Record<string, { report: ReportView | null; problem: string | null }>>
  >({});

  useEffect(() => {
    let current = true;
    void send('getReport', back === 0 ? { period } : { period, back }).then((result) => {
      if (!current) return;
      setAnswers((a) => ({
        ...a,
        [key]: result?.ok
          ? { report: result.value, problem: null }
          : {
              report: a[key]?.report ?? null,
              problem: result
                ? result.error.message
                : "Sheaf couldn't reach its background process. Try again.",
            },
      }));
    });
    return () => {
      current = false;
    };
  }, [period, back, key, send]);

  return answers[key];
}

interface Row {
  key: number;
  name: string;
  detail: string | null;
  totalHours: number;
  billableHours: number;
  currency: string | null;
  billableAmount: number | null;
}

function ReportTable({
  caption,
  rows,
  hours,
  money,
}: {
  caption: string;
  rows: Row[];
  hours(h: number): string;
  money: boolean;
}) {
  return (
    // Roles stated outright: with large text the rows are laid out as grids (see styles.css), and the table must
    // still read as a table.
    <table role="table" className={money ? 'report-table with-money' : 'report-table'}>
      <caption>{caption}</caption>
      {/* Fixed widths, the same in both tables, so Hours, Billable and Amount sit at the same x. */}
      <colgroup>
        <col />
        <col className="report-hours" />
        <col className="report-hours" />
        {money && <col className="report-money" />}
      </colgroup>
      <thead role="rowgroup">
        <tr role="row">
          <th scope="col" role="columnheader">
            Name
          </th>
          <th scope="col" role="columnheader">
            Hours
          </th>
          <th scope="col" role="columnheader">
            Billable
          </th>
          {money && (
            <th scope="col" role="columnheader">
              Amount
            </th>
          )}
        </tr>
      </thead>
      <tbody role="rowgroup">
        {rows.length === 0 && (
          <tr role="row">
            <td role="cell" colSpan={money ? 4 : 3} className="muted report-empty">
              No time tracked yet.
            </td>
          </tr>
        )}
        {rows.map((r) => (
          <tr key={r.key} role="row">
            <th scope="row" role="rowheader">
              {r.name}
              {r.detail && <span className="muted small"> {r.detail}</span>}
            </th>
            <td role="cell">{hours(r.totalHours)}</td>
            <td role="cell">{hours(r.billableHours)}</td>
            {money && (
              <td role="cell">
                {r.currency && r.billableAmount !== null ? formatMoney(r.billableAmount, r.currency) : ''}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "5 min ago", re-rendered when the words change. */
function ReportAge({ fetchedAt }: { fetchedAt: string }) {
  return useLive((now) => formatAge(fetchedAt, now), true, 30_000);
}
