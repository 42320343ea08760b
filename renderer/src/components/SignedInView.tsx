// Owns the signed-in popover's layout, top to bottom.
import { useState } from 'react';
import type { AppState, Session } from '../../../shared/state';
import { useSheaf } from '../state/StoreContext';
import { Alert } from './Alert';
import { Attention } from './Attention';
import { DayView } from './DayView';
import { Header } from './Header';
import { RunningTimer } from './RunningTimer';
import { StartForm } from './StartForm';
import { SyncLine } from './SyncLine';
import { Reports } from './Reports';

export function SignedInView({
  app,
  session,
}: {
  app: AppState;
  session: Extract<Session, { status: 'signed_in' }>;
}) {
  const commandError = useSheaf((s) => s.commandError);
  const [view, setView] = useState<'timer' | 'reports'>('timer');
  return (
    <>
      <Header session={session} />
      <Alert messages={[commandError, app.error]} />
      <Attention setAside={app.setAside} notices={app.notices} />
      <RunningTimer running={app.running} />
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
          <DayView app={app} weeklyCapacitySeconds={session.weeklyCapacitySeconds} />
        </>
      ) : (
        <Reports prefs={app.prefs} />
      )}
      <SyncLine sync={app.sync} clock={app.prefs.clock} />
    </>
  );
}
