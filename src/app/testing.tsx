/**
 * Test support for hooks (not imported by the app): renders a hook inside the database context, on
 * its own fake-indexeddb database. Dexie's `liveQuery` does nothing where there is no global
 * IndexedDB (Node), so a fake one is made known to Dexie; every database still opens on its own
 * factory (one per simulated device, test/README.md).
 */
import { renderHook, waitFor } from '@testing-library/preact';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { ComponentChildren } from 'preact';
import type { NaptimeDb } from '../storage/db';
import { saveChild, saveObservation, type ChildInput } from '../storage/write';
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

/** `renderWithDb` for a form's hook, once it has loaded (its `state` is no longer `loading`). */
export async function renderLoaded<R extends { state: string }, P = undefined>(
  db: NaptimeDb,
  hook: (props: P) => R,
  initialProps?: P,
) {
  const rendered = renderWithDb(db, hook, initialProps);
  await waitFor(() => {
    if (rendered.result.current.state === 'loading') throw new Error('the form is still loading');
  });
  return rendered;
}

/** A child saved straight through storage, for a form to pick or edit; returns its id. */
export async function aChildId(
  db: NaptimeDb,
  input: ChildInput = { name: 'Ana' },
): Promise<string> {
  const child = await saveChild(db, input);
  if (!child.ok) throw new Error(`the test child was not saved: ${JSON.stringify(child)}`);
  return child.record.id;
}

/** A note about `childId` saved straight through storage, for a form to edit; returns its id. */
export async function aNoteId(
  db: NaptimeDb,
  childId: string,
  observedAt = '2026-01-29T13:05:00-06:00',
): Promise<string> {
  const note = await saveObservation(db, { childIds: [childId], observedAt, text: 'Ana stacked' });
  if (!note.ok) throw new Error(`the test note was not saved: ${JSON.stringify(note)}`);
  return note.record.id;
}
