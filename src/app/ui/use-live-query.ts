/**
 * Live reads for components (src/README.md 4): runs `querier` through Dexie's `liveQuery` and re-renders
 * whenever the tables it read change. `undefined` means loading. When `deps` change, the previous
 * result stays on screen until the new one arrives (as dexie-react-hooks does), so "Show more" does
 * not collapse the list. A read that fails is never left as "Loading…" with only a console line: it
 * joins `failedReads` (state.ts), which the shell says in her words with a Retry that reads again.
 * A small hook instead of dexie-react-hooks, which would bring preact/compat to the first screen.
 */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { failedReads } from '../state';

function setFailed(retry: () => void, isFailed: boolean): void {
  const next = new Set(failedReads.value);
  if (isFailed) next.add(retry);
  else if (!next.delete(retry)) return;
  failedReads.value = next;
}

/** Reads again every live read that failed (the shell's Retry). */
export function retryFailedReads(): void {
  for (const retry of failedReads.value) retry();
}

/** The latest result of `querier`, kept live; `undefined` until the first one. */
export function useLiveQuery<T>(
  querier: () => Promise<T> | T,
  deps: readonly unknown[] = [],
): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const retry = () => {
      setFailed(retry, false);
      setAttempt((n) => n + 1);
    };
    const subscription = liveQuery(querier).subscribe({
      next: (next) => {
        setFailed(retry, false);
        setValue(() => next);
      },
      error: (error: unknown) => {
        console.error('live query failed', error);
        setFailed(retry, true);
      },
    });
    return () => {
      subscription.unsubscribe();
      setFailed(retry, false);
    };
  }, [...deps, attempt]);
  return value;
}
