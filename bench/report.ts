// Owns how the bench prints: sample statistics and one line per figure with its goal beside it, so a before and
// an after can be compared line by line. A bench prints numbers; a missed goal never fails the run.
export interface Stats {
  median: number;
  p95: number;
  max: number;
}

export function stats(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return { median: NaN, p95: NaN, max: NaN };
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1]! };
}

export const ms = (n: number, digits = 2) => `${n.toFixed(digits)} ms`;

/** "<label> <value> (goal <op> <target>) MET|MISS"; '=' prints the bare target, as in "(goal 0)". */
export function goal(
  label: string,
  value: number,
  op: '<' | '≤' | '≥' | '=',
  target: number,
  unit = '',
): void {
  const met =
    op === '<'
      ? value < target
      : op === '≤'
        ? value <= target
        : op === '≥'
          ? value >= target
          : value === target;
  const u = unit === '' ? '' : ` ${unit}`;
  const shown = Number.isInteger(value) ? String(value) : value.toFixed(1);
  const wanted = op === '=' ? `${target}${u}` : `${op} ${target}${u}`;
  console.log(`${label} ${shown}${u} (goal ${wanted}) ${met ? 'MET' : 'MISS'}`);
}

/** A figure's heading, so `npm run bench` output reads as sections. */
export function section(title: string): void {
  console.log(`\n== ${title}`);
}
