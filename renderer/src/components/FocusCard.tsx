// Owns the focus card under the running timer: a focus session started and stopped here, its phase and what is left
// (live, re-rendered only when the shown countdown changes), Skip, today's finished sessions beside today's hours,
// and the boundary's beep when the sound setting is on.
import { memo, useEffect, useRef } from 'react';
import { focusMsLeft, focusPhaseNames, formatFocusLeft } from '../../../shared/focus';
import { formatHours } from '../../../shared/format';
import type { FocusView } from '../../../shared/state';
import { useLiveHours } from '../hooks/useLiveHours';
import { useLive } from '../hooks/useNow';
import { beep } from '../lib/beep';
import { useApp, useSheaf } from '../state/StoreContext';
import './focus.css';

export const FocusCard = memo(function FocusCard() {
  const send = useSheaf((s) => s.send);
  const focus = useApp((app) => app.focus);
  useBeep(focus.beepAt);
  const phase = focus.phase;
  return (
    <section
      className={phase ? `card focus is-${phase}` : 'card focus'}
      aria-label="Focus session"
      data-testid="focus-card"
    >
      {phase ? (
        <>
          <div className="focus-what">
            <p className="focus-now">
              <span className="focus-phase">{focusPhaseNames[phase]}</span> <Left focus={focus} />
            </p>
            <TodaySoFar completed={focus.completedToday} />
          </div>
          <div className="focus-actions">
            <button type="button" className="quiet" onClick={() => void send('skipFocusPhase')}>
              {phase === 'work' ? 'Break now' : 'Skip break'}
            </button>
            <button type="button" className="quiet" onClick={() => void send('stopFocus')}>
              End focus
            </button>
          </div>
        </>
      ) : (
        <>
          <div className="focus-what">
            <TodaySoFar completed={focus.completedToday} />
          </div>
          <button type="button" className="focus-start" onClick={() => void send('startFocus')}>
            Start focus
          </button>
        </>
      )}
    </section>
  );
});

/** The countdown: read from the phase's end, so it is right after the computer slept. */
function Left({ focus }: { focus: FocusView }) {
  const left = useLive((now) => formatFocusLeft(focusMsLeft(focus, now)));
  return (
    <span className="focus-left" role="timer" aria-label={`${focusPhaseNames[focus.phase!]} time left`}>
      {left}
    </span>
  );
}

/** "3 sessions · 5:20 today": the count beside today's hours (live while the timer counts into today). */
function TodaySoFar({ completed }: { completed: number }) {
  const base = useApp((app) => app.today.totalHours);
  const date = useApp((app) => app.today.date);
  const running = useApp((app) => app.running);
  const timeFormat = useApp((app) => app.prefs.timeFormat);
  const hours = useLiveHours(base, running && running.spentDate === date ? [running] : [], timeFormat);
  const sessions = `${completed} session${completed === 1 ? '' : 's'}`;
  return (
    <p className="focus-today muted small" aria-label="Focus sessions today">
      {sessions} · {formatHours(hours, timeFormat)} today
    </p>
  );
}

/** A beep for each new boundary main marks, never for the one already marked when the card appeared. */
function useBeep(beepAt: string | null): void {
  const heard = useRef(beepAt);
  useEffect(() => {
    if (!beepAt || beepAt === heard.current) return;
    heard.current = beepAt;
    beep();
  }, [beepAt]);
}
