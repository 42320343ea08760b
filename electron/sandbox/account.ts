// Owns the in-memory shape of a sandbox Harvest account: who the user is, what they may track time to, and
// the time entry records (kept in the store's own units; entry-view.ts turns them into Harvest payloads).
import type { Company, ProjectAssignment, TaskAssignment, User } from '../../shared/harvest/schemas';
import type { ExternalReference } from './external-reference';
import type { TimeRounding } from '../../shared/time-rounding';
import type { Teammate } from './team';

export interface SandboxClient {
  id: number;
  name: string;
  currency: string;
}

export interface EntryRecord {
  id: number;
  spentDate: string;
  projectId: number;
  taskId: number;
  /** Hours tracked before the current timer run; equals the entry's hours when it is stopped. */
  baseHours: number;
  /** Set while the timer runs (both timer styles keep it, so live hours are computed one way). */
  timerStartedMs: number | null;
  startedTime: string | null;
  endedTime: string | null;
  notes: string | null;
  isLocked: boolean;
  lockedReason: string | null;
  /** Approved through Timesheet Approval (Harvest's is_closed, approval_status "approved"). */
  isClosed: boolean;
  /** Submitted for approval and waiting: frozen like an approved entry until it is approved or sent back. */
  isSubmitted: boolean;
  isBilled: boolean;
  externalReference: ExternalReference | null;
  createdMs: number;
  updatedMs: number;
}

/** What the person may see in this account: an administrator sees rates, amounts and the team; a member not. */
export type SandboxRole = 'administrator' | 'member';

export interface SandboxAccount {
  company: Company;
  user: User;
  role: SandboxRole;
  /** The company's Time Rounding preference (Settings > Preferences); null when it doesn't round. */
  rounding: TimeRounding | null;
  /** The other people in the account, as the Team report lists them to an administrator. */
  teammates: Teammate[];
  clients: SandboxClient[];
  /** Every project assignment, inactive ones included (the API only lists the active ones). */
  assignments: ProjectAssignment[];
  entries: EntryRecord[];
}

export interface Assignment {
  project: ProjectAssignment;
  task: TaskAssignment;
}

/** Index of (project, task) pairs, so validating a POST and rendering an entry are lookups, not scans. */
export class AssignmentIndex {
  private readonly byProject = new Map<number, ProjectAssignment>();

  constructor(assignments: ProjectAssignment[]) {
    for (const a of assignments) this.byProject.set(a.project.id, a);
  }

  project(projectId: number): ProjectAssignment | undefined {
    return this.byProject.get(projectId);
  }

  find(projectId: number, taskId: number): Assignment | undefined {
    const project = this.byProject.get(projectId);
    const task = project?.task_assignments.find((t) => t.task.id === taskId);
    return project && task ? { project, task } : undefined;
  }
}
