// Owns the signed-in popover's layout, top to bottom.
import type { AppState, Session } from '../../../shared/state';
import { useSheaf } from '../state/StoreContext';
import { Alert } from './Alert';
import { Header } from './Header';
import { RunningTimer } from './RunningTimer';
import { StartForm } from './StartForm';
import { SyncLine } from './SyncLine';
import { TodayList } from './TodayList';
import { Totals } from './Totals';

export function SignedInView({
  app,
  session,
}: {
  app: AppState;
  session: Extract<Session, { status: 'signed_in' }>;
}) {
  const commandError = useSheaf((s) => s.commandError);
  return (
    <>
      <Header session={session} />
      <Alert messages={[commandError, app.error]} />
      <RunningTimer running={app.running} />
      <StartForm />
      <TodayList entries={app.today.entries} timeFormat={app.prefs.timeFormat} />
      <Totals
        running={app.running}
        todayHours={app.today.totalHours}
        weekHours={app.week.totalHours}
        weeklyCapacitySeconds={session.weeklyCapacitySeconds}
        timeFormat={app.prefs.timeFormat}
      />
      <SyncLine sync={app.sync} clock={app.prefs.clock} />
    </>
  );
}
