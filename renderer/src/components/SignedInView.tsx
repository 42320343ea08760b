// Owns the signed-in popover's layout, top to bottom. Each part reads its own slice of the snapshot, so a part
// re-renders when its slice changes, not when another's does.
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
  if (addingAccount) return <AddAccount />;
  return (
    <>
      <Header session={session} />
      <Problems />
      <Attention />
      <Counted id="running">
        <RunningTimer />
      </Counted>
      <FocusCard />
      <ElsewhereTimers />
      <TimerElsewhereQuestion />
      <div className="view-switch" role="group" aria-label="View">
        <button type="button" aria-pressed={view === 'timer'} onClick={() => setView('timer')}>
          Timesheet
        </button>
        <button type="button" aria-pressed={view === 'reports'} onClick={() => setView('reports')}>
          Reports
        </button>
      </div>
      {view === 'timer' ? (
        <>
          <Counted id="picker">
            <StartForm />
          </Counted>
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
