/**
 * Live reads for components (src/README.md 4): runs `querier` through Dexie's `liveQuery` and re-renders
 * whenever the tables it read change. `undefined` means loading. When `deps` change, the previous
 * result stays on screen until the new one arrives (as dexie-react-hooks does), so "Show more" does
 * not collapse the list. A small hook instead of dexie-react-hooks, which would bring preact/compat
 * to the first screen.
 */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/** The latest result of `querier`, kept live; `undefined` until the first one. */
export function useLiveQuery<T>(querier: () => Promise<T> | T, deps: readonly unknown[] = []): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const subscription = liveQuery(querier).subscribe({
      next: (next) => setValue(() => next),
      // A failed read leaves the last answer on screen; say why in the console.
      error: (error: unknown) => console.error('live query failed', error),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return value;
}
