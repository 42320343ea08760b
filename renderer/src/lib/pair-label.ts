// Owns the full name of a pair as one line ("Acme — Website — Design"), for hover text where the row is cut.
export function pairLabel(pair: {
  clientName?: string | null;
  projectName: string;
  taskName: string;
}): string {
  return [pair.clientName, pair.projectName, pair.taskName].filter(Boolean).join(' — ');
}
