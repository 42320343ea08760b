// The fault simulation's promise: a seed is a run. Run twice, it asks Harvest the same things at the same
// virtual moments and ends with the same line; another seed is another run.
import { describe, expect, it } from 'vitest';
import { simulateSeed } from '../simulation/run-seed';

describe('the fault simulation', () => {
  it(
    'replays a seed exactly: the same requests at the same moments, and the same result line',
    { timeout: 120_000 },
    async () => {
      const first = await simulateSeed(42, 90);
      const again = await simulateSeed(42, 90);
      expect(first.total.operations).toBeGreaterThan(100);
      expect(first.total.kills).toBeGreaterThan(5);
      expect(again.trace).toBe(first.trace);
      expect(again.line).toBe(first.line);
      expect(first.failed).toBe(false);
    },
  );

  it('runs another course for another seed', { timeout: 120_000 }, async () => {
    const one = await simulateSeed(42, 60);
    const other = await simulateSeed(43, 60);
    expect(other.trace).not.toBe(one.trace);
  });
});
