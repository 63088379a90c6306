/**
 * App-wide state: a few named signals, each with one writer (src/README.md 5).
 * - `updateReady`: written by pwa.ts when a new version waits.
 * - `toast`: written by `showToast` only.
 * - `isOnline`: written by main.tsx from the browser's online/offline events (a hint, never trusted).
 * - `failedReads`: written by ui/use-live-query.ts only; each entry reads one failed live query again.
 * - `syncStatus`: written by sync-runtime.ts only, from the sync client's status store; `null`
 *   while no client runs (not connected, or before it loads after the first paint).
 * - `staffProfile`: written by `loadStaffProfile` only (at start and after connecting): the staff
 *   member of a staff device (SYNC.md §13), `null` on a provider's; it turns the app into hers.
 */
import { signal } from '@preact/signals';
import type { StaffProfile } from '../storage/sync-state';
import type { SyncSnapshot } from '../sync/status';
import type { MessageKey } from './i18n/en';

export const updateReady = signal(false);
/** The retries of live reads that failed; the shell says so while any is here. */
export const failedReads = signal<ReadonlySet<() => void>>(new Set());
export const syncStatus = signal<SyncSnapshot | null>(null);
export const staffProfile = signal<StaffProfile | null>(null);
export const isOnline = signal(typeof navigator === 'undefined' ? true : navigator.onLine);

export interface Toast {
  id: number;
  /** Catalogue keys, so a message on screen follows a language switch. */
  message: MessageKey;
  action?: { label: MessageKey; run: () => void };
  /** How long it stays, in ms. */
  durationMs: number;
}

export const toast = signal<Toast | null>(null);
let nextToastId = 1;
let timer: ReturnType<typeof setTimeout> | undefined;

/** Shows one message at the bottom of the screen (replacing any other) for `durationMs`. */
export function showToast(
  message: MessageKey,
  options: { action?: Toast['action']; durationMs?: number } = {},
): void {
  clearTimeout(timer);
  const next: Toast = {
    id: nextToastId++,
    message,
    durationMs: options.durationMs ?? 6000,
    ...(options.action ? { action: options.action } : {}),
  };
  toast.value = next;
  timer = setTimeout(() => {
    if (toast.value?.id === next.id) toast.value = null;
  }, next.durationMs);
}

/** Hides the message on screen. */
export function dismissToast(): void {
  clearTimeout(timer);
  toast.value = null;
}
