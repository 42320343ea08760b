// Owns the start form's picker: the combobox bound to the store, Enter starts at once, and "/" or Ctrl/Cmd+K
// focuses it from anywhere in the popover.
import { useEffect, useRef } from 'react';
import { useMatcher } from '../hooks/useMatcher';
import { useSheaf } from '../state/StoreContext';
import { AssignmentPicker } from './AssignmentPicker';
import { usePasteLink } from '../hooks/usePasteLink';

function typingInField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

export function Picker() {
  const assignments = useSheaf((s) => s.assignments);
  const query = useSheaf((s) => s.pickerQuery);
  const selected = useSheaf((s) => s.selected);
  const recent = useSheaf((s) => s.app?.recent);
  const favourites = useSheaf((s) => s.app?.favourites);
  const setPickerQuery = useSheaf((s) => s.setPickerQuery);
  const choose = useSheaf((s) => s.choose);
  const startChosen = useSheaf((s) => s.startChosen);
  const send = useSheaf((s) => s.send);
  const matcher = useMatcher(assignments);
  const input = useRef<HTMLInputElement>(null);
  const setNotesDraft = useSheaf((s) => s.setNotesDraft);
  const notes = useSheaf((s) => s.notesDraft);
  // An address pasted into the search links the start; the words around it (an issue's title) become notes.
  const pasteLink = usePasteLink((words) => setNotesDraft([notes.trim(), words].filter(Boolean).join(' ')));
  const onPaste = useRef(pasteLink);
  useEffect(() => {
    onPaste.current = pasteLink;
  });
  useEffect(() => {
    const field = input.current;
    const listener = (event: ClipboardEvent) => onPaste.current(event);
    field?.addEventListener('paste', listener);
    return () => field?.removeEventListener('paste', listener);
  }, []);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const slash = event.key === '/' && !typingInField(event.target);
      const find = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey);
      if (!slash && !find) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <AssignmentPicker
      label="Project and task"
      assignments={assignments}
      matcher={matcher}
      query={query}
      selected={selected}
      onQueryChange={setPickerQuery}
      onChoose={choose}
      onEnter={(option) => void startChosen(option)}
      recent={recent}
      favourites={favourites}
      onTogglePin={(o, pin) =>
        void send(pin ? 'pinAssignment' : 'unpinAssignment', { projectId: o.projectId, taskId: o.taskId })
      }
      inputRef={input}
      hideLabel
      placeholder="Project and task: type to search ( / )"
    />
  );
}
