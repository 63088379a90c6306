/**
 * A staff page's read of one route (SYNC.md §17): the kept copy at once (so it opens offline), then
 * the server's answer when online; `refresh` asks again. Sync calls live here, not in components
 * (src/README.md 4).
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { z } from 'zod/mini';
import {
  readKept,
  readStaffRoute,
  type StaffRead,
  type StaffReadDeps,
} from '../../../sync/staff-read';
import { useDb } from '../../db';
import { baseUrlFor } from '../../sync-runtime';

const browserDeps: StaffReadDeps = {
  fetch: (url, init) => fetch(url, init),
  isOnline: () => (typeof navigator === 'undefined' ? true : navigator.onLine !== false),
  now: () => Date.now(),
  baseUrlFor,
};

/** The route's answer as the page shows it; `undefined` while nothing is known yet. */
export function useStaffRoute<T>(
  route: string,
  schema: z.ZodMiniType<T>,
): { read: StaffRead<T> | undefined; isLoading: boolean; refresh: () => void } {
  const db = useDb();
  const [read, setRead] = useState<StaffRead<T> | undefined>(undefined);
  const [isLoading, setLoading] = useState(true);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let isCurrent = true;
    setLoading(true);
    void (async () => {
      const kept = await readKept(db, route, schema);
      if (isCurrent && kept) setRead((r) => r ?? kept);
      const fresh = await readStaffRoute(db, browserDeps, route, schema);
      if (!isCurrent) return;
      setRead(fresh);
      setLoading(false);
    })();
    return () => {
      isCurrent = false;
    };
  }, [db, route, schema, attempt]);
  const refresh = useCallback(() => setAttempt((n) => n + 1), []);
  return { read, isLoading, refresh };
}
