/**
 * One sync run (SYNC.md §3, §4, §6, §8): push the outbox batch by batch, then pull page by page,
 * then (after a `reset`) repair the server. Every step that writes is one storage transaction; no
 * request is made inside one. What a failure means for the schedule is decided by `client.ts`.
 *
 * Batches: at most `limit` mutations (500 at first) and about 1 MiB. A 413 or a timeout halves the
 * limit, down to one mutation; each success doubles it back. A one-mutation batch answered 413 or
 * timing out three times can never be sent: its record is marked rejected locally (SYNC.md §4).
 */
import {
  LIMITS,
  PROTOCOL_VERSION,
  PullResponseSchema,
  PushResponseSchema,
} from '../domain/sync-messages';
import type { NaptimeDb } from '../storage/db';
import {
  applyPullPage,
  beginRepair,
  finishRepair,
  isRepairing,
  saveCursorAlone,
} from '../storage/pull-apply';
import { applyPushResults, emptyOutcomes, type OutcomeCounts } from '../storage/push-apply';
import { rejectEntryLocally, releaseBatch, takeBatch } from '../storage/push-batch';
import { getCursor, type SyncConnection } from '../storage/sync-state';
import { SYNC_TIMING, type SyncDeps } from './deps';
import { postJson, type HttpOutcome } from './http';

/** Why a run stopped early. */
export type RunFailure =
  Exclude<HttpOutcome, { kind: 'ok' }> | { kind: 'bad-response'; message: string };

/** What a run did. */
export type RunResult =
  | { ok: true; outcomes: OutcomeCounts; pushed: number; pulled: number }
  | { ok: false; failure: RunFailure; outcomes: OutcomeCounts };

/** State kept across runs of one client (in memory). */
export interface EngineState {
  limit: number;
  /** 413s and timeouts of a one-mutation batch, by mutationId. */
  singleFailures: Map<string, number>;
  /** Push paused after the same 400 three times, until the app updates (SYNC.md §8). */
  pushPaused: boolean;
  badRequests: { message: string; count: number } | null;
}

/** A fresh engine state. */
export function newEngineState(): EngineState {
  return {
    limit: LIMITS.pushMutations,
    singleFailures: new Map(),
    pushPaused: false,
    badRequests: null,
  };
}

const MAX_BATCHES_PER_RUN = 40;
const MAX_PAGES_PER_RUN = 200;
/** Room left under the server's 1 MiB for the envelope of the request. */
const BATCH_BYTES = LIMITS.pushBodyBytes - 16 * 1024;

function add(into: OutcomeCounts, more: OutcomeCounts): void {
  for (const k of Object.keys(more) as (keyof OutcomeCounts)[]) into[k] += more[k];
}

async function pushAll(
  db: NaptimeDb,
  deps: SyncDeps,
  conn: SyncConnection,
  state: EngineState,
  held: boolean,
  outcomes: OutcomeCounts,
) {
  let pushed = 0;
  for (let i = 0; i < MAX_BATCHES_PER_RUN; i++) {
    await deps.checkpoint?.('push:before-take');
    const skipInflight = deps.mutant === 'no-inflight-resend';
    const batch = await takeBatch(db, {
      maxCount: state.limit,
      maxBytes: BATCH_BYTES,
      now: deps.now(),
      leaseMs: skipInflight ? Number.MAX_SAFE_INTEGER / 2 : SYNC_TIMING.leaseMs,
      inflight: held && !skipInflight ? 'all' : 'expired',
    });
    if (batch.items.length === 0) return { ok: true as const, pushed };
    await deps.checkpoint?.('push:after-take');
    if (deps.mutant === 'drop-entry-before-send')
      await db.outbox.bulkDelete(batch.items.map((b) => b.seq));
    const body = {
      protocol: PROTOCOL_VERSION,
      deviceId: conn.deviceId,
      clientHlc: null,
      mutations: batch.items.map((b) => b.payload),
    };
    const res = await postJson(deps, '/api/v1/sync/push', conn.deviceToken, body, { gzip: true });
    await deps.checkpoint?.('push:after-send');
    const seqs = batch.items.map((b) => b.seq);
    if (res.kind === 'ok') {
      const parsed = PushResponseSchema.safeParse(res.json);
      if (!parsed.success) {
        await releaseBatch(db, seqs);
        return {
          ok: false as const,
          failure: { kind: 'bad-response' as const, message: 'the push answer was not understood' },
        };
      }
      add(outcomes, await applyPushResults(db, parsed.data, deps.now()));
      await deps.checkpoint?.('push:after-apply');
      pushed += batch.items.length;
      state.limit = Math.min(LIMITS.pushMutations, state.limit * 2);
      state.badRequests = null;
      for (const item of batch.items) state.singleFailures.delete(item.mutationId);
      continue;
    }
    if (!skipInflight) await releaseBatch(db, seqs);
    const tooBig = res.kind === 'http' && res.status === 413;
    if (tooBig || res.kind === 'timeout') {
      if (batch.items.length === 1) {
        const item = batch.items[0]!;
        const strikes = (state.singleFailures.get(item.mutationId) ?? 0) + 1;
        state.singleFailures.set(item.mutationId, strikes);
        if (strikes >= 3) {
          state.singleFailures.delete(item.mutationId);
          const why = tooBig
            ? 'The server refused it as too large, three times.'
            : 'Sending it timed out three times.';
          await rejectEntryLocally(db, item.seq, tooBig ? 'RECORD_TOO_LARGE' : 'SEND_TIMEOUT', why);
          continue;
        }
      }
      state.limit = Math.max(1, Math.floor(batch.items.length / 2));
      if (tooBig) continue; // a smaller batch right away; a timeout backs off first
    }
    return { ok: false as const, failure: res as RunFailure };
  }
  return { ok: true as const, pushed };
}

async function pullAll(db: NaptimeDb, deps: SyncDeps, conn: SyncConnection) {
  let pulled = 0;
  let cursor = await getCursor(db);
  for (let i = 0; i < MAX_PAGES_PER_RUN; i++) {
    const body = {
      protocol: PROTOCOL_VERSION,
      deviceId: conn.deviceId,
      cursor,
      limit: LIMITS.pullDefault,
    };
    const res = await postJson(deps, '/api/v1/sync/pull', conn.deviceToken, body);
    await deps.checkpoint?.('pull:after-send');
    if (res.kind !== 'ok') return { ok: false as const, failure: res as RunFailure };
    const parsed = PullResponseSchema.safeParse(res.json);
    if (!parsed.success)
      return {
        ok: false as const,
        failure: { kind: 'bad-response' as const, message: 'the pull answer was not understood' },
      };
    const page = parsed.data;
    if ('reset' in page) {
      await beginRepair(db);
      await deps.checkpoint?.('pull:after-reset');
      cursor = null;
      continue;
    }
    if (deps.mutant === 'cursor-before-page') {
      await saveCursorAlone(db, page.cursor);
      await deps.checkpoint?.('pull:between-cursor-and-page');
      await applyPullPage(db, page, deps.now(), { saveCursor: false });
    } else {
      await applyPullPage(db, page, deps.now());
    }
    await deps.checkpoint?.('pull:after-apply');
    pulled += page.changes.length;
    cursor = page.cursor;
    if (!page.hasMore) {
      if (await isRepairing(db)) {
        await finishRepair(db);
        await deps.checkpoint?.('pull:after-repair');
      }
      return { ok: true as const, pulled };
    }
  }
  return { ok: true as const, pulled };
}

/** One run: push everything it can, then pull everything (unless pushing failed). */
export async function runOnce(
  db: NaptimeDb,
  deps: SyncDeps,
  conn: SyncConnection,
  state: EngineState,
  held: boolean,
): Promise<RunResult> {
  const outcomes = emptyOutcomes();
  let pushed = 0;
  if (!state.pushPaused) {
    const push = await pushAll(db, deps, conn, state, held, outcomes);
    if (!push.ok) return { ok: false, failure: push.failure, outcomes };
    pushed = push.pushed;
  }
  const pull = await pullAll(db, deps, conn);
  if (!pull.ok) return { ok: false, failure: pull.failure, outcomes };
  // A repair queues what the server lacks: send it in the same run.
  if (!state.pushPaused && (await db.outbox.count()) > 0) {
    const again = await pushAll(db, deps, conn, state, held, outcomes);
    if (!again.ok) return { ok: false, failure: again.failure, outcomes };
    pushed += again.pushed;
  }
  return { ok: true, outcomes, pushed, pulled: pull.pulled };
}
