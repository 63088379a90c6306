/**
 * The server's push algorithm (SYNC.md §3), run for one request inside one write transaction. Every
 * mutation gets exactly one terminal result, in order; a bad mutation is its own `rejected` (kept
 * in the quarantine) and never blocks the ones behind it.
 *
 * Choices where SYNC.md is silent: the "one mutation per record per request" rule counts every
 * mutation that names a synced table and a record id, except duplicates; a CLOCK_AHEAD warning is
 * given only for a mutation whose HLC is stored; `updatedAt` is the server's time of the write; a
 * `baseVersion` above the stored version is `rejected VALIDATION_FAILED` (an honest device never
 * sends one; fast-forwarding over it would drop the stored edits); a base version no longer in the
 * history (pruned, sqlite-history.ts) merges against the empty record, so every field that differs
 * is a conflict and nothing is lost; a stored HLC that is no real instant (written before HLCs were
 * checked) never wins a field. Payloads and results are serialised without recursion
 * (json-bounds.ts).
 */
import { randomUUID } from 'node:crypto';
import { parseHlc } from '../domain/hlc';
import { stringifyJson } from '../domain/json-bounds';
import {
  applyChanges,
  EMPTY_CONTENT,
  mergeThreeWay,
  own,
  valuesEqual,
  type Changes,
  type FieldMap,
  type RecordContent,
} from '../domain/merge';
import { toFieldIssues } from '../domain/records';
import {
  MutationSchema,
  type ClockWarning,
  type Mutation,
  type MutationResult,
  type TerminalResult,
} from '../domain/sync-messages';
import { pushAccess, type ScopeKind, type StaffRole } from '../domain/scopes';
import { buildConflictRow } from './conflict-record';
import { changesOf, check, forbiddenConflictWrite, Rejection } from './push-checks';
import { toServerRecord, type PushStore, type StoredRow } from './push-store';
import type { ServerHlc } from './server-clock';

export interface PushInput {
  deviceId: string;
  /** The kind of the scope pushed into, and the pusher's role (null for a provider's device). */
  scopeKind: ScopeKind;
  role: StaffRole | null;
  mutations: readonly Record<string, unknown>[];
  now: number;
  clock: ServerHlc;
}

export interface PushOutcome {
  results: MutationResult[];
  warnings: ClockWarning[];
}

/** Runs one push request against `store` (already inside a transaction). */
export async function processPush(store: PushStore, input: PushInput): Promise<PushOutcome> {
  const { clock, deviceId, now } = input;
  const nowIso = new Date(now).toISOString();
  const touched = new Set<string>();
  const results: MutationResult[] = [];
  const warnings: ClockWarning[] = [];

  for (const raw of input.mutations) {
    const mutationId = raw.mutationId as string;
    const prior = await store.findResult(mutationId);
    if (prior) {
      results.push({ mutationId, status: 'duplicate', original: prior });
      continue;
    }
    const parsed = MutationSchema.safeParse(raw);
    const m = parsed.success ? parsed.data : null;
    let result: TerminalResult;
    if (!parsed.success) {
      result = rejected(
        mutationId,
        new Rejection(
          'VALIDATION_FAILED',
          'The mutation is not well formed.',
          toFieldIssues(parsed.error),
        ),
      );
    } else {
      result = await decide(parsed.data);
    }
    await store.logMutation({
      mutationId,
      deviceSeq:
        typeof raw.deviceSeq === 'number' && Number.isSafeInteger(raw.deviceSeq)
          ? raw.deviceSeq
          : null,
      table: m?.table ?? null,
      recordId: m?.id ?? null,
      op: m?.op ?? null,
      clientHlc: m?.hlc ?? null,
      status: result.status,
      quarantineId: result.status === 'rejected' ? result.quarantineId : null,
      payload: stringifyJson(raw),
      result,
    });
    results.push(result);
  }
  return { results, warnings };

  function rejected(mutationId: string, r: Rejection): TerminalResult {
    return {
      mutationId,
      status: 'rejected',
      code: r.code,
      message: r.message,
      details: r.details,
      quarantineId: randomUUID(),
    };
  }

  async function decide(m: Mutation): Promise<TerminalResult> {
    // The scope's own tables only, and an agency's only from a manager (SYNC.md §12).
    const access = pushAccess(input.scopeKind, m.table, input.role);
    if (access === 'UNKNOWN_TABLE')
      return rejected(m.mutationId, new Rejection('UNKNOWN_TABLE', `Unknown table "${m.table}".`));
    if (access === 'FORBIDDEN')
      return rejected(
        m.mutationId,
        new Rejection('FORBIDDEN', `This device may not write "${m.table}" in this scope.`),
      );
    const key = `${m.table}\u0000${m.id}`;
    if (touched.has(key)) {
      return rejected(
        m.mutationId,
        new Rejection('VALIDATION_FAILED', 'At most one mutation per record in one request.', [
          { path: 'id', message: 'second-mutation-in-request' },
        ]),
      );
    }
    touched.add(key);
    const stored = await store.getRecord(m.table, m.id);
    if (m.table === 'conflicts') {
      const forbidden = forbiddenConflictWrite(m, stored);
      if (forbidden) return rejected(m.mutationId, forbidden);
    }
    const changes = changesOf(m);
    const stamp = clock.clamp(m.hlc);
    const storedContent: RecordContent = stored
      ? { data: stored.data, deleted: stored.deleted }
      : EMPTY_CONTENT;
    const storedVersion = stored?.version ?? 0;

    if (m.baseVersion > storedVersion) {
      return rejected(
        m.mutationId,
        new Rejection(
          'VALIDATION_FAILED',
          `baseVersion ${m.baseVersion} is above the stored version ${storedVersion}.`,
          [{ path: 'baseVersion', message: 'above-stored-version' }],
        ),
      );
    }
    if (m.baseVersion === storedVersion) {
      const content = applyChanges(storedContent, changes);
      const checked = check(m.table, m.id, content);
      if (checked instanceof Rejection) return rejected(m.mutationId, checked);
      const row = await write(m, stored, content, checked, 'applied', stamp);
      return {
        mutationId: m.mutationId,
        status: 'applied',
        version: row.version,
        serverSeq: row.serverSeq,
        hlc: row.hlc,
      };
    }

    const known =
      m.baseVersion === 0 ? EMPTY_CONTENT : await store.getContentAt(m.table, m.id, m.baseVersion);
    const base = known ?? EMPTY_CONTENT;
    // The mutation's own data is judged on its base; with the base pruned, on the stored content.
    const ownCheck = check(m.table, m.id, applyChanges(known ?? storedContent, changes));
    if (ownCheck instanceof Rejection) return rejected(m.mutationId, ownCheck);
    const incomingHlc = stamp.hlc;
    const merge = mergeThreeWay({
      base,
      stored: storedContent,
      storedSide: { hlc: comparableHlc(stored!.hlc), deviceId: stored!.deviceId },
      changes,
      incomingSide: { hlc: incomingHlc, deviceId },
    });
    const isConflictsTable = m.table === 'conflicts';
    const checked = check(m.table, m.id, merge.content);
    if (checked instanceof Rejection) {
      if (isConflictsTable) return rejected(m.mutationId, checked);
      return invalidMerge(m, stored!, base, changes, incomingHlc);
    }
    if (!merge.kind || isConflictsTable) {
      const row = await write(m, stored, merge.content, checked, 'merged', stamp);
      return {
        mutationId: m.mutationId,
        status: 'merged',
        version: row.version,
        serverSeq: row.serverSeq,
        hlc: row.hlc,
        record: toServerRecord(row),
      };
    }
    const row = await write(m, stored, merge.content, checked, 'conflict', stamp);
    const conflict = await writeConflict(m, stored!, incomingHlc, row.version, {
      kind: merge.kind,
      fields: merge.fields,
      winning: merge.winning,
      losing: merge.losing,
      winner: merge.winner,
    });
    return {
      mutationId: m.mutationId,
      status: 'conflict',
      version: row.version,
      serverSeq: row.serverSeq,
      hlc: row.hlc,
      record: toServerRecord(row),
      conflictId: conflict.id,
      conflict: toServerRecord(conflict),
    };
  }

  /** Only the merge is invalid: keep the stored record, keep the incoming values in a conflict record. */
  async function invalidMerge(
    m: Mutation,
    stored: StoredRow,
    base: RecordContent,
    changes: Changes,
    incomingHlc: string,
  ): Promise<TerminalResult> {
    clock.recv(incomingHlc);
    const fields = Object.keys(changes.data ?? {}).filter(
      (k) => !valuesEqual(changes.data![k], base.data[k]),
    );
    const winning: FieldMap = Object.fromEntries(
      fields.map((f) => [f, own(stored.data, f) ?? null]),
    );
    const losing: FieldMap = Object.fromEntries(
      fields.map((f) => [f, own(changes.data!, f) ?? null]),
    );
    if (changes.deleted != null && changes.deleted !== base.deleted) {
      winning.deleted = stored.deleted;
      losing.deleted = changes.deleted;
    }
    const conflict = await writeConflict(m, stored, incomingHlc, stored.version, {
      kind: 'invalid-merge',
      fields,
      winning,
      losing,
      winner: 'stored',
    });
    return {
      mutationId: m.mutationId,
      status: 'conflict',
      version: stored.version,
      serverSeq: stored.serverSeq,
      hlc: stored.hlc,
      record: toServerRecord(stored),
      conflictId: conflict.id,
      conflict: toServerRecord(conflict),
    };
  }

  async function write(
    m: Mutation,
    stored: StoredRow | undefined,
    content: RecordContent,
    dataJson: string,
    status: StoredRow['lastStatus'],
    { hlc: incomingHlc, clamped }: { hlc: string; clamped: boolean },
  ): Promise<StoredRow> {
    if (clamped)
      warnings.push({
        code: 'CLOCK_AHEAD',
        mutationId: m.mutationId,
        clientHlc: m.hlc,
        hlc: incomingHlc,
      });
    const hlc = stored && comparableHlc(stored.hlc) > incomingHlc ? stored.hlc : incomingHlc;
    clock.recv(hlc);
    const row: StoredRow = {
      table: m.table,
      id: m.id,
      version: (stored?.version ?? 0) + 1,
      serverSeq: store.nextSeq(),
      hlc,
      deviceId,
      deleted: content.deleted,
      schemaVersion: m.schemaVersion,
      createdAt: stored?.createdAt ?? m.createdAt ?? nowIso,
      updatedAt: nowIso,
      data: content.data,
      lastStatus: status,
    };
    await store.writeRecord(row, m.mutationId, dataJson, stored);
    return row;
  }

  async function writeConflict(
    m: Mutation,
    stored: StoredRow,
    incomingHlc: string,
    resultVersion: number,
    decision: Pick<
      Parameters<typeof buildConflictRow>[0],
      'kind' | 'fields' | 'winning' | 'losing' | 'winner'
    >,
  ): Promise<StoredRow> {
    const row = buildConflictRow({
      conflictId: randomUUID(),
      table: m.table,
      recordId: m.id,
      ...decision,
      baseVersion: m.baseVersion,
      resultVersion,
      incoming: { deviceId, hlc: incomingHlc, mutationId: m.mutationId },
      stored: { deviceId: stored.deviceId, hlc: stored.hlc },
      serverSeq: store.nextSeq(),
      hlc: clock.send(),
      nowIso,
    });
    await store.writeRecord(row, m.mutationId, stringifyJson(row.data), undefined);
    return row;
  }
}

/**
 * A stored HLC as it competes for a field: one that is no real instant sorts below every real one.
 */
function comparableHlc(hlc: string): string {
  return parseHlc(hlc) ? hlc : '';
}
