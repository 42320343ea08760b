// Owns naming the parts of the popover whose renders the bench counts: a <Counted id> boundary is a React
// Profiler, so a commit hook can tell which part a render happened in (bench/browser/renders.ts walks the
// committed tree from React's devtools hook, as production builds never call onRender).
import { Profiler, type ProfilerOnRenderCallback, type ReactNode } from 'react';

/** Set `__sheafRenders = {}` (e.g. in the devtools console of `npm run dev`) to count each part's commits. */
const count: ProfilerOnRenderCallback = (id) => {
  const counts = (globalThis as { __sheafRenders?: Record<string, number> }).__sheafRenders;
  if (counts) counts[id] = (counts[id] ?? 0) + 1;
};

export function Counted({ id, children }: { id: string; children: ReactNode }) {
  return (
    <Profiler id={id} onRender={count}>
      {children}
    </Profiler>
  );
}
