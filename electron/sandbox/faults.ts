// Owns fault injection: latency, a network outage, and one-shot rules (5xx, 429, dropped or hung sockets)
// matched by method and path, so tests can break the network in the exact place they mean to.
import type { FaultRule, Faults } from './types';

interface ActiveRule extends FaultRule {
  remaining: number;
}

export class FaultSwitchboard implements Faults {
  latencyMs = 0;
  outage = false;
  // Harvest's recorded 429 is an empty text/html page with no Retry-After (fastruby/harvesting's throttling
  // cassette); a test that wants the header sets this to false.
  omitRetryAfter = true;
  retryAfterSeconds = 15;
  private rules: ActiveRule[] = [];

  add(rule: FaultRule): void {
    this.rules.push({ ...rule, remaining: Math.max(1, rule.count ?? 1) });
  }

  clear(): void {
    this.rules = [];
    this.latencyMs = 0;
    this.outage = false;
  }

  /** The first rule this request matches, used up by one; rules apply in the order they were added. */
  take(method: string, pathWithQuery: string): FaultRule | undefined {
    const pathname = pathWithQuery.split('?')[0] ?? pathWithQuery;
    const rule = this.rules.find((r) => {
      if (r.method && r.method.toUpperCase() !== method.toUpperCase()) return false;
      if (!r.path) return true;
      r.path.lastIndex = 0;
      if (r.path.test(pathname)) return true;
      r.path.lastIndex = 0;
      return r.path.test(pathWithQuery);
    });
    if (!rule) return undefined;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.rules.splice(this.rules.indexOf(rule), 1);
    return rule;
  }
}
