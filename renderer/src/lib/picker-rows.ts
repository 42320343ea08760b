// Owns the picker's rows as plain arrays: a heading or an option per row, and where each option sits. Built once
// per keystroke for up to 20,000 pairs, so it makes no object per row (typed arrays and one flat list).
import type { AssignmentOption } from '../../../shared/state';

export interface Section {
  label: string;
  options: readonly AssignmentOption[];
}

export interface PickerRows {
  count: number;
  /** Every option listed, in row order: the keyboard moves through these. */
  options: AssignmentOption[];
  /** Row r shows `options[optionAt[r]]`, or a heading when it is -1. */
  optionAt: Int32Array;
  /** A heading row's label. */
  headings: Map<number, string>;
  /** The row an option index sits on. */
  rowOf: Int32Array;
}

/** The sections' rows, each section's heading first; empty sections are left out. */
export function buildRows(sections: readonly Section[]): PickerRows {
  let count = 0;
  for (const s of sections) if (s.options.length > 0) count += s.options.length + 1;
  const optionAt = new Int32Array(count);
  const headings = new Map<number, string>();
  const options: AssignmentOption[] = [];
  const rowOf = new Int32Array(count);
  let row = 0;
  for (const s of sections) {
    if (s.options.length === 0) continue;
    headings.set(row, s.label);
    optionAt[row++] = -1;
    for (const option of s.options) {
      rowOf[options.length] = row;
      optionAt[row++] = options.push(option) - 1;
    }
  }
  return { count, options, optionAt, headings, rowOf: rowOf.subarray(0, options.length) };
}
