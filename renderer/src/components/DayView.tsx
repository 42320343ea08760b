// Owns the shown day: stepping between days, the week strip with each day's total, the day's entries, totals
// against the weekly capacity; asking Harvest what changed whenever the popover opens, and opening on today after
// a while away.
import { memo, useEffect } from 'react';
import { addDays } from '../../../shared/calendar';
import { formatDate, formatDay, formatHours, formatWeekday, type TimeFormat } from '../../../shared/format';
import type { DayTotal, ShownDay } from '../../../shared/state';
import { useLiveBilled, useLiveHours } from '../hooks/useLiveHours';
import { useOpensOnToday } from '../hooks/useOpensOnToday';
import { useApp, useSheaf } from '../state/StoreContext';
import { AllAccountsTotals } from './OtherAccounts';
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
  useOpensOnToday(day.date, today, () => show(today));
  return (
    <>
      <nav className="day-nav" aria-label="Days">
        {/* Equal sides around the title keep it centred, with "Back to today" or without. */}
        <div className="day-nav-side">
          <button
            type="button"
            className="icon-button"
            aria-label="Previous day"
            onClick={() => show(addDays(day.date, -1))}
          >
            <ChevronLeftIcon />
          </button>
        </div>
        <h2 className="day-title" aria-live="polite">
          {formatDay(day.date, today)}
          {formatDay(day.date, today) !== formatDate(day.date) && !day.isToday && (
            <span className="muted small"> {formatDate(day.date)}</span>
          )}
          <DayBilled day={day} timeFormat={prefs.timeFormat} />
        </h2>
        <div className="day-nav-side end">
          {!day.isToday && (
            <button type="button" className="quiet today-button" onClick={() => show(today)}>
              Back to today
            </button>
          )}
          <button
            type="button"
            className="icon-button"
            aria-label="Next day"
            onClick={() => show(addDays(day.date, 1))}
          >
            <ChevronRightIcon />
          </button>
        </div>
      </nav>
      <WeekStrip day={day} today={today} timeFormat={prefs.timeFormat} show={show} />
      <TodayList day={day} prefs={prefs} loading={day.loading} />
      <DayTotals
        day={day}
        today={today}
        weeklyCapacitySeconds={weeklyCapacitySeconds}
        timeFormat={prefs.timeFormat}
      />
      <AllAccountsTotals timeFormat={prefs.timeFormat} />
    </>
  );
});

/**
 * Where the company rounds and the day bills other than it tracked: " · 8:00 billed" beside the day's title, so
 * the day's tracked total stays once, on its chip, and both figures still show without a row of their own.
 */
function DayBilled({ day, timeFormat }: { day: ShownDay; timeFormat: TimeFormat }) {
  const billed = useLiveBilled(day);
  const tracked = useLiveTotal(day.totalHours, (date) => date === day.date, timeFormat);
  if (!billed || formatHours(billed.dayHours, timeFormat) === formatHours(tracked, timeFormat)) return null;
  return (
    <span
      className="muted small day-billed"
      aria-label={`${formatHours(billed.dayHours, timeFormat)} billed`}
    >
      {' · '}
      {formatHours(billed.dayHours, timeFormat)} billed
    </span>
  );
}

/** A total as shown, live while the running timer counts into it. */
function useLiveTotal(
  base: number,
  countsRunning: (date: string) => boolean,
  timeFormat: TimeFormat,
): number {
  const running = useApp((app) => app.running);
  return useLiveHours(base, running && countsRunning(running.spentDate) ? [running] : [], timeFormat);
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
  return (
    <ol className="week-strip" aria-label="Week by day">
      {day.week.days.map((d) => (
        <li key={d.date}>
          <WeekDay
            day={d}
            shown={d.date === day.date}
            today={d.date === today}
            timeFormat={timeFormat}
            show={show}
          />
        </li>
      ))}
    </ol>
  );
}

function WeekDay({
  day,
  shown,
  today,
  timeFormat,
  show,
}: {
  day: DayTotal;
  shown: boolean;
  today: boolean;
  timeFormat: TimeFormat;
  show(date: string): void;
}) {
  const hours = useLiveTotal(day.totalHours, (date) => date === day.date, timeFormat);
  return (
    <button
      type="button"
      className={['week-day', shown && 'shown', today && 'today'].filter(Boolean).join(' ')}
      aria-label={`${formatDate(day.date)}: ${formatHours(hours, timeFormat)}`}
      aria-current={shown ? 'date' : undefined}
      onClick={() => show(day.date)}
    >
      <span className="week-day-name">{formatWeekday(day.date)}</span>
      <span className="week-day-hours">{hours > 0 ? formatHours(hours, timeFormat) : '–'}</span>
    </button>
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
  const { start, end } = day.week;
  const weekHours = useLiveTotal(day.week.totalHours, (date) => date >= start && date <= end, timeFormat);
  const billed = useLiveBilled(day);
  return (
    <Totals
      weekHours={weekHours}
      billed={billed}
      isThisWeek={today >= start && today <= end}
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
