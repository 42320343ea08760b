// Owns turning Harvest's project assignments into the project/task pairs the person can pick.
import type { AssignmentOption } from '../../../../shared/state';
import type { ProjectAssignment } from '../../../../shared/harvest/schemas';

export function toOptions(assignments: readonly ProjectAssignment[]): AssignmentOption[] {
  const options: AssignmentOption[] = [];
  for (const a of assignments) {
    if (!a.is_active) continue;
    for (const t of a.task_assignments) {
      if (!t.is_active) continue;
      options.push({
        projectId: a.project.id,
        projectName: a.project.name,
        projectCode: a.project.code ?? null,
        clientId: a.client.id,
        clientName: a.client.name,
        taskId: t.task.id,
        taskName: t.task.name,
        billable: t.billable ?? false,
      });
    }
  }
  return options.sort(
    (x, y) =>
      x.clientName.localeCompare(y.clientName) ||
      x.projectName.localeCompare(y.projectName) ||
      x.taskName.localeCompare(y.taskName),
  );
}

export function findOption(
  options: readonly AssignmentOption[],
  projectId: number,
  taskId: number,
): AssignmentOption | undefined {
  return options.find((o) => o.projectId === projectId && o.taskId === taskId);
}
