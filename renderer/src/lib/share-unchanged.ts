// Owns structural sharing between snapshots: a snapshot that arrives over IPC is all new objects, so the parts
// equal to the last snapshot's are swapped back for the last snapshot's own. A component that selects a part
// then sees the same object and does not re-render (TanStack Query's replaceEqualDeep works the same way).

type Plain = Record<string, unknown>;

function isPlainObject(value: unknown): value is Plain {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * `next`, except that every part deeply equal to the same part of `previous` is `previous`'s object; when all of
 * it is equal, `previous` itself. Only JSON-shaped values (plain objects, arrays, primitives) are shared.
 */
export function shareUnchanged<T>(previous: T, next: T): T {
  return share(previous, next) as T;
}

function share(previous: unknown, next: unknown): unknown {
  if (Object.is(previous, next)) return previous;
  if (Array.isArray(previous) && Array.isArray(next)) {
    let same = previous.length === next.length;
    const out = next.map((item, i) => {
      const shared = i < previous.length ? share(previous[i], item) : item;
      if (shared !== previous[i]) same = false;
      return shared;
    });
    return same ? previous : out;
  }
  if (isPlainObject(previous) && isPlainObject(next)) {
    const keys = Object.keys(next);
    let same = keys.length === Object.keys(previous).length;
    const out: Plain = {};
    for (const key of keys) {
      const shared = Object.hasOwn(previous, key) ? share(previous[key], next[key]) : next[key];
      if (shared !== previous[key] || !Object.hasOwn(previous, key)) same = false;
      out[key] = shared;
    }
    return same ? previous : out;
  }
  return next;
}
