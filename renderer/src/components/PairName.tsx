// Owns how a project/task pair reads where room is short: client, project and task on one line that cuts the
// client first and the task last, the whole name on hover (title) and to screen readers.
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
      {/* The cut text is only hidden from sight: a screen reader reads the three parts whole. */}
      {pair.clientName && <span className="pair-client muted">{pair.clientName}</span>}
      {/* Project and task keep their width while the client gives way; then the project gives way before the task. */}
      <span className="pair-main">
        <span className="pair-project">{pair.projectName}</span>
        <span className="pair-task">{pair.taskName}</span>
      </span>
    </p>
  );
}
