/**
 * The database reaches components and hooks through a context, not a module-level singleton, so a
 * hook can be tested against its own fake-indexeddb database (src/README.md 4). `main.tsx` opens the
 * one database of the app and provides it; storage functions take it as their first argument.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { NaptimeDb } from '../storage/db';

/** The database of the app; `null` outside a provider. */
export const DbContext = createContext<NaptimeDb | null>(null);

/** The database of the app, for hooks (throws when no provider is above, which is a wiring bug). */
export function useDb(): NaptimeDb {
  const db = useContext(DbContext);
  if (!db) throw new Error('useDb() needs a <DbContext.Provider> above it');
  return db;
}
