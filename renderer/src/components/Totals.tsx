// Owns the shown week's total (live with the running timer), billed beside it where the company rounds, and its
// progress against the person's weekly capacity. The day's total is its chip in the week strip, so it appears
// once; the day's billed hours sit beside the day's title (DayView).
import { msPerHour } from '../../../shared/elapsed';
import { formatHours, type TimeFormat } from '../../../shared/format';
import { trackedAndBilled, type LeadingHours } from '../../../shared/time-rounding';

interface Props {
  /** Already including the running timer's live time. */
  weekHours: number;
  isThisWeek: boolean;
  weeklyCapacitySeconds: number | null;
  timeFormat: TimeFormat;
  /** Where the company rounds: the week's billed hours (live too), and which figure leads. */
  billed?: { weekHours: number; lead: LeadingHours } | null;
}

export function Totals({ weekHours, isThisWeek, weeklyCapacitySeconds, timeFormat, billed = null }: Props) {
  const shown = (tracked: number, billedHours: number | undefined) =>
    twoFigures(trackedAndBilled(tracked, billedHours ?? null, timeFormat, billed?.lead));
  const capacity = weeklyCapacitySeconds ? (weeklyCapacitySeconds * 1000) / msPerHour : null;
  const week = isThisWeek ? 'This week' : 'That week';
  return (
    <dl className="totals">
      <div className="total">
        <dt className="muted small">{week}</dt>
        <dd aria-label={`${week}'s total`}>{shown(weekHours, billed?.weekHours)}</dd>
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

/** "7:48 (8:00 billed)": the leading figure as the total, the other quieter beside it, so both fit one line. */
function twoFigures(text: string) {
  const at = text.indexOf(' (');
  if (at < 0) return text;
  return (
    <>
      {text.slice(0, at)} <span className="other-figure muted small">{text.slice(at + 1)}</span>
    </>
  );
}
