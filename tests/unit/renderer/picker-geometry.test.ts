// Tests the picker's rows and list geometry: headings and options laid out in typed arrays, the window of rows
// a scroll position shows, and the scroll that brings a row into view.
import { describe, expect, it } from 'vitest';
import { buildRows } from '../../../renderer/src/lib/picker-rows';
import { rowOffsets, scrollToShow, visibleRows } from '../../../renderer/src/lib/virtual-rows';
import { assignmentOption } from '../../fixtures/app-state';

const pair = (projectId: number) =>
  assignmentOption('Acme', `Project ${projectId}`, 'Design', { projectId, taskId: 1 });

describe('buildRows', () => {
  it('puts each section under its heading, skips empty ones, and knows where every option sits', () => {
    const rows = buildRows([
      { label: 'Recent', options: [pair(1)] },
      { label: 'Pinned', options: [] },
      { label: 'Acme', options: [pair(2), pair(3)] },
    ]);
    expect(rows.count).toBe(5);
    expect([...rows.optionAt]).toEqual([-1, 0, -1, 1, 2]);
    expect([...rows.headings]).toEqual([
      [0, 'Recent'],
      [2, 'Acme'],
    ]);
    expect(rows.options.map((o) => o.projectId)).toEqual([1, 2, 3]);
    expect([...rows.rowOf]).toEqual([1, 3, 4]);
  });

  it('has no rows when nothing matched', () => {
    const rows = buildRows([{ label: 'Acme', options: [] }]);
    expect(rows.count).toBe(0);
    expect(rows.options).toEqual([]);
  });
});

describe('the list geometry', () => {
  // A heading (26 px) then options (44 px), 20,000 rows in all.
  const offsets = rowOffsets(20_000, (r) => (r === 0 ? 26 : 44));

  it('adds up every row before each one', () => {
    expect(offsets[0]).toBe(0);
    expect(offsets[1]).toBe(26);
    expect(offsets[3]).toBe(26 + 88);
    expect(offsets[20_000]).toBe(26 + 19_999 * 44);
  });

  it('shows the rows under a scrolled window, with a few more each side', () => {
    expect(visibleRows(offsets, 0, 240, 6)).toEqual({ start: 0, end: 12 });
    // 10,000 rows down: row r starts at 26 + (r - 1) * 44.
    const top = 26 + 9_999 * 44;
    expect(visibleRows(offsets, top, 240, 6)).toEqual({ start: 10_000 - 6, end: 10_000 + 6 + 6 });
    expect(visibleRows(offsets, offsets[20_000]! - 240, 240, 6).end).toBe(20_000);
    expect(
      visibleRows(
        rowOffsets(0, () => 44),
        0,
        240,
        6,
      ),
    ).toEqual({ start: 0, end: 0 });
  });

  it('scrolls only as far as needed to show a row, and not at all when it is in view', () => {
    expect(scrollToShow(offsets, 2, 0, 240)).toBeNull();
    expect(scrollToShow(offsets, 100, 0, 240)).toBe(offsets[101]! - 240);
    expect(scrollToShow(offsets, 1, 5_000, 240)).toBe(26);
    expect(scrollToShow(offsets, 50_000, 0, 240)).toBeNull();
  });
});
