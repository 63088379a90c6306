/**
 * Test support for hooks (not imported by the app): renders a hook inside the database context, on
 * its own fake-indexeddb database. Dexie's `liveQuery` does nothing where there is no global
 * IndexedDB (Node), so a fake one is made known to Dexie; every database still opens on its own
 * factory (one per simulated device, test/README.md).
 */
import { renderHook } from '@testing-library/preact';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { ComponentChildren } from 'preact';
import type { NaptimeDb } from '../storage/db';
import { DbContext } from './db';

Dexie.dependencies.indexedDB ??= new IDBFactory();
Dexie.dependencies.IDBKeyRange ??= IDBKeyRange;

/** `renderHook` with `db` provided to `useDb()`; `rerender(props)` renders it again with new props. */
export function renderWithDb<R, P = undefined>(
  db: NaptimeDb,
  hook: (props: P) => R,
  initialProps?: P,
) {
  const wrapper = ({ children }: { children: ComponentChildren }) => (
    <DbContext.Provider value={db}>{children}</DbContext.Provider>
  );
  return renderHook(hook, { wrapper, ...(initialProps === undefined ? {} : { initialProps }) });
}
