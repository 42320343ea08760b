// Owns the picker's list geometry: where each row starts, which rows a scrolled window shows, and where to
// scroll so a row is in view. Pure numbers, so 20,000 rows cost one Float64Array and a binary search.

/** `offsets[r]` is where row r starts; `offsets[count]` is the list's whole height. */
export function rowOffsets(count: number, heightOf: (row: number) => number): Float64Array {
  const offsets = new Float64Array(count + 1);
  for (let r = 0; r < count; r++) offsets[r + 1] = offsets[r]! + heightOf(r);
  return offsets;
}

/** The last row starting at or before `y`. */
function rowAt(offsets: Float64Array, y: number): number {
  let low = 0;
  let high = offsets.length - 2;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (offsets[mid]! <= y) low = mid;
    else high = mid - 1;
  }
  return Math.max(0, low);
}

/** Rows [start, end) to put in the page for a window `height` tall scrolled to `top`, plus `overscan` each side. */
export function visibleRows(
  offsets: Float64Array,
  top: number,
  height: number,
  overscan: number,
): { start: number; end: number } {
  const count = offsets.length - 1;
  if (count <= 0) return { start: 0, end: 0 };
  const first = rowAt(offsets, Math.max(0, top));
  const last = rowAt(offsets, Math.max(0, top + height - 1));
  return { start: Math.max(0, first - overscan), end: Math.min(count, last + 1 + overscan) };
}

/** The scroll position that brings `row` into a window `height` tall at `top`, or null when it is in view. */
export function scrollToShow(offsets: Float64Array, row: number, top: number, height: number): number | null {
  const start = offsets[row];
  const end = offsets[row + 1];
  if (start === undefined || end === undefined) return null;
  if (start < top) return start;
  if (end > top + height) return end - height;
  return null;
}
