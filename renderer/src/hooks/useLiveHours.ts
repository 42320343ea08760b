// Owns a total of hours live with the timers counting into it, as shown: it re-renders when the shown figure
// changes (every minute, or every 36 s in decimal), not on every one-second tick.
import { extraHours } from '../../../shared/elapsed';
import { shownHours, type TimeFormat } from '../../../shared/format';
import type { EntryView } from '../../../shared/state';
import { useLive } from './useNow';

/** `base` excludes the running timers' time since their snapshot, as every total in AppState does. */
export function useLiveHours(base: number, running: readonly EntryView[], timeFormat: TimeFormat): number {
  return useLive(
    (now) =>
      shownHours(
        running.reduce((sum, entry) => sum + extraHours(entry, now), base),
        timeFormat,
      ),
    running.length > 0,
  );
}
