// Owns "which day" when the popover comes back: shown again after a while away (the page hidden, or the window
// without focus, which is how both hosts say the popover closed), it opens on today, as Harvest's does. A quick
// look away keeps the day the person was on.
import { useEffect, useRef } from 'react';

/** Hidden at least this long, the popover opens on today again. */
export const backToTodayAfterMs = 5 * 60_000;

export function useOpensOnToday(shownDate: string, today: string, showToday: () => void): void {
  const latest = useRef({ away: shownDate !== today, showToday });
  useEffect(() => {
    latest.current = { away: shownDate !== today, showToday };
  });
  useEffect(() => {
    let hiddenAt: number | null = null;
    const hidden = () => {
      hiddenAt ??= Date.now();
    };
    const shown = () => {
      if (document.visibilityState !== 'visible' || hiddenAt === null) return;
      const awayMs = Date.now() - hiddenAt;
      hiddenAt = null;
      if (awayMs >= backToTodayAfterMs && latest.current.away) latest.current.showToday();
    };
    const onVisibility = () => (document.visibilityState === 'hidden' ? hidden() : shown());
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('blur', hidden);
    window.addEventListener('focus', shown);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('blur', hidden);
      window.removeEventListener('focus', shown);
    };
  }, []);
}
