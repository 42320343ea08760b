// Owns handing the popover's store to components, so tests and main.tsx can each supply their own.
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppState } from '../../../shared/state';
import type { PopoverState, SheafStore } from './store';

const StoreContext = createContext<SheafStore | null>(null);

export function StoreProvider({ store, children }: { store: SheafStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** Reads one slice of the store; pick primitives or stable objects so renders stay cheap. */
export function useSheaf<T>(selector: (state: PopoverState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useSheaf needs a StoreProvider above it.');
  return useStore(store, selector);
}

/**
 * Reads one part of main's snapshot, for views shown only once it arrived. Parts are shared between snapshots
 * when unchanged, so selecting `app.day` re-renders on a change to the day and not on a timer tick elsewhere.
 */
export function useApp<T>(selector: (app: AppState) => T): T {
  return useSheaf((s) => {
    if (!s.app) throw new Error('useApp is for views shown once the first snapshot arrived.');
    return selector(s.app);
  });
}
