// Owns how a project/task pair reads where room is short: client, project and task on one line that drops the
// client first and cuts the task last, the whole name on hover (title) and to screen readers.
import { pairLabel } from '../lib/pair-label';

export interface Named {
  clientName?: string | null;
  projectName: string;
  taskName: string;
}

export function PairName({ pair, className }: { pair: Named; className?: string }) {
  const full = pairLabel(pair);
  return (
    <p className={className ? `pair-name ${className}` : 'pair-name'} title={full}>
      {/* Project and task first: the line is laid out right to left, so the client, last in, is what wraps
          out of sight when the room runs out (whole, never a stub); then the project gives way before the task.
          Only hidden from sight: a screen reader reads all three. */}
      <span className="pair-main">
        <span className="pair-project">{pair.projectName}</span>
        <span className="pair-task">{pair.taskName}</span>
      </span>
      {pair.clientName && <span className="pair-client muted">{pair.clientName}</span>}
    </p>
  );
}
