// Owns the focus card, one line under the start form and only while focus sessions are turned on in Settings (or
// one runs): a session started and stopped here, its phase and what is left (live, re-rendered only when the shown
// countdown changes), Skip, today's finished sessions, and the boundary's beep when the sound setting is on.
import { memo, useEffect, useRef } from 'react';
import { focusMsLeft, focusPhaseNames, formatFocusLeft } from '../../../shared/focus';
import type { FocusView } from '../../../shared/state';
import { useLive } from '../hooks/useNow';
import { beep } from '../lib/beep';
import { useApp, useSheaf } from '../state/StoreContext';
import './focus.css';

export const FocusCard = memo(function FocusCard() {
  const send = useSheaf((s) => s.send);
  const focus = useApp((app) => app.focus);
  const enabled = useApp((app) => app.desktop.focusEnabled === true);
  useBeep(focus.beepAt);
  const phase = focus.phase;
  // Opt-in: off, the card costs the day's entries nothing. A session already running still shows, to be ended.
  if (!enabled && !phase) return null;
  return (
    <section
      className={phase ? `card focus is-${phase}` : 'card focus'}
      aria-label="Focus session"
      data-testid="focus-card"
    >
      {phase ? (
        <>
          <p className="focus-what">
            <span className="focus-phase">{focusPhaseNames[phase]}</span> <Left focus={focus} />{' '}
            <TodaySoFar completed={focus.completedToday} />
          </p>
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
          <p className="focus-what">
            <span className="focus-phase">Focus</span> <TodaySoFar completed={focus.completedToday} />
          </p>
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

/** "· 3 sessions": today's, as screen readers hear it (today's hours are the day's own, shown once). */
function TodaySoFar({ completed }: { completed: number }) {
  const sessions = `${completed} session${completed === 1 ? '' : 's'}`;
  return (
    <span className="focus-today muted small">
      · {sessions}
      <span className="visually-hidden"> today</span>
    </span>
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
