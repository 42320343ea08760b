// Owns what the `sheaf` command prints about the timer: the status line, its JSON, a status bar's --format and
// waybar's JSON, and today's entries. Hours are live: the snapshot's totals plus what the clock says since.
import { formatElapsedMinutes, formatHours } from '../../shared/duration';
import { elapsedMs, extraHours, liveHours, roundHours } from '../../shared/elapsed';
import { assignmentLabel } from '../../shared/labels';
import { printableField } from '../../shared/printable';
import type { AppState, EntryView } from '../../shared/state';

// Names come from Harvest and notes from anyone who could write a link or an entry: each field stays on its line,
// its line breaks shown as ⏎ and any control or bidi character escaped, so none can fake a line or steer a terminal.
/** shared/labels' assignmentLabel, made safe to print. */
export const printableAssignment = (entry: Parameters<typeof assignmentLabel>[0]) =>
  printableField(assignmentLabel(entry));
const field = (text: string | null | undefined) => printableField(text ?? '');

export function entryJson(entry: EntryView, now: number) {
  return {
    id: entry.id,
    client: entry.clientName,
    project: entry.projectName,
    projectId: entry.projectId,
    projectCode: entry.projectCode,
    task: entry.taskName,
    taskId: entry.taskId,
    notes: entry.notes,
    hours: roundHours(liveHours(entry, now)),
    elapsed: formatElapsedMinutes(elapsedMs(entry, now)),
    running: entry.isRunning,
    startedAt: entry.runningSince,
    /** A change to it is still waiting to reach Harvest. */
    pending: entry.pending,
  };
}

const todayHours = (state: AppState, now: number) => state.today.totalHours + extraHours(state.running, now);
const weekHours = (state: AppState, now: number) => state.week.totalHours + extraHours(state.running, now);

/** `▶ Acme — Website — Development 1:23`, or `No timer running`. */
export function statusLine(state: AppState, now: number): string {
  if (state.session.status !== 'signed_in') return 'Not signed in to Harvest: open Sheaf to sign in';
  const running = state.running;
  if (!running) return 'No timer running';
  return `▶ ${printableAssignment(running)} ${formatElapsedMinutes(elapsedMs(running, now))}`;
}

export function statusJson(state: AppState, now: number) {
  return {
    running: state.running ? entryJson(state.running, now) : null,
    today: { hours: roundHours(todayHours(state, now)) },
    week: { hours: roundHours(weekHours(state, now)) },
    signedIn: state.session.status === 'signed_in',
    /** Offline, or changes still on their way: what Sheaf's own sync line says. */
    sync: { state: state.sync.state, pending: state.sync.pending },
  };
}

export const formatFields = [
  'client',
  'project',
  'task',
  'notes',
  'elapsed',
  'hours',
  'today',
  'week',
] as const;
type FormatField = (typeof formatFields)[number];

/** The first {name} --format doesn't know, so a typo is a usage error rather than a blank in a status bar. */
export function unknownField(template: string): string | null {
  for (const [, name] of template.matchAll(/\{([^}]*)\}/g)) {
    if (!(formatFields as readonly string[]).includes(name!)) return name!;
  }
  return null;
}

/**
 * `--format '{project} {elapsed}'`: nothing at all when no timer runs (a bar shows its own idle text, as the README's
 * xbar example does with `${line:-Sheaf}`); totals while stopped are in --json.
 */
export function formatStatus(template: string, state: AppState, now: number): string {
  const r = state.running;
  if (!r) return '';
  const time = (hours: number) => formatHours(hours, state.prefs.timeFormat);
  const values: Record<FormatField, string> = {
    client: field(r.clientName),
    project: field(r.projectName),
    task: field(r.taskName),
    notes: field(r.notes),
    elapsed: formatElapsedMinutes(elapsedMs(r, now)),
    hours: time(liveHours(r, now)),
    today: time(todayHours(state, now)),
    week: time(weekHours(state, now)),
  };
  return template.replace(/\{([^}]*)\}/g, (_, name: FormatField) => values[name]).trim();
}

/** Waybar's custom module JSON (`return-type: json`): text, tooltip, and a class to style running and offline. */
export function waybarJson(state: AppState, now: number) {
  const r = state.running;
  const time = (hours: number) => formatHours(hours, state.prefs.timeFormat);
  const totals = `Today ${time(todayHours(state, now))} · This week ${time(weekHours(state, now))}`;
  const offline =
    state.sync.state === 'offline' ? [`Offline: ${state.sync.pending} waiting to reach Harvest`] : [];
  const classes = [r ? 'running' : 'stopped', ...(offline.length ? ['offline'] : [])];
  return {
    text: r ? `▶ ${field(r.projectName)} ${formatElapsedMinutes(elapsedMs(r, now))}` : statusLine(state, now),
    tooltip: [
      ...(r ? [printableAssignment(r), ...(r.notes ? [field(r.notes)] : [])] : []),
      totals,
      ...offline,
    ].join('\n'),
    class: classes.length === 1 ? classes[0] : classes,
    alt: classes[0],
  };
}

/** Today's entries, whatever day the popover shows; the popover's own day is today's unless stepped away. */
export function todayLines(state: AppState, now: number): string[] {
  const time = (hours: number) => formatHours(hours, state.prefs.timeFormat);
  const head = `Today ${time(todayHours(state, now))}`;
  if (!state.day.isToday)
    return [head, '  (Sheaf shows another day; open it on today to list the entries here.)'];
  return [
    head,
    ...state.day.entries.map(
      (e) =>
        `${e.isRunning ? '▶' : ' '} ${time(liveHours(e, now)).padStart(5)}  ${printableAssignment(e)}${e.notes ? `  ${field(e.notes)}` : ''}`,
    ),
  ];
}

export function todayJson(state: AppState, now: number) {
  return {
    date: state.today.date,
    hours: roundHours(todayHours(state, now)),
    entries: state.day.isToday ? state.day.entries.map((e) => entryJson(e, now)) : null,
  };
}
