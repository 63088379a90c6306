/**
 * What Home's sync card says (SYNC.md §9, DESIGN.md "Non-negotiables"): only what is true. Not
 * connected: saved on this device. Connected: when it last synced, how many changes wait and for
 * how long, a warning after 48 h unsent; offline or a server out of reach reads as calm news
 * (everything still saves here), never as an error; a device whose access was removed stops and
 * says so. Pure, so each case is tested without a browser.
 */
import type { SyncState } from '../../../sync/status';
import type { MessageKey } from '../../i18n/en';
import type { PluralKey } from '../../i18n/i18n';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Unsent for longer than this, she is warned (SYNC.md §9). */
export const UNSENT_WARNING_MS = 48 * HOUR;

/** One sentence: a key, or a plural key with its count, and its values. */
export type Sentence =
  | { key: MessageKey; params?: Record<string, string | number> }
  | { plural: PluralKey; count: number; params?: Record<string, string | number> };

/** The card's tone: `calm` for every normal state, offline included; `stopped` only when sync has stopped. */
export type Tone = 'calm' | 'warn' | 'stopped';

/** Everything the card shows. */
export interface SyncCardView {
  headline: Sentence;
  tone: Tone;
  /** Changes waiting to be sent, and the age of the oldest (null when not connected). */
  waiting: { count: number; oldest: Sentence | null } | null;
  /** A line for a device not connected, or a warning for changes unsent too long. */
  note: Sentence | null;
  warning: Sentence | null;
  canSyncNow: boolean;
  isSyncing: boolean;
  /** Not connected: offer "Connect to my agency". */
  offerConnect: boolean;
  /** Stopped for good: offer the export and a new code. */
  offerExport: boolean;
}

/** What the card reads. */
export interface SyncCardInput {
  isConnected: boolean;
  /** The running client's state; null before it loads. */
  state: SyncState | null;
  isOnline: boolean;
  waiting: number;
  oldestWaitingAt: number | null;
  lastSyncAt: number | null;
  now: number;
}

/** "3 days", "5 hours", "10 minutes" for an age in ms. */
export function ageSentence(ms: number): Sentence {
  if (ms >= DAY) return { plural: 'sync.age.days', count: Math.floor(ms / DAY) };
  if (ms >= HOUR) return { plural: 'sync.age.hours', count: Math.floor(ms / HOUR) };
  return { plural: 'sync.age.minutes', count: Math.max(1, Math.floor(ms / MINUTE)) };
}

function syncedSentence(lastSyncAt: number | null, now: number): Sentence {
  if (lastSyncAt === null) return { key: 'sync.notYet' };
  const ago = Math.max(0, now - lastSyncAt);
  if (ago < MINUTE) return { key: 'sync.justNow' };
  if (ago < HOUR) return { plural: 'sync.minutesAgo', count: Math.floor(ago / MINUTE) };
  if (ago < DAY) return { plural: 'sync.hoursAgo', count: Math.floor(ago / HOUR) };
  return { plural: 'sync.daysAgo', count: Math.floor(ago / DAY) };
}

function stoppedSentence(state: SyncState): Sentence | null {
  if (state.kind !== 'stopped') return null;
  switch (state.reason) {
    case 'revoked':
      return { key: 'sync.stopped.revoked' };
    case 'unauthenticated':
      return { key: 'sync.stopped.unauthenticated' };
    case 'upgrade-required':
      return { key: 'sync.stopped.upgrade' };
    case 'bad-request':
      return { key: 'sync.stopped.badRequest' };
    default:
      return null;
  }
}

/** The card for `input`. */
export function syncCardView(input: SyncCardInput): SyncCardView {
  const { state, now } = input;
  const base = {
    waiting: null,
    note: null,
    warning: null,
    canSyncNow: false,
    isSyncing: false,
    offerConnect: false,
    offerExport: false,
  };
  if (!input.isConnected)
    return {
      ...base,
      headline: { key: 'sync.savedHereOnly' },
      tone: 'calm',
      note:
        input.waiting > 0
          ? { plural: 'home.waiting', count: input.waiting }
          : { key: 'sync.onlyHere' },
      offerConnect: true,
    };
  const stopped = state ? stoppedSentence(state) : null;
  const oldestAge =
    input.oldestWaitingAt === null ? null : Math.max(0, now - input.oldestWaitingAt);
  const waiting =
    input.waiting > 0
      ? { count: input.waiting, oldest: oldestAge === null ? null : ageSentence(oldestAge) }
      : null;
  if (stopped)
    return {
      ...base,
      headline: stopped,
      tone: 'stopped',
      waiting,
      offerExport:
        state?.kind === 'stopped' &&
        (state.reason === 'revoked' || state.reason === 'unauthenticated'),
    };
  const isOffline = !input.isOnline || state?.kind === 'offline';
  const headline: Sentence = isOffline
    ? { key: 'shell.offline' }
    : state?.kind === 'syncing'
      ? { key: 'sync.syncing' }
      : state?.kind === 'waiting' && state.reason === 'server-outdated'
        ? { key: 'sync.serverOutdated' }
        : state?.kind === 'waiting'
          ? { key: 'sync.retrying' }
          : syncedSentence(input.lastSyncAt, now);
  return {
    ...base,
    headline,
    tone: 'calm',
    waiting,
    warning: oldestAge !== null && oldestAge > UNSENT_WARNING_MS ? { key: 'sync.warnOld' } : null,
    canSyncNow: true,
    isSyncing: state?.kind === 'syncing',
  };
}
