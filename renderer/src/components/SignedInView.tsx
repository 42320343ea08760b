// Owns the signed-in popover's layout, top to bottom.
import { useState } from 'react';
import type { AppState, Session } from '../../../shared/state';
import { Counted } from '../lib/render-counts';
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
      <Counted id="running">
        <RunningTimer running={app.running} />
      </Counted>
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
            <DayView app={app} weeklyCapacitySeconds={session.weeklyCapacitySeconds} />
          </Counted>
        </>
      ) : (
        <Reports prefs={app.prefs} />
      )}
      <Counted id="sync">
        <SyncLine sync={app.sync} clock={app.prefs.clock} />
      </Counted>
    </>
  );
}
