/**
 * Test support for the staff read routes (SYNC.md §17): an in-memory `StaffReadStore` (its history
 * writes kept only when the transaction's function succeeds, as a database would) and record makers.
 */
import type { StoredRecord } from '../domain/envelope';
import type { StaffRole } from '../domain/scopes';
import type {
  AgencyRow,
  ProviderRow,
  ShownPart,
  StaffReadStore,
  StaffReadTx,
  StaffRow,
} from './staff-reads';

let seq = 0;

/** A stored record as the server holds it (each later one wins by HLC). */
export function rec(
  id: string,
  data: unknown,
  extra: Partial<StoredRecord<unknown>> = {},
): StoredRecord<unknown> {
  seq++;
  return {
    id,
    data,
    schemaVersion: 1,
    hlc: `2026-06-01T00:00:00.000Z-${seq.toString(16).padStart(4, '0')}-0123456789abcdef`,
    deviceId: 'd1',
    createdAt: '2026-06-01T09:00:00-05:00',
    updatedAt: '2026-06-01T09:00:00-05:00',
    deleted: 0,
    version: 1,
    serverSeq: seq,
    syncStatus: 'synced',
    ...extra,
  };
}

export interface MemoryStaff extends StaffRow {
  role: StaffRole;
}

/** The in-memory store: mutable tables, and counters of what a read loaded. */
export class MemoryStaffStore implements StaffReadStore {
  agencies: AgencyRow[] = [];
  providers: ProviderRow[] = [];
  /** Every staff member; `agencyId` '' for collaborative. */
  staff: MemoryStaff[] = [];
  assignments: [staffId: string, providerId: string][] = [];
  /** scope → table → records (one per id). */
  records = new Map<string, Map<string, StoredRecord<unknown>[]>>();
  /** staffId → key → hash → parts. */
  history = new Map<string, Map<string, Map<string, readonly string[]>>>();
  loads = { shownParts: 0, records: 0 };

  /** Stores a record, replacing the one of its id. */
  put(scope: string, table: string, record: StoredRecord<unknown>): void {
    let tables = this.records.get(scope);
    if (!tables) this.records.set(scope, (tables = new Map()));
    const list = (tables.get(table) ?? []).filter((r) => r.id !== record.id);
    list.push(record);
    tables.set(table, list);
  }

  async staffRead<T>(_historyOf: string | null, fn: (tx: StaffReadTx) => Promise<T>): Promise<T> {
    const pending: [string, ShownPart][] = [];
    const tx: StaffReadTx = {
      agencies: async (ids) =>
        this.agencies
          .filter((a) => ids === null || ids.includes(a.agencyId))
          .sort((a, b) => (a.name < b.name ? -1 : 1)),
      providers: async (where) =>
        this.providers
          .filter((p) =>
            'assignedTo' in where
              ? this.assignments.some(([s, id]) => s === where.assignedTo && id === p.providerId)
              : where.agencyIds === null || where.agencyIds.includes(p.agencyId),
          )
          .sort((a, b) => (a.name < b.name ? -1 : 1)),
      staff: async (agencyIds) =>
        this.staff
          .filter((s) => s.role !== 'collaborative')
          .filter((s) => agencyIds === null || agencyIds.includes(s.agencyId))
          .map(({ staffId, name, agencyId }) => ({ staffId, name, agencyId }))
          .sort((a, b) => (a.name < b.name ? -1 : 1)),
      records: async (scopes, tables) => {
        this.loads.records++;
        const out = new Map<string, Map<string, StoredRecord<unknown>[]>>();
        for (const scope of scopes) {
          const own = this.records.get(scope);
          if (!own) continue;
          const picked = new Map<string, StoredRecord<unknown>[]>();
          for (const t of tables) if (own.has(t)) picked.set(t, structuredClone(own.get(t)!));
          out.set(scope, picked);
        }
        return out;
      },
      // The highest serverSeq of a scope's records stands for its counter (every write raises both).
      scopeSeqs: async (scopes) => {
        const out = new Map<string, number>();
        for (const scope of scopes) {
          const own = this.records.get(scope);
          if (!own) continue;
          let seq = 0;
          for (const list of own.values())
            for (const r of list) seq = Math.max(seq, r.serverSeq ?? 0);
          out.set(scope, seq);
        }
        return out;
      },
      shownHashes: async (staffId, keys) => {
        const mine = this.history.get(staffId);
        const out = new Map<string, Set<string>>();
        for (const k of keys) {
          const hashes = mine?.get(k);
          if (hashes) out.set(k, new Set(hashes.keys()));
        }
        return out;
      },
      shownParts: async (staffId, keys) => {
        this.loads.shownParts++;
        const mine = this.history.get(staffId);
        const out = new Map<string, string[][]>();
        for (const k of keys) {
          const hashes = mine?.get(k);
          if (hashes)
            out.set(
              k,
              [...hashes.values()].map((p) => [...p]),
            );
        }
        return out;
      },
      addShownParts: async (staffId, entries) => {
        for (const e of entries) pending.push([staffId, e]);
      },
    };
    const result = await fn(tx);
    for (const [staffId, e] of pending) {
      let mine = this.history.get(staffId);
      if (!mine) this.history.set(staffId, (mine = new Map()));
      let hashes = mine.get(e.key);
      if (!hashes) mine.set(e.key, (hashes = new Map()));
      if (!hashes.has(e.hash)) hashes.set(e.hash, [...e.parts]);
    }
    return result;
  }
}
