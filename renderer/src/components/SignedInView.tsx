// Owns the signed-in popover's layout, top to bottom. Each part reads its own slice of the snapshot, so a part
// re-renders when its slice changes, not when another's does.
import { memo, useState } from 'react';
import type { Session } from '../../../shared/state';
import { useApp, useSheaf } from '../state/StoreContext';
import { Alert } from './Alert';
import { Attention } from './Attention';
import { DayView } from './DayView';
import { Header } from './Header';
import { RunningTimer } from './RunningTimer';
import { StartForm } from './StartForm';
import { SyncLine } from './SyncLine';
import { Reports } from './Reports';

export function SignedInView({ session }: { session: Extract<Session, { status: 'signed_in' }> }) {
  const [view, setView] = useState<'timer' | 'reports'>('timer');
  return (
    <>
      <Header session={session} />
      <Problems />
      <Attention />
      <RunningTimer />
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
          <StartForm />
          <DayView weeklyCapacitySeconds={session.weeklyCapacitySeconds} />
        </>
      ) : (
        <Reports />
      )}
      <SyncLine />
    </>
  );
}

/** The failed command's message and main's own, above everything else. */
const Problems = memo(function Problems() {
  const commandError = useSheaf((s) => s.commandError);
  const error = useApp((app) => app.error);
  return <Alert messages={[commandError, error]} />;
});
