// Owns the project/task combobox (WAI-ARIA list autocomplete): ranked fuzzy matches as the person types;
// with nothing typed, recent pairs, then pinned ones, then everything by client. The list is virtualized so
// 20,000 pairs scroll and filter smoothly; keyboard first (arrows, Enter, Escape).
import { useVirtualizer, observeElementRect, type Virtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import type { AssignmentOption, AssignmentRef } from '../../../shared/state';
import { assignmentLabel } from '../lib/labels';
import { groupByClient, pairKey, type AssignmentMatcher } from '../lib/match';
import { StarIcon } from './MoreIcons';

type Row =
  | { kind: 'heading'; label: string }
  | { kind: 'option'; option: AssignmentOption; index: number; pinned: boolean };

const headingHeight = 26;
const optionHeight = 44;
/** The popup's height when it can't be measured (hidden, or a test's DOM without layout). */
const fallbackHeight = 240;

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

function section(label: string, options: AssignmentOption[], pinned: Set<string>, rows: Row[]): void {
  if (options.length === 0) return;
  rows.push({ kind: 'heading', label });
  for (const option of options) {
    rows.push({ kind: 'option', option, index: 0, pinned: pinned.has(pairKey(option)) });
  }
}

export function AssignmentPicker(props: AssignmentPickerProps) {
  const { assignments, matcher, query, selected, recent = [], favourites = [] } = props;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const popupRef = useRef<HTMLDivElement>(null);
  const ids = useId();
  const listId = `${ids}-list`;
  const optionId = (index: number) => `${ids}-option-${index}`;

  // The input shows the chosen option's name; reopening should offer everything, not just that one.
  const typed = selected ? '' : query;
  const { rows, options } = useMemo(() => {
    const byKey = new Map(assignments.map((o) => [pairKey(o), o]));
    const pinned = new Set(favourites.map(pairKey));
    const found: Row[] = [];
    if (typed.trim()) {
      for (const group of groupByClient(matcher.search(typed))) {
        section(group.clientName || 'No client', group.options, pinned, found);
      }
    } else {
      const lookup = (refs: readonly AssignmentRef[]) =>
        refs.map((r) => byKey.get(pairKey(r))).filter((o): o is AssignmentOption => Boolean(o));
      section('Recent', lookup(recent), pinned, found);
      section('Pinned', lookup(favourites), pinned, found);
      for (const group of groupByClient(assignments)) {
        section(group.clientName || 'No client', group.options, pinned, found);
      }
    }
    const flat: AssignmentOption[] = [];
    for (const row of found) if (row.kind === 'option') row.index = flat.push(row.option) - 1;
    return { rows: found, options: flat };
  }, [assignments, matcher, typed, recent, favourites]);
  const rowOf = useMemo(() => {
    const at: number[] = [];
    rows.forEach((row, r) => {
      if (row.kind === 'option') at[row.index] = r;
    });
    return at;
  }, [rows]);
  const expanded = open && options.length > 0;

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => popupRef.current,
    estimateSize: (r) => (rows[r]?.kind === 'heading' ? headingHeight : optionHeight),
    overscan: 6,
    observeElementRect: (instance: Virtualizer<HTMLDivElement, Element>, cb) =>
      observeElementRect(instance, (rect) =>
        cb(rect.height > 0 ? rect : { width: rect.width, height: fallbackHeight }),
      ),
  });

  useEffect(() => {
    if (expanded && active >= 0 && rowOf[active] !== undefined) {
      virtualizer.scrollToIndex(rowOf[active]!, { align: 'auto' });
    }
  }, [expanded, active, rowOf, virtualizer]);

  function pick(option: AssignmentOption) {
    props.onChoose(option);
    setOpen(false);
    setActive(-1);
  }

  function move(to: number) {
    setOpen(true);
    setActive(Math.max(0, Math.min(to, options.length - 1)));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
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
          props.onEnter?.(option);
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
          setOpen(false);
          setActive(-1);
        } else if (query) {
          event.preventDefault();
          props.onChoose(null);
        }
        return;
      case 'Tab':
        setOpen(false);
        return;
    }
  }

  const items = expanded ? virtualizer.getVirtualItems() : [];
  return (
    <div className="picker">
      <label htmlFor={`${ids}-input`} className={props.hideLabel ? 'visually-hidden' : undefined}>
        {props.label}
      </label>
      <input
        id={`${ids}-input`}
        ref={props.inputRef}
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
        ref={popupRef}
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
          style={{ height: virtualizer.getTotalSize() }}
        >
          {items.map((item) => {
            const row = rows[item.index]!;
            const style = { height: item.size, transform: `translateY(${item.start}px)` };
            if (row.kind === 'heading') {
              return (
                <li key={item.key} role="presentation" className="group-label" style={style}>
                  {row.label}
                </li>
              );
            }
            const { option, index } = row;
            return (
              <li
                key={item.key}
                id={optionId(index)}
                role="option"
                aria-label={assignmentLabel(option)}
                aria-selected={index === active}
                className={index === active ? 'option active' : 'option'}
                style={style}
                onMouseMove={() => index !== active && setActive(index)}
                onClick={() => pick(option)}
              >
                <span className="option-project">
                  {option.projectCode && <span className="code">{option.projectCode}</span>}
                  {option.projectName}
                </span>
                <span className="option-task muted">{option.taskName}</span>
                {props.onTogglePin && (
                  // A mouse shortcut; the keyboard pins with the button beside the picker.
                  <span
                    className={row.pinned ? 'pin pinned' : 'pin'}
                    aria-hidden="true"
                    title={row.pinned ? 'Unpin' : 'Pin to the top'}
                    onClick={(e) => {
                      e.stopPropagation();
                      props.onTogglePin!(option, !row.pinned);
                    }}
                  >
                    <StarIcon filled={row.pinned} />
                  </span>
                )}
              </li>
            );
          })}
        </ul>
        {!expanded && <p className="picker-note muted small">No matching project or task</p>}
      </div>
    </div>
  );
}
