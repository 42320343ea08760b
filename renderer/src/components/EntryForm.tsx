// Owns the form for one entry's details, used both to edit an entry and to add time without a timer: project
// and task, hours (duration accounts) or start and end (timestamp accounts), notes. What was typed is checked
// here first; bad input says what is accepted and nothing is sent.
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { parseDuration } from '../../../shared/duration';
import { formatHours, type TimeFormat } from '../../../shared/format';
import { endBeforeStart, readTypedTime, restyle, sameTime, timesInOrder } from '../../../shared/wall-clock';
import type { AccountPrefs, AssignmentOption, EntryView } from '../../../shared/state';
import { assignmentLabel, entryLabel } from '../lib/labels';
import { usePairChoice } from '../hooks/usePairChoice';
import { pairKey } from '../lib/match';
import { useSheaf } from '../state/StoreContext';
import type { PopoverState } from '../state/store';
import { AssignmentPicker } from './AssignmentPicker';
import { LinkChip } from './LinkChip';

interface Props {
  /** The entry being edited; none when adding time. */
  entry?: EntryView;
  /** The day new time goes on. */
  date: string;
  prefs: AccountPrefs;
  onDone(): void;
}

type Problems = Partial<Record<'pair' | 'hours' | 'start' | 'end', string>>;

export function EntryForm({ entry, date, prefs, onDone }: Props) {
  const assignments = useSheaf((s) => s.assignments);
  const send = useSheaf((s) => s.send);
  const initial = useMemo(
    () => (entry ? (assignments.find((o) => pairKey(o) === pairKey(entry)) ?? null) : null),
    [assignments, entry],
  );
  // An entry on a pair no longer assigned (archived project) keeps it unless the person picks another.
  const shownPair = initial
    ? assignmentLabel(initial)
    : entry
      ? `${entry.clientName} — ${entryLabel(entry)}`
      : '';
  const { selected, query, pickerProps } = usePairChoice(initial, shownPair);
  const [notes, setNotes] = useState(entry?.notes ?? '');
  const [hours, setHours] = useState(entry ? formatHours(entry.hours, prefs.timeFormat) : '');
  const [start, setStart] = useState(entry?.startedTime ? restyle(entry.startedTime, prefs.clock) : '');
  const [end, setEnd] = useState(entry?.endedTime ? restyle(entry.endedTime, prefs.clock) : '');
  const [problems, setProblems] = useState<Problems>({});
  const [busy, setBusy] = useState(false);
  const ids = useId();
  const timestamps = prefs.timestampTimers;
  const adding = !entry;
  const noun = adding ? 'the new time' : 'this entry';
  const formRef = useRef<HTMLFormElement>(null);

  // The day's list is short in a popover: bring the whole form into view, ready to type.
  useEffect(() => {
    formRef.current?.scrollIntoView?.({ block: 'nearest' });
    formRef.current?.querySelector<HTMLInputElement>(adding ? 'input' : '.field input')?.focus();
  }, [adding]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { found, parsedHours, startedTime, endedTime } = readTimes({
      timestamps,
      start,
      end,
      hours,
      entry,
      timeFormat: prefs.timeFormat,
    });
    if (!selected && (adding || query !== shownPair)) found.pair = 'Choose a project and task from the list.';
    setProblems(found);
    if (Object.keys(found).length > 0) return;

    setBusy(true);
    const ok = await sendEntry(send, entry, {
      pair: selected,
      date,
      notes: notes.trim(),
      ...(timestamps ? { startedTime, endedTime } : { hours: parsedHours }),
    });
    setBusy(false);
    if (ok) onDone();
  }

  const problemId = (field: keyof Problems) => (problems[field] ? `${ids}-${field}-problem` : undefined);
  const problem = (field: keyof Problems) =>
    problems[field] ? (
      <p id={problemId(field)} className="field-problem small">
        {problems[field]}
      </p>
    ) : null;

  return (
    <form
      ref={formRef}
      className="entry-form"
      aria-label={adding ? 'Add time' : `Edit ${entry!.projectName} — ${entry!.taskName}`}
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          onDone();
        }
      }}
    >
      <AssignmentPicker
        label={adding ? 'Project and task for the new time' : 'Project and task for this entry'}
        {...pickerProps}
      />
      {problem('pair')}
      <TimeFields
        ids={ids}
        timestamps={timestamps}
        clock={prefs.clock}
        values={{ start, end, hours }}
        set={{ start: setStart, end: setEnd, hours: setHours }}
        problemId={problemId}
      />
      {problem('start')}
      {problem('end')}
      {problem('hours')}
      <TextField
        id={`${ids}-notes`}
        label={`Notes for ${noun}`}
        value={notes}
        onChange={setNotes}
        placeholder="What did you work on?"
      />
      {/* "Remove link" takes effect at once, like the other entry buttons; the rest waits for Save. */}
      {entry?.reference && (
        <LinkChip
          link={entry.reference}
          onRemove={() => void send('editEntry', { entryId: entry.id, changes: { workAddress: null } })}
        />
      )}
      <div className="entry-form-actions">
        <button type="button" className="quiet" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {adding ? 'Add time' : 'Save'}
        </button>
      </div>
    </form>
  );
}

/** Adds the time, or sends what changed of the entry (nothing changed: nothing is sent); true when core took it. */
async function sendEntry(
  send: PopoverState['send'],
  entry: EntryView | undefined,
  typed: {
    pair: AssignmentOption | null;
    date: string;
    notes: string;
    hours?: number;
    startedTime?: string;
    endedTime?: string;
  },
): Promise<boolean> {
  const { pair, date, notes, hours, startedTime, endedTime } = typed;
  if (!entry) {
    const result = await send('addEntry', {
      projectId: pair!.projectId,
      taskId: pair!.taskId,
      spentDate: date,
      ...(hours !== undefined ? { hours } : { startedTime, endedTime }),
      ...(notes ? { notes } : {}),
    });
    return result.ok;
  }
  const changes = changed(entry, { pair, notes, hours, startedTime, endedTime });
  return Object.keys(changes).length === 0 || (await send('editEntry', { entryId: entry.id, changes })).ok;
}

/** The times typed, read in the account's style (start and end, or a duration), with what is wrong with them. */
function readTimes({
  timestamps,
  start,
  end,
  hours,
  entry,
  timeFormat,
}: {
  timestamps: boolean;
  start: string;
  end: string;
  hours: string;
  entry: EntryView | undefined;
  timeFormat: TimeFormat;
}) {
  const found: Problems = {};
  let parsedHours: number | undefined;
  let startedTime: string | undefined;
  let endedTime: string | undefined;
  if (timestamps) {
    const s = readTypedTime(start);
    const e = end.trim() === '' && entry?.isRunning ? null : readTypedTime(end);
    if (!s.ok) found.start = s.message;
    else startedTime = s.time;
    if (e && !e.ok) found.end = e.message;
    else if (e) endedTime = e.time;
    if (s.ok && e?.ok && !timesInOrder(s.time, e.time)) found.end = endBeforeStart;
  } else if (!entry?.isRunning || hours.trim() !== formatHours(entry.hours, timeFormat)) {
    const d = parseDuration(hours);
    if (!d.ok) found.hours = d.message;
    else parsedHours = d.hours;
  }
  return { found, parsedHours, startedTime, endedTime };
}

type Times = Record<'start' | 'end' | 'hours', string>;

/** Start and end times on accounts that keep them, else a duration. */
function TimeFields({
  ids,
  timestamps,
  clock,
  values,
  set,
  problemId,
}: {
  ids: string;
  timestamps: boolean;
  clock: AccountPrefs['clock'];
  values: Times;
  set: Record<keyof Times, (value: string) => void>;
  problemId: (field: keyof Problems) => string | undefined;
}) {
  return (
    <div className="entry-form-row">
      {timestamps ? (
        <>
          <TextField
            id={`${ids}-start`}
            label="Start time"
            value={values.start}
            onChange={set.start}
            placeholder={clock === '12h' ? '9:00am' : '09:00'}
            problem={problemId('start')}
          />
          <TextField
            id={`${ids}-end`}
            label="End time"
            value={values.end}
            onChange={set.end}
            placeholder={clock === '12h' ? '5:30pm' : '17:30'}
            problem={problemId('end')}
          />
        </>
      ) : (
        <TextField
          id={`${ids}-hours`}
          label="Duration"
          value={values.hours}
          onChange={set.hours}
          placeholder="1:30, 1.5, 90m"
          problem={problemId('hours')}
        />
      )}
    </div>
  );
}

function TextField(props: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  placeholder?: string;
  problem?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="text"
        autoComplete="off"
        maxLength={props.label.startsWith('Notes') ? 5000 : 40}
        value={props.value}
        placeholder={props.placeholder}
        aria-invalid={props.problem ? true : undefined}
        aria-describedby={props.problem}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </div>
  );
}

/** Only what the person changed goes to Harvest. */
function changed(
  entry: EntryView,
  next: {
    pair: AssignmentOption | null | undefined;
    notes: string;
    hours?: number;
    startedTime?: string;
    endedTime?: string;
  },
) {
  const changes: {
    projectId?: number;
    taskId?: number;
    notes?: string;
    hours?: number;
    startedTime?: string;
    endedTime?: string;
  } = {};
  if (next.pair && pairKey(next.pair) !== pairKey(entry)) {
    changes.projectId = next.pair.projectId;
    changes.taskId = next.pair.taskId;
  }
  if (next.notes !== entry.notes.trim()) changes.notes = next.notes;
  // Half of Harvest's 0.01 h: any change a person can type counts, rounding noise doesn't.
  if (next.hours !== undefined && Math.abs(next.hours - entry.hours) >= 0.005) changes.hours = next.hours;
  const unchanged = (a: string | undefined, b: string | null) => a === undefined || sameTime(a, b);
  if (!unchanged(next.startedTime, entry.startedTime)) changes.startedTime = next.startedTime;
  if (!unchanged(next.endedTime, entry.endedTime)) changes.endedTime = next.endedTime;
  return changes;
}
