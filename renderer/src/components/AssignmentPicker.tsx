// Owns the project/task combobox (WAI-ARIA list autocomplete): ranked fuzzy matches as the person types; with
// nothing typed, recent pairs, then pinned ones (each naming its client), then everything by client. The list is
// virtualized so 20,000 pairs scroll and filter smoothly; keyboard first (arrows, Enter, Tab takes the highlighted
// match, Escape).
import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type Ref,
} from 'react';
import type { AssignmentOption, AssignmentRef } from '../../../shared/state';
import { useVirtualRows } from '../hooks/useVirtualRows';
import { assignmentLabel } from '../lib/labels';
import { groupByClient, matchMarks, pairKey, type AssignmentMatcher } from '../lib/match';
import { buildRows, type Section } from '../lib/picker-rows';
import { Marked } from './Marked';
import { StarIcon } from './MoreIcons';

const headingHeight = 26;
const optionHeight = 44;

export interface AssignmentPickerProps {
  label: string;
  assignments: readonly AssignmentOption[];
  matcher: AssignmentMatcher;
  query: string;
  selected: AssignmentOption | null;
  onQueryChange(query: string): void;
  onChoose(option: AssignmentOption | null): void;
  /** Enter on a highlighted option: choose it and act at once (the start form starts the timer). */
  onEnter?(option: AssignmentOption): void;
  recent?: readonly AssignmentRef[];
  favourites?: readonly AssignmentRef[];
  onTogglePin?(option: AssignmentOption, pinned: boolean): void;
  inputRef?: Ref<HTMLInputElement>;
  placeholder?: string;
  /** The label is read out but not shown (the placeholder says the same), where the popover is short of room. */
  hideLabel?: boolean;
}

const none: readonly AssignmentRef[] = [];

/** Each client's pairs under its name. */
const byClient = (options: readonly AssignmentOption[]): Section[] =>
  groupByClient(options).map((g) => ({ label: g.clientName || 'No client', options: g.options }));

export function AssignmentPicker(props: AssignmentPickerProps) {
  const { assignments, matcher, query, selected, recent = none, favourites = none, inputRef } = props;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const ids = useId();
  const listId = `${ids}-list`;
  const optionId = (index: number) => `${ids}-option-${index}`;

  // The input shows the chosen option's name; reopening should offer everything, not just that one.
  const typed = selected ? '' : query;
  const { rows, unheaded, searched, pinned } = useShownRows(assignments, matcher, typed, recent, favourites);
  const { options } = rows;
  const expanded = open && options.length > 0;

  const { attach, visible, totalHeight } = useListOf(rows, expanded, active);

  function pick(option: AssignmentOption) {
    props.onChoose(option);
    setOpen(false);
    setActive(-1);
  }

  const onKeyDown = pickerKeys({
    expanded,
    active,
    options,
    selected,
    query,
    pick,
    setOpen,
    setActive,
    onEnter: props.onEnter,
    onChoose: props.onChoose,
  });

  const items = expanded ? visible : [];
  return (
    <div className="picker">
      <label htmlFor={`${ids}-input`} className={props.hideLabel ? 'visually-hidden' : undefined}>
        {props.label}
      </label>
      <input
        id={`${ids}-input`}
        ref={inputRef}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        placeholder={
          assignments.length ? (props.placeholder ?? 'Search client, project or task') : 'Loading projects…'
        }
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        value={query}
        onChange={(e) => {
          props.onQueryChange(e.target.value);
          setOpen(true);
          setActive(e.target.value.trim() ? 0 : -1);
        }}
        onClick={() => setOpen((o) => !o)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {/* Mouse presses here keep focus in the input (so its blur doesn't close the list mid-scroll);
          tabIndex makes the scroller reachable, as axe asks of scrollable regions (Tab closes the list first). */}
      <div
        ref={attach}
        className="popup"
        tabIndex={0}
        hidden={!open || assignments.length === 0}
        onMouseDown={(e) => e.preventDefault()}
      >
        <ul
          id={listId}
          role="listbox"
          aria-label={props.label}
          className="options"
          hidden={!expanded}
          style={{ height: totalHeight }}
        >
          {items.map((item) => {
            const index = rows.optionAt[item.row]!;
            const style = { height: item.size, transform: `translateY(${item.start}px)` };
            // Typed to: the letters that matched are marked (the client's in its heading, from its first option).
            const marksOf = (i: number | undefined) =>
              searched && i !== undefined && options[i] ? matchMarks(options[i], typed) : null;
            if (index === -1) {
              const heading = rows.headings.get(item.row) ?? '';
              return (
                <li key={item.row} role="presentation" className="group-label" style={style}>
                  <Marked text={heading} ranges={marksOf(rows.optionAt[item.row + 1])?.clientName} />
                </li>
              );
            }
            const option = options[index]!;
            return (
              <OptionRow
                key={item.row}
                id={optionId(index)}
                option={option}
                active={index === active}
                namesClient={index < unheaded}
                marks={marksOf(index)}
                pinned={pinned.has(pairKey(option))}
                style={style}
                onHover={() => index !== active && setActive(index)}
                onPick={() => pick(option)}
                onTogglePin={props.onTogglePin}
              />
            );
          })}
        </ul>
        {!expanded && <p className="picker-note muted small">No matching project or task</p>}
      </div>
    </div>
  );
}

/**
 * The rows the list shows: the matches for what is typed, grouped by client; with nothing typed, Recent, Pinned
 * and everything by client. Everything and the lookup by pair are worked out once per assignments list.
 */
function useShownRows(
  assignments: readonly AssignmentOption[],
  matcher: AssignmentMatcher,
  typed: string,
  recent: readonly AssignmentRef[],
  favourites: readonly AssignmentRef[],
) {
  const everything = useMemo(() => byClient(assignments), [assignments]);
  const byKey = useMemo(() => new Map(assignments.map((o) => [pairKey(o), o])), [assignments]);
  const pinned = useMemo(() => new Set(favourites.map(pairKey)), [favourites]);
  const untyped = useMemo(() => {
    const lookup = (refs: readonly AssignmentRef[]) =>
      refs.map((r) => byKey.get(pairKey(r))).filter((o): o is AssignmentOption => Boolean(o));
    const [latest, pinnedOnes] = [lookup(recent), lookup(favourites)];
    return {
      rows: buildRows([
        { label: 'Recent', options: latest },
        { label: 'Pinned', options: pinnedOnes },
        ...everything,
      ]),
      // Recent and Pinned aren't under a client's heading, so their options name the client themselves.
      unheaded: latest.length + pinnedOnes.length,
    };
  }, [byKey, everything, recent, favourites]);
  const searched = useMemo(
    () => (typed.trim() ? buildRows(byClient(matcher.search(typed))) : null),
    [matcher, typed],
  );
  const rows = searched ?? untyped.rows;
  const unheaded = searched ? 0 : untyped.unheaded;
  return { rows, unheaded, searched, pinned };
}

/** The input's keys: arrows and pages move the highlight, Enter and Tab take it, Escape closes or clears. */
function pickerKeys(k: {
  expanded: boolean;
  active: number;
  options: readonly AssignmentOption[];
  selected: AssignmentOption | null;
  query: string;
  pick(option: AssignmentOption): void;
  setOpen(open: boolean): void;
  setActive(index: number): void;
  onEnter?(option: AssignmentOption): void;
  onChoose(option: AssignmentOption | null): void;
}) {
  const { expanded, active, options, selected, query, pick, onEnter, onChoose } = k;
  const move = (to: number) => {
    k.setOpen(true);
    k.setActive(Math.max(0, Math.min(to, options.length - 1)));
  };
  return (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        move(expanded ? active + 1 : 0);
        return;
      case 'ArrowUp':
        event.preventDefault();
        move(expanded ? active - 1 : options.length - 1);
        return;
      case 'PageDown':
      case 'PageUp':
        if (!expanded) return;
        event.preventDefault();
        move(active + (event.key === 'PageDown' ? 8 : -8));
        return;
      case 'Enter': {
        const option = expanded ? options[active] : undefined;
        if (option) {
          event.preventDefault();
          pick(option);
          onEnter?.(option);
        } else if (!selected) {
          // Nothing chosen yet: don't submit the form into a "choose first" error.
          event.preventDefault();
        }
        return;
      }
      case 'Escape':
        // Consumed here (preventDefault) so the popover's Escape-to-hide leaves it alone.
        if (expanded) {
          event.preventDefault();
          k.setOpen(false);
          k.setActive(-1);
        } else if (query) {
          event.preventDefault();
          onChoose(null);
        }
        return;
      case 'Tab': {
        // Tab takes the highlighted match (typed to, or reached with the arrows), then moves on as usual, so
        // "data mig meet", Tab lands in the notes with the pair chosen, never with the words looking like a choice.
        const option = expanded ? options[active] : undefined;
        if (option) pick(option);
        else k.setOpen(false);
        return;
      }
    }
  };
}

/** One pair in the list: its client when no heading names it, project code and name, task, and its pin. */
function OptionRow({
  id,
  option,
  active,
  namesClient,
  marks,
  pinned,
  style,
  onHover,
  onPick,
  onTogglePin,
}: {
  id: string;
  option: AssignmentOption;
  active: boolean;
  namesClient: boolean;
  marks: ReturnType<typeof matchMarks> | null;
  pinned: boolean;
  style: CSSProperties;
  onHover(): void;
  onPick(): void;
  onTogglePin?(option: AssignmentOption, pinned: boolean): void;
}) {
  return (
    <li
      id={id}
      role="option"
      aria-label={assignmentLabel(option)}
      title={assignmentLabel(option)}
      aria-selected={active}
      className={active ? 'option active' : 'option'}
      style={style}
      onMouseMove={onHover}
      onClick={onPick}
    >
      <span className="option-project">
        {namesClient && option.clientName && (
          <span className="option-client muted">{option.clientName} · </span>
        )}
        {option.projectCode && (
          <span className="code">
            <Marked text={option.projectCode} ranges={marks?.projectCode} />
          </span>
        )}
        <Marked text={option.projectName} ranges={marks?.projectName} />
      </span>
      <span className="option-task muted">
        <Marked text={option.taskName} ranges={marks?.taskName} />
      </span>
      {onTogglePin && (
        // A mouse shortcut; the keyboard pins with the button beside the picker.
        <span
          className={pinned ? 'pin pinned' : 'pin'}
          aria-hidden="true"
          title={pinned ? 'Unpin' : 'Pin to the top'}
          onClick={(e) => {
            e.stopPropagation();
            onTogglePin(option, !pinned);
          }}
        >
          <StarIcon filled={pinned} />
        </span>
      )}
    </li>
  );
}

/** The rows on screen of a virtualized list, the highlighted one kept in view. */
function useListOf(rows: ReturnType<typeof buildRows>, expanded: boolean, active: number) {
  const heightOf = useCallback(
    (r: number) => (rows.optionAt[r] === -1 ? headingHeight : optionHeight),
    [rows],
  );
  const { attach, visible, totalHeight, reveal } = useVirtualRows(rows.count, heightOf, expanded);
  useEffect(() => {
    if (expanded && active >= 0 && active < rows.options.length) reveal(rows.rowOf[active]!);
  }, [expanded, active, rows, reveal]);
  return { attach, visible, totalHeight };
}
