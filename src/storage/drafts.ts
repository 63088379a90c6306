/**
 * Drafts: half-typed forms, local only (SYNC.md §2). The autosaver writes at most `delayMs` (≤ 500)
 * after the first unsaved change, even while she keeps typing; with `delayMs: 0` it writes on every
 * change, one write at a time, the latest value taking the place of any still waiting, so a killed
 * browser loses at most what was typed during the last write or two. `flush()` writes at once (the
 * app calls it on `pagehide` and before accepting an update). A draft is deleted only by the record
 * transaction that saves it (`saveRecord(..., { draftKey })`), never before. Drafts are typed by the
 * form that keeps them: what is read back goes through that form's own check, never a cast.
 */
import { toLocalDateTime } from '../domain/dates';
import type { NaptimeDb } from './db';
import { toStorageFailure, type StorageFailure } from './errors';

/** The result of a draft write. */
export type DraftWriteResult = { ok: true } | StorageFailure;

/** Stores the draft `value` under `key`, replacing any earlier one. */
export async function saveDraft<T extends object>(
  db: NaptimeDb,
  key: string,
  value: T,
): Promise<DraftWriteResult> {
  try {
    await db.drafts.put({ key, value, updatedAt: toLocalDateTime(db.now()) });
    return { ok: true };
  } catch (error) {
    return toStorageFailure(error);
  }
}

/** Reads a stored draft back as a form's values, or null when it is not one of that form's drafts. */
export type DraftReader<T> = (value: unknown) => T | null;

const asObject: DraftReader<Record<string, unknown>> = (value) =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;

/**
 * The draft stored under `key` as `read` makes it, or null when there is none or `read` refuses it;
 * without `read`, any object.
 */
export async function loadDraft(
  db: NaptimeDb,
  key: string,
): Promise<Record<string, unknown> | null>;
export async function loadDraft<T>(
  db: NaptimeDb,
  key: string,
  read: DraftReader<T>,
): Promise<T | null>;
export async function loadDraft<T>(
  db: NaptimeDb,
  key: string,
  read?: DraftReader<T>,
): Promise<T | Record<string, unknown> | null> {
  const row = await db.drafts.get(key);
  const value = asObject(row?.value);
  if (value === null) return null;
  return read ? read(value) : value;
}

/** Deletes the draft under `key` (nothing happens when there is none). */
export async function deleteDraft(db: NaptimeDb, key: string): Promise<DraftWriteResult> {
  try {
    await db.drafts.delete(key);
    return { ok: true };
  } catch (error) {
    return toStorageFailure(error);
  }
}

/** A debounced writer of one form's draft. */
export interface DraftAutosaver<T extends object = Record<string, unknown>> {
  /** Remembers the form's latest value; it is written within `delayMs`. */
  update(value: T): void;
  /** Writes the latest value now; resolves once every write of this autosaver has finished. */
  flush(): Promise<void>;
  /** Forgets an unwritten value (the stored draft stays). */
  cancel(): void;
  /** True while a value waits to be written or a write is running. */
  hasPendingWrite(): boolean;
}

/** Options of an autosaver. `onError` hears of a write that failed (e.g. storage full). */
export interface DraftAutosaverOptions {
  delayMs?: number;
  onError?: (failure: StorageFailure) => void;
}

interface Registered {
  db: NaptimeDb;
  key: string;
  saver: Pick<DraftAutosaver<object>, 'flush' | 'hasPendingWrite'>;
}

const MAX_DELAY_MS = 500;
const busy = new Set<Registered>();
let settledWaiters: Array<() => void> = [];

function noteIdle(entry: Registered): void {
  if (entry.saver.hasPendingWrite()) return;
  busy.delete(entry);
  if (busy.size === 0) {
    const waiters = settledWaiters;
    settledWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

/** Creates a debounced autosaver of the draft `key`. */
export function createDraftAutosaver<T extends object = Record<string, unknown>>(
  db: NaptimeDb,
  key: string,
  options: DraftAutosaverOptions = {},
): DraftAutosaver<T> {
  const delayMs = Math.min(Math.max(options.delayMs ?? 400, 0), MAX_DELAY_MS);
  let pending: T | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = 0;
  /** True while a write is queued that has not yet taken its value: it will take the latest. */
  let isQueued = false;
  let tail: Promise<void> = Promise.resolve();

  const clearTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  const write = (): Promise<void> => {
    if (pending === undefined || isQueued) return tail;
    isQueued = true;
    running += 1;
    // Writes run one after another, so an older value can never land after a newer one; a queued
    // write takes the value when its turn comes, so changes made meanwhile cost one write, not many.
    tail = tail
      .then(() => {
        isQueued = false;
        const value = pending;
        pending = undefined;
        return value === undefined ? ({ ok: true } as const) : saveDraft(db, key, value);
      })
      .then(
        (result) => {
          if (!result.ok) options.onError?.(result);
        },
        (error: unknown) => options.onError?.(toStorageFailure(error)),
      )
      .finally(() => {
        running -= 1;
        noteIdle(entry);
      });
    return tail;
  };

  const saver: DraftAutosaver<T> = {
    update(value) {
      pending = value;
      busy.add(entry);
      if (delayMs === 0) {
        void write();
        return;
      }
      // Not reset by later keystrokes: the first unsaved change is on disk within delayMs.
      timer ??= setTimeout(() => {
        timer = undefined;
        void write();
      }, delayMs);
    },
    flush() {
      clearTimer();
      return write();
    },
    cancel() {
      clearTimer();
      pending = undefined;
      noteIdle(entry);
    },
    hasPendingWrite() {
      return timer !== undefined || pending !== undefined || running > 0;
    },
  };
  const entry: Registered = { db, key, saver };
  return saver;
}

/** Resolves when no autosaver has a value waiting or a write running. */
export function whenDraftsSettled(): Promise<void> {
  if (busy.size === 0) return Promise.resolve();
  return new Promise((resolve) => settledWaiters.push(resolve));
}

/**
 * Writes any waiting value of the autosavers of `key` and waits for their writes, so that the
 * record transaction that deletes the draft runs after them and no late write brings it back.
 */
export async function settleDraftWrites(db: NaptimeDb, key: string): Promise<void> {
  const mine = [...busy].filter((e) => e.db === db && e.key === key);
  await Promise.all(mine.map((e) => e.saver.flush()));
}
