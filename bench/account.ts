// Owns the bench's large account: 2,000 projects × 10 tasks = 20,000 project/task pairs (issue 14's size),
// and the fixed moment the Node-only figures read as "now".
export const largeAccount = { projects: 2000, tasksPerProject: 10 } as const;

export const pairCount = largeAccount.projects * largeAccount.tasksPerProject;

export const benchNow = new Date(2026, 10, 25, 10, 0, 0);
