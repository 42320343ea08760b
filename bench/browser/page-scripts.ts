// Owns the code the bench runs inside the popover page. Playwright sends each function as its source text, so
// each is self-contained: nothing from the module around it, only its argument and the page's globals.

export interface BenchCounts {
  /** Commits React has made since the page loaded. */
  commits: number;
  /** Per part: commits in which a component inside it rendered, since counting was last reset. */
  counts: Record<string, number>;
  counting: boolean;
}

export interface OpenTimes {
  /** performance.now() (from navigation start) when the picker could be typed in, its projects loaded. */
  usable?: number;
  /** …and when its list first showed options, clicked open the moment it was usable, layout done. */
  rows?: number;
}

export interface BenchWindow {
  __sheafBench?: BenchCounts;
  __sheafOpen?: OpenTimes;
  __REACT_DEVTOOLS_GLOBAL_HOOK__?: unknown;
  __name?: unknown;
}

/**
 * Init script: stands in for React's devtools hook (production React calls it on every commit). It counts
 * commits; with `parts`, it also walks each committed tree and notes which parts had a component render. A part
 * is a <Counted id> boundary (a Profiler fiber, by its id), or a component whose first element matches one of
 * `parts`' selectors, for pieces inside a boundary. A component rendered in this commit if React marked it as
 * having done work and its props or hook state are new objects: a subtree React skipped keeps old fibers,
 * flags and all, with the very same props and state.
 */
export function installCommitHook(parts: Record<string, string> | null): void {
  interface Fiber {
    tag: number;
    flags: number;
    child: Fiber | null;
    sibling: Fiber | null;
    memoizedProps: { id?: unknown } | null;
    memoizedState: unknown;
    stateNode: unknown;
  }
  const functionTags = new Set([0, 1, 11, 14, 15]); // function, class, forwardRef, memo, simple memo
  const profilerTag = 12;
  const hostTag = 5;
  const performedWork = 1;
  const bench: BenchCounts = { commits: 0, counts: {}, counting: false };
  const last = new WeakMap<Fiber, [unknown, unknown]>();
  const w = window as BenchWindow;
  w.__sheafBench = bench;

  const rendered = (fiber: Fiber): boolean => {
    if (!functionTags.has(fiber.tag) || (fiber.flags & performedWork) === 0) return false;
    const before = last.get(fiber);
    last.set(fiber, [fiber.memoizedProps, fiber.memoizedState]);
    return !before || before[0] !== fiber.memoizedProps || before[1] !== fiber.memoizedState;
  };
  const partsOf = (fiber: Fiber): string[] => {
    let host = fiber.child;
    while (host && host.tag !== hostTag) host = host.child;
    const element = host?.stateNode;
    if (!(element instanceof Element)) return [];
    return Object.entries(parts ?? {})
      .filter(([, selector]) => element.matches(selector))
      .map(([name]) => name);
  };
  const walk = (first: Fiber | null, inside: string[], touched: Set<string>): void => {
    for (let fiber = first; fiber; fiber = fiber.sibling) {
      let here = inside;
      const id = fiber.memoizedProps?.id;
      if (fiber.tag === profilerTag && typeof id === 'string') here = [...inside, id];
      else if (functionTags.has(fiber.tag)) here = [...inside, ...partsOf(fiber)];
      if (rendered(fiber)) for (const part of here) touched.add(part);
      walk(fiber.child, here, touched);
    }
  };

  w.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    inject: () => 1,
    checkDCE: () => {},
    onScheduleFiberRoot: () => {},
    onCommitFiberUnmount: () => {},
    onPostCommitFiberRoot: () => {},
    onCommitFiberRoot: (_renderer: number, root: { current: Fiber }) => {
      bench.commits++;
      if (!parts) return;
      const touched = new Set<string>();
      walk(root.current, [], touched);
      if (!bench.counting) return;
      for (const part of touched) bench.counts[part] = (bench.counts[part] ?? 0) + 1;
    },
  };
}

/**
 * Types each of `values` into the picker as one keystroke: the input's value set as the browser would and an
 * 'input' event dispatched, then timed until React has committed, the microtasks after it have run and layout
 * is forced. A frame passes between keystrokes, as it would between a person's.
 */
export async function typeInPicker(values: string[]): Promise<number[]> {
  const bench = (window as BenchWindow).__sheafBench!;
  const input = document.querySelector<HTMLInputElement>('input[role="combobox"]')!;
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  const nextTask = () =>
    new Promise<void>((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    });
  const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  input.focus();
  await nextFrame();
  const times: number[] = [];
  for (const value of values) {
    const commits = bench.commits;
    const start = performance.now();
    setValue.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    // One task at least, so every microtask React queued after its commit has run too.
    do await nextTask();
    while (bench.commits === commits && performance.now() - start < 1000);
    void document.body.offsetHeight;
    times.push(performance.now() - start);
    await nextFrame();
  }
  return times;
}

/** Init script: notes when the picker becomes usable, clicks it open at that moment, and notes the first rows. */
export function watchPickerOpen(): void {
  const open: OpenTimes = {};
  (window as BenchWindow).__sheafOpen = open;
  const observer = new MutationObserver(() => {
    if (open.usable === undefined) {
      const input = document.querySelector<HTMLInputElement>('input[role="combobox"]');
      if (!input || input.disabled || input.placeholder.startsWith('Loading')) return;
      open.usable = performance.now();
      input.click();
    }
    if (document.querySelector('[role="option"]')) {
      void document.body.offsetHeight;
      open.rows = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true });
}

/** Init script: tsx compiles with esbuild's keepNames, whose __name() calls would reach the page undefined. */
export function defineNameHelper(): void {
  const w = window as BenchWindow;
  w.__name ??= (target: unknown) => target;
}
