// Owns the picker's scrolled window in the page: its scroll position and height, the rows it shows, and
// scrolling a row into view. The geometry itself is lib/virtual-rows.ts.
import { useCallback, useLayoutEffect, useMemo, useState } from 'react';
import { rowOffsets, scrollToShow, visibleRows } from '../lib/virtual-rows';

/** The window's height when it can't be measured (hidden, or a test's DOM without layout). */
const fallbackHeight = 240;
const overscan = 6;

/** `attach` goes on the scrolled element as its ref; `visible` are the rows to put in the page. */
export function useVirtualRows(count: number, heightOf: (row: number) => number, shown: boolean) {
  const [element, attach] = useState<HTMLElement | null>(null);
  const [top, setTop] = useState(0);
  const [height, setHeight] = useState(fallbackHeight);
  // heightOf changes with the rows it reads, and only then.
  const offsets = useMemo(() => rowOffsets(count, heightOf), [count, heightOf]);

  useLayoutEffect(() => {
    if (!element || !shown) return;
    const measure = () => setHeight(element.clientHeight || fallbackHeight);
    const onScroll = () => setTop(element.scrollTop);
    measure();
    onScroll();
    element.addEventListener('scroll', onScroll, { passive: true });
    const resized = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    resized?.observe(element);
    return () => {
      element.removeEventListener('scroll', onScroll);
      resized?.disconnect();
    };
  }, [element, shown]);

  const { start, end } = visibleRows(offsets, top, height, overscan);
  const visible = useMemo(() => {
    const out: { row: number; start: number; size: number }[] = [];
    for (let r = start; r < end; r++)
      out.push({ row: r, start: offsets[r]!, size: offsets[r + 1]! - offsets[r]! });
    return out;
  }, [start, end, offsets]);

  const reveal = useCallback(
    (row: number) => {
      if (!element) return;
      const to = scrollToShow(offsets, row, element.scrollTop, element.clientHeight || fallbackHeight);
      if (to === null) return;
      element.scrollTo?.({ top: to });
      // Not every DOM scrolls (a test's has no layout): the window follows what was asked for.
      setTop(to);
    },
    [element, offsets],
  );

  return { attach, visible, totalHeight: offsets[count] ?? 0, reveal };
}
