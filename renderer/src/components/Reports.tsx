// Owns the Week / Month report: hours by client, project and task (and, for a manager, by person against their
// weekly capacity), total and billable (with amounts where Harvest shows them), and how old the figures are when
// they come from the saved copy.
import { useEffect, useState } from 'react';
import { formatAge, formatHours, formatMoney, formatMonth, formatRange } from '../../../shared/format';
import type { ReportView } from '../../../shared/state';
import { useLive } from '../hooks/useNow';
import { useApp, useSheaf } from '../state/StoreContext';

type Period = ReportView['period'];

export function Reports() {
  // Quietly: the report says what went wrong itself, so the popover's alert doesn't say it a second time.
  const send = useSheaf((s) => s.sendQuietly);
  const prefs = useApp((app) => app.prefs);
  const [period, setPeriod] = useState<Period>('week');
  // Per period, the last report fetched and, when the latest try failed, why: the report stays up (with when it
  // was fetched) rather than give way to the error.
  const [answers, setAnswers] = useState<
    Partial<Record<Period, { report: ReportView | null; problem: string | null }>>
  >({});

  useEffect(() => {
    let current = true;
    void send('getReport', { period }).then((result) => {
      if (!current) return;
      setAnswers((a) => ({
        ...a,
        [period]: result?.ok
          ? { report: result.value, problem: null }
          : {
              report: a[period]?.report ?? null,
              problem: result
                ? result.error.message
                : "Sheaf couldn't reach its background process. Try again.",
            },
      }));
    });
    return () => {
      current = false;
    };
  }, [period, send]);

  const answer = answers[period];
  const shown = answer?.report ?? null;
  const problem = answer?.problem ?? null;
  const hours = (h: number) => formatHours(h, prefs.timeFormat);
  const total = shown?.clients.reduce((t, c) => t + c.totalHours, 0) ?? 0;
  const billable = shown?.clients.reduce((t, c) => t + c.billableHours, 0) ?? 0;
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
      {problem && <p className="muted">{problem}</p>}
      {!shown && !problem && <p className="muted loading">Loading…</p>}
      {shown && (
        <>
          <p className="report-range">
            <strong>{period === 'week' ? formatRange(shown.from, shown.to) : formatMonth(shown.from)}</strong>{' '}
            <span className="muted small">
              {hours(total)} total, {hours(billable)} billable
            </span>
          </p>
          <p className={shown.stale ? 'report-age stale small' : 'report-age muted small'} role="status">
            {shown.stale ? `${shown.note ?? 'Saved copy.'} ` : ''}
            As of <ReportAge fetchedAt={shown.fetchedAt} />
          </p>
          <ReportTable
            caption="By client"
            rows={shown.clients.map((c) => ({ key: c.clientId, name: c.clientName, detail: null, ...c }))}
            hours={hours}
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
          />
          <ReportTable
            caption="By task"
            rows={(shown.tasks ?? []).map((t) => ({ key: t.taskId, name: t.taskName, detail: null, ...t }))}
            hours={hours}
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
            />
          )}
        </>
      )}
    </section>
  );
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

function ReportTable({ caption, rows, hours }: { caption: string; rows: Row[]; hours(h: number): string }) {
  const money = rows.some((r) => r.currency && r.billableAmount !== null);
  return (
    <table className="report-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Hours</th>
          <th scope="col">Billable</th>
          {money && <th scope="col">Amount</th>}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={money ? 4 : 3} className="muted">
              No time tracked yet.
            </td>
          </tr>
        )}
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">
              {r.name}
              {r.detail && <span className="muted small"> {r.detail}</span>}
            </th>
            <td>{hours(r.totalHours)}</td>
            <td>{hours(r.billableHours)}</td>
            {money && (
              <td>
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
