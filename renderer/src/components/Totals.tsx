// Owns the shown week's total (live with the running timer) and its progress against the person's weekly
// capacity. The day's total is its chip in the week strip, so it appears once.
import { msPerHour } from '../../../shared/elapsed';
import { formatHours, type TimeFormat } from '../../../shared/format';

interface Props {
  /** Already including the running timer's live time. */
  weekHours: number;
  isThisWeek: boolean;
  weeklyCapacitySeconds: number | null;
  timeFormat: TimeFormat;
}

export function Totals({ weekHours, isThisWeek, weeklyCapacitySeconds, timeFormat }: Props) {
  const capacity = weeklyCapacitySeconds ? (weeklyCapacitySeconds * 1000) / msPerHour : null;
  const week = isThisWeek ? 'This week' : 'That week';
  return (
    <dl className="totals">
      <div className="total">
        <dt className="muted small">{week}</dt>
        <dd aria-label={`${week}'s total`}>{formatHours(weekHours, timeFormat)}</dd>
        {capacity ? (
          <dd className="capacity">
            <span className="muted small">of {formatHours(capacity, timeFormat)}</span>
            <span
              className="capacity-bar"
              role="progressbar"
              aria-label={`${week} against your weekly capacity`}
              aria-valuemin={0}
              aria-valuemax={Math.round(capacity * 100) / 100}
              aria-valuenow={Math.round(Math.min(weekHours, capacity) * 100) / 100}
              aria-valuetext={`${formatHours(weekHours, timeFormat)} of ${formatHours(capacity, timeFormat)}`}
            >
              <span
                className="capacity-fill"
                style={{ width: `${Math.min(100, (weekHours / capacity) * 100)}%` }}
              />
            </span>
          </dd>
        ) : null}
      </div>
    </dl>
  );
}
