// Owns a form's own choice of project/task in the picker (the forms that don't share the start form's): what is
// typed, what is chosen, and the store's lists the picker offers, recent pairs first.
import { useState } from 'react';
import type { AssignmentOption } from '../../../shared/state';
import type { AssignmentPickerProps } from '../components/AssignmentPicker';
import { assignmentLabel } from '../lib/labels';
import { useSheaf } from '../state/StoreContext';
import { useMatcher } from './useMatcher';

type ChoiceProps = Omit<AssignmentPickerProps, 'label'>;

/** `initial` and `shown`: the pair already chosen (an entry being edited) and the text its input starts with. */
export function usePairChoice(initial: AssignmentOption | null = null, shown = '') {
  const assignments = useSheaf((s) => s.assignments);
  const recent = useSheaf((s) => s.app?.recent);
  const favourites = useSheaf((s) => s.app?.favourites);
  const matcher = useMatcher(assignments);
  const [selected, setSelected] = useState<AssignmentOption | null>(initial);
  const [query, setQuery] = useState(shown);
  const pickerProps: ChoiceProps = {
    assignments,
    matcher,
    query,
    selected,
    recent,
    favourites,
    // Typing drops the choice: only a pair picked from the list counts.
    onQueryChange(q) {
      setQuery(q);
      setSelected(null);
    },
    onChoose(o) {
      setSelected(o);
      setQuery(o ? assignmentLabel(o) : '');
    },
  };
  return { selected, query, pickerProps };
}
