// Owns how a project/task pair is named to the person (option names, restart buttons, the `sheaf` command's lines).
import type { AssignmentOption, EntryView } from './state';

/** "<Client> — <Project> — <Task>": the picker option's accessible name. */
export const assignmentLabel = (
  a: Pick<AssignmentOption, 'clientName' | 'projectName' | 'taskName'>,
): string => `${a.clientName} — ${a.projectName} — ${a.taskName}`;

/** "<Project> — <Task>": how an entry is named on its buttons. */
export const entryLabel = (e: Pick<EntryView, 'projectName' | 'taskName'>): string =>
  `${e.projectName} — ${e.taskName}`;
