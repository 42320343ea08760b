// Owns today's and this week's totals, both including the running timer's live time.
import { formatHours, type TimeFormat } from '../../../shared/duration';
import type { AppState } from '../../../shared/state';
import { useNow } from '../hooks/useNow';
import { extraHours } from '../lib/liveHours';

interface Props {
  running: AppState['running'];
  todayHours: number;
  weekHours: number;
  weeklyCapacitySeconds: number | null;
  timeFormat: TimeFormat;
}

export function Totals({ running, todayHours, weekHours, weeklyCapacitySeconds, timeFormat }: Props) {
  const now = useNow(1000, running !== null);
  // The snapshot's totals stop at the snapshot; the running timer keeps adding to both.
  const extra = extraHours(running, now);
  return (
    <dl className="totals">
      <div className="total">
        <dt className="muted small">Today</dt>
        <dd aria-label="Today's total">{formatHours(todayHours + extra, timeFormat)}</dd>
      </div>
      <div className="total">
        <dt className="muted small">This week</dt>
        <dd aria-label="This week's total">{formatHours(weekHours + extra, timeFormat)}</dd>
        {weeklyCapacitySeconds ? (
          <dd className="muted small capacity">of {formatHours(weeklyCapacitySeconds / 3600, timeFormat)}</dd>
        ) : null}
      </div>
    </dl>
  );
}
