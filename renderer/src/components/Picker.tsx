// Owns the project/task picker: a WAI-ARIA combobox (list autocomplete) over the person's assignments.
import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { AssignmentOption } from '../../../shared/state';
import { assignmentLabel } from '../lib/labels';
import { groupByClient, matchAssignments } from '../lib/match';
import { useSheaf } from '../state/StoreContext';

/** Until the list is virtualized, more than this many options would make typing sluggish. */
const maxShown = 200;

export function Picker() {
  const assignments = useSheaf((s) => s.assignments);
  const query = useSheaf((s) => s.pickerQuery);
  const selected = useSheaf((s) => s.selected);
  const setPickerQuery = useSheaf((s) => s.setPickerQuery);
  const choose = useSheaf((s) => s.choose);
  const startTimer = useSheaf((s) => s.startTimer);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const ids = useId();
  const listId = `${ids}-list`;
  const optionId = (index: number) => `${ids}-option-${index}`;

  // The input shows the chosen option's name; reopening should offer everything, not just that one.
  const { groups, ordered, more } = useMemo(() => {
    const found = matchAssignments(assignments, selected ? '' : query, maxShown + 1);
    const grouped = groupByClient(found.slice(0, maxShown));
    // Keyboard order follows the grouped order on screen.
    const flat = grouped.flatMap((g) => g.options);
    return { groups: grouped, ordered: flat, more: found.length > maxShown };
  }, [assignments, query, selected]);
  const indexOf = useMemo(() => new Map(ordered.map((option, i) => [option, i])), [ordered]);
  const expanded = open && ordered.length > 0;

  useEffect(() => {
    if (expanded && active >= 0)
      document.getElementById(optionId(active))?.scrollIntoView?.({ block: 'nearest' });
  });

  function pick(option: AssignmentOption) {
    choose(option);
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!expanded) {
          setOpen(true);
          setActive(0);
        } else setActive((i) => Math.min(i + 1, ordered.length - 1));
        return;
      case 'ArrowUp':
        event.preventDefault();
        if (!expanded) {
          setOpen(true);
          setActive(ordered.length - 1);
        } else setActive((i) => Math.max(i - 1, 0));
        return;
      case 'Enter': {
        const option = expanded ? ordered[active] : undefined;
        if (option) {
          event.preventDefault();
          pick(option);
          void startTimer(option);
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
          choose(null);
        }
        return;
      case 'Tab':
        setOpen(false);
        return;
    }
  }

  return (
    <div className="picker">
      <label htmlFor={`${ids}-input`}>Project and task</label>
      <input
        id={`${ids}-input`}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        placeholder={assignments.length ? 'Search client, project or task' : 'Loading projects…'}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        value={query}
        onChange={(e) => {
          setPickerQuery(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onClick={() => setOpen((o) => !o)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {/* Mouse presses here keep focus in the input (so its blur doesn't close the list mid-scroll);
          tabIndex makes the scroller reachable, as axe asks of scrollable regions (Tab closes the list first). */}
      <div
        className="popup"
        tabIndex={0}
        hidden={!open || assignments.length === 0}
        onMouseDown={(e) => e.preventDefault()}
      >
        <ul id={listId} role="listbox" aria-label="Projects and tasks" className="options" hidden={!expanded}>
          {groups.map((group, g) => (
            <li key={group.clientName} role="presentation">
              <ul role="group" aria-labelledby={`${ids}-group-${g}`}>
                <li role="presentation" id={`${ids}-group-${g}`} className="group-label">
                  {group.clientName || 'No client'}
                </li>
                {group.options.map((option) => {
                  const index = indexOf.get(option) ?? -1;
                  return (
                    <li
                      key={`${option.projectId}-${option.taskId}`}
                      id={optionId(index)}
                      role="option"
                      aria-label={assignmentLabel(option)}
                      aria-selected={index === active}
                      className={index === active ? 'option active' : 'option'}
                      onMouseMove={() => setActive(index)}
                      onClick={() => pick(option)}
                    >
                      <span className="option-project">
                        {option.projectCode && <span className="code">{option.projectCode}</span>}
                        {option.projectName}
                      </span>
                      <span className="option-task muted">{option.taskName}</span>
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
        {!expanded && <p className="picker-note muted small">No matching project or task</p>}
        {expanded && more && (
          <p className="picker-note muted small">Showing the first {maxShown}. Type more to narrow down.</p>
        )}
      </div>
    </div>
  );
}
