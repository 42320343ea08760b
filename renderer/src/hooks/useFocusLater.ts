// Owns putting focus back after something the person was in goes away (a form closed, a row deleted, an undo
// offer gone), so keyboard focus never falls to the page body. The target may appear a few frames later (a row
// Harvest's answer brings back), so it is looked for over a short while, then the fallback takes it.
import { useCallback, useEffect, useRef, type RefObject } from 'react';

/** How long to look for a target that isn't on screen yet (a restored row), in frames (~half a second). */
const framesToWait = 30;

export function useFocusLater(within: RefObject<HTMLElement | null>) {
  const pending = useRef<number | null>(null);
  useEffect(
    () => () => {
      if (pending.current !== null) cancelAnimationFrame(pending.current);
    },
    [],
  );
  return useCallback(
    (selectors: readonly string[], fallback?: string) => {
      if (pending.current !== null) cancelAnimationFrame(pending.current);
      let frames = 0;
      const attempt = () => {
        pending.current = null;
        const root = within.current;
        if (!root) return;
        const target = selectors
          .map((s) => root.querySelector<HTMLElement>(s))
          .find((el): el is HTMLElement => el !== null && !el.closest('[hidden]'));
        if (target) return target.focus();
        if (++frames < framesToWait) {
          pending.current = requestAnimationFrame(attempt);
          return;
        }
        if (fallback) root.querySelector<HTMLElement>(fallback)?.focus();
      };
      pending.current = requestAnimationFrame(attempt);
    },
    [within],
  );
}

/** A selector for a button by its accessible name, quotes escaped. */
export const buttonNamed = (name: string): string =>
  `button[aria-label="${name.replace(/["\\]/g, (c) => `\\${c}`)}"]`;
