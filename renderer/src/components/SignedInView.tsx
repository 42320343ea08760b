// Owns the signed-in popover's layout, top to bottom, at its real size (360×600): the running timer, the start
// form and (when turned on) focus take a row or two each, so the day's entries keep most of the popover. Each
// part reads its own slice of the snapshot, so a part re-renders when its slice changes, not when another's does.
import { memo, useState } from 'react';
import type { Session } from '../../../shared/state';
import { Counted } from '../lib/render-counts';
import { useApp, useSheaf } from '../state/StoreContext';
import { AddAccount } from './Accounts';
import { Alert } from './Alert';
import { Attention } from './Attention';
import { DayView } from './DayView';
import { FocusCard } from './FocusCard';
import { Header } from './Header';
import { ElsewhereTimers, TimerElsewhereQuestion } from './OtherAccounts';
import { RunningTimer } from './RunningTimer';
import { StartForm } from './StartForm';
import { SyncLine } from './SyncLine';
import { Reports } from './Reports';

export function SignedInView({ session }: { session: Extract<Session, { status: 'signed_in' }> }) {
  const [view, setView] = useState<'timer' | 'reports'>('timer');
  const addingAccount = useSheaf((s) => s.addingAccount);
  const askingAboutOtherTimer = useSheaf((s) => s.timerElsewhere !== null);
  if (addingAccount) return <AddAccount />;
  return (
    <>
      <Header session={session} />
      <Problems />
      <Attention />
      <Counted id="running">
        <RunningTimer />
      </Counted>
      <ElsewhereTimers />
      <div className="view-tabs" role="group" aria-label="View">
        <button type="button" aria-pressed={view === 'timer'} onClick={() => setView('timer')}>
          Timesheet
        </button>
        <button type="button" aria-pressed={view === 'reports'} onClick={() => setView('reports')}>
          Reports
        </button>
      </div>
      {/* The question about a second timer stands where Start was pressed, in the start form's place, so the day's
          entries stay where they were. */}
      <TimerElsewhereQuestion />
      {view === 'timer' ? (
        <>
          <div className="start-slot" hidden={askingAboutOtherTimer}>
            <Counted id="picker">
              <StartForm />
            </Counted>
          </div>
          {/* After the start form, so its "Start focus" never comes before the timer's own Start. */}
          <FocusCard />
          <Counted id="day">
            <DayView weeklyCapacitySeconds={session.weeklyCapacitySeconds} />
          </Counted>
        </>
      ) : (
        <Reports />
      )}
      <Counted id="sync">
        <SyncLine />
      </Counted>
    </>
  );
}

/** The failed command's message and main's own, above everything else. */
const Problems = memo(function Problems() {
  const commandError = useSheaf((s) => s.commandError);
  const error = useApp((app) => app.error);
  return <Alert messages={[commandError, error]} />;
});
