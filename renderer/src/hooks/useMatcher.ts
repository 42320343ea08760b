// Owns when the picker's search index is built: once the browser is idle after the list is painted (tens of ms
// at 20,000 pairs, kept off the popover's first paint), or by the first search if the person types before that.
import { useEffect, useMemo } from 'react';
import type { AssignmentOption } from '../../../shared/state';
import { matcherFor, type AssignmentMatcher } from '../lib/match';

export function useMatcher(options: readonly AssignmentOption[]): AssignmentMatcher {
  useEffect(() => {
    if (options.length === 0) return;
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(() => matcherFor(options));
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(() => matcherFor(options), 1);
    return () => clearTimeout(id);
  }, [options]);
  return useMemo(() => ({ search: (query) => matcherFor(options).search(query) }), [options]);
}
