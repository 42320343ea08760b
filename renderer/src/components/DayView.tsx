// Owns the shown day: stepping between days, the week strip with each day's total, the day's entries, totals
// against the weekly capacity; and asking Harvest what changed whenever the popover opens.
import { memo, useEffect } from 'react';
import { addDays } from '../../../shared/calendar';
import { formatDate, formatDay, formatHours, formatWeekday, type TimeFormat } from '../../../shared/format';
import type { ShownDay } from '../../../shared/state';
import { useNow } from '../hooks/useNow';
import { extraHours } from '../../../shared/elapsed';
import { useApp, useSheaf } from '../state/StoreContext';
import { ChevronLeftIcon, ChevronRightIcon } from './MoreIcons';
import { TodayList } from './TodayList';
import { Totals } from './Totals';

/** Opening the popover twice within this long asks Harvest once. */
const openRefreshMs = 10_000;

export const DayView = memo(function DayView({
  weeklyCapacitySeconds,
}: {
  weeklyCapacitySeconds: number | null;
}) {
  const send = useSheaf((s) => s.send);
  const sendQuietly = useSheaf((s) => s.sendQuietly);
  const day = useApp((app) => app.day);
  const prefs = useApp((app) => app.prefs);
  const today = useApp((app) => app.today.date) || day.date;

  useRefreshWhenOpened(() => void sendQuietly('refreshChanges'));

  const show = (date: string) => void send('showDay', { date });
  return (
    <>
      <nav className="day-nav" aria-label="Days">
        <button
          type="button"
          className="icon-button"
          aria-label="Previous day"
          onClick={() => show(addDays(day.date, -1))}
        >
          <ChevronLeftIcon />
        </button>
        <h2 className="day-title" aria-live="polite">
          {formatDay(day.date, today)}
          {formatDay(day.date, today) !== formatDate(day.date) && !day.isToday && (
            <span className="muted small"> {formatDate(day.date)}</span>
          )}
        </h2>
        <button
          type="button"
          className="icon-button"
          aria-label="Next day"
          onClick={() => show(addDays(day.date, 1))}
        >
          <ChevronRightIcon />
        </button>
        {!day.isToday && (
          <button type="button" className="quiet today-button" onClick={() => show(today)}>
            Back to today
          </button>
        )}
      </nav>
      <WeekStrip day={day} today={today} timeFormat={prefs.timeFormat} show={show} />
      <TodayList day={day} prefs={prefs} loading={day.loading} />
      <DayTotals
        day={day}
        today={today}
        weeklyCapacitySeconds={weeklyCapacitySeconds}
        timeFormat={prefs.timeFormat}
      />
    </>
  );
});

/** The running timer's hours since the snapshot, re-read every second while one runs; 0 on other days. */
function useLiveHours(): (date: string) => number {
  const running = useApp((app) => app.running);
  const now = useNow(1000, running !== null);
  const extra = extraHours(running, now);
  return (date) => (running && running.spentDate === date ? extra : 0);
}

function WeekStrip({
  day,
  today,
  timeFormat,
  show,
}: {
  day: ShownDay;
  today: string;
  timeFormat: TimeFormat;
  show(date: string): void;
}) {
  const liveOn = useLiveHours();
  return (
    <ol className="week-strip" aria-label="Week by day">
      {day.week.days.map((d) => {
        const hours = d.totalHours + liveOn(d.date);
        const shown = d.date === day.date;
        return (
          <li key={d.date}>
            <button
              type="button"
              className={['week-day', shown && 'shown', d.date === today && 'today']
                .filter(Boolean)
                .join(' ')}
              aria-label={`${formatDate(d.date)}: ${formatHours(hours, timeFormat)}`}
              aria-current={shown ? 'date' : undefined}
              onClick={() => show(d.date)}
            >
              <span className="week-day-name">{formatWeekday(d.date)}</span>
              <span className="week-day-hours">{hours > 0 ? formatHours(hours, timeFormat) : '–'}</span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}

function DayTotals({
  day,
  today,
  weeklyCapacitySeconds,
  timeFormat,
}: {
  day: ShownDay;
  today: string;
  weeklyCapacitySeconds: number | null;
  timeFormat: TimeFormat;
}) {
  const liveOn = useLiveHours();
  const weekLive = day.week.days.reduce((sum, d) => sum + liveOn(d.date), 0);
  return (
    <Totals
      dayHours={day.totalHours + liveOn(day.date)}
      weekHours={day.week.totalHours + weekLive}
      isToday={day.isToday}
      isThisWeek={today >= day.week.start && today <= day.week.end}
      weeklyCapacitySeconds={weeklyCapacitySeconds}
      timeFormat={timeFormat}
    />
  );
}

/** Runs `refresh` when the popover is shown again (the page becomes visible or the window gets focus). */
function useRefreshWhenOpened(refresh: () => void): void {
  useEffect(() => {
    let last = 0;
    const maybe = () => {
      if (document.visibilityState !== 'visible' || Date.now() - last < openRefreshMs) return;
      last = Date.now();
      refresh();
    };
    maybe();
    document.addEventListener('visibilitychange', maybe);
    window.addEventListener('focus', maybe);
    return () => {
      document.removeEventListener('visibilitychange', maybe);
      window.removeEventListener('focus', maybe);
    };
    // Once per mount: the command is the same whatever render asked for it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
