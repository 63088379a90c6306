/**
 * The device's database (DESIGN.md "Architecture", SYNC.md §2): one store per synced table, plus the
 * outbox, drafts, meta and settings. Version 1 was edited in place while pre-release (src/README.md 3);
 * since devices hold data, each new store is a new version that only adds: version 2 her sharing
 * choice, version 3 a staff member's tables (SYNC.md §12).
 *
 * Index choices:
 * - `*data.childIds`: IndexedDB allows a multiEntry index on a dotted key path (it must not be an
 *   array key path), so the index reads the child ids where they live, in `data`; there is no
 *   second copy to keep in step.
 * - `[deleted+week+observedMs]` on observations: a note's week must be read in the note's own offset
 *   (DESIGN.md), which no key path can compute, so `week` and `observedMs` (the instant, for
 *   newest-first across offsets) are derived index fields stored beside the envelope. A DBCore
 *   middleware recomputes them on every put/add, whoever writes (this module, the sync client, an
 *   import), so they can never disagree with `data.observedAt`. They are local only: reads strip them
 *   and the sync client never sends them. A page of a week is one index range walked backwards; a
 *   count is an index count; nothing scans every note.
 * - `syncStatus` and `deleted` on every synced table (status screens, "recently deleted").
 */
import Dexie, { type DBCore, type DBCoreMutateRequest, type Middleware, type Table } from 'dexie';
import { isLocalDateTime, isoWeekOf, instantOf } from '../domain/dates';
import type { OutboxEntry, StoredRecord, StoredRecordSchema } from '../domain/envelope';
import type { DeviceTable, StaffTable, SyncedTable } from '../domain/tables';

/** A row of the drafts table: a half-written form, local only. */
export interface DraftRow {
  key: string;
  /** Whatever the form keeps; read back only through the form's own check (`loadDraft`). */
  value: object;
  updatedAt: string;
}

/** A row of the meta or settings table. */
export interface KeyValueRow {
  key: string;
  value: unknown;
}

/** An outbox row as stored: `seq` is always present once written. */
export type OutboxRow = OutboxEntry & { seq?: number };

/**
 * A stored record as parsed by the loose envelope schema: its named fields plus any envelope field
 * this build does not know, which a write carries forward untouched. Handed out as `StoredRecord<D>`.
 */
export type RecordRow = ReturnType<typeof StoredRecordSchema.parse>;

/** Options of `openNaptimeDb`; tests pass a fresh fake-indexeddb factory and a clock. */
export interface NaptimeDbOptions {
  name?: string;
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  now?: () => Date;
}

/** The names of the local-only fields derived for indexes; reads strip them. */
export const DERIVED_INDEX_FIELDS = ['week', 'observedMs'] as const;

/** The stores of version 1 (every store but `sharing`). */
const STORES_V1: Record<
  Exclude<SyncedTable, 'sharing'> | 'outbox' | 'drafts' | 'meta' | 'settings',
  string
> = {
  children: 'id, syncStatus, deleted',
  observations:
    'id, syncStatus, deleted, data.observedAt, *data.childIds, [deleted+week+observedMs]',
  checkins: 'id, syncStatus, deleted, data.week',
  pdsa: 'id, syncStatus, deleted, data.changeIdeaId',
  conflicts: 'id, syncStatus, deleted, data.recordId',
  outbox: '++seq, &mutationId, [table+recordId], state',
  drafts: 'key',
  meta: 'key',
  settings: 'key',
};

/** Version 2 adds her sharing choice (SYNC.md §14): one record, id `sharing`. */
const STORES_V2 = { sharing: 'id, syncStatus, deleted' };

/**
 * A staff member's tables (SYNC.md §12), added in version 3. A provider's device has them too,
 * always empty: one database class for every device keeps one upgrade path.
 */
const STAFF_STORES: Record<StaffTable, string> = {
  'ta-contacts': 'id, syncStatus, deleted, data.date',
  'staff-checkins': 'id, syncStatus, deleted, data.week',
  events: 'id, syncStatus, deleted, data.date',
};

/** The Dexie database of one device. `now()` is the clock every write stamps with. */
export class NaptimeDb extends Dexie {
  children!: Table<StoredRecord, string>;
  observations!: Table<StoredRecord, string>;
  checkins!: Table<StoredRecord, string>;
  pdsa!: Table<StoredRecord, string>;
  conflicts!: Table<StoredRecord, string>;
  sharing!: Table<StoredRecord, string>;
  outbox!: Table<OutboxRow, number>;
  drafts!: Table<DraftRow, string>;
  meta!: Table<KeyValueRow, string>;
  settings!: Table<KeyValueRow, string>;
  readonly now: () => Date;

  constructor(options: NaptimeDbOptions = {}) {
    super(options.name ?? 'naptime', {
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
      // An acknowledged save must survive a power cut (SYNC.md §2).
      chromeTransactionDurability: 'strict',
    });
    this.now = options.now ?? (() => new Date());
    this.version(1).stores(STORES_V1);
    this.version(2).stores(STORES_V2);
    this.version(3).stores(STAFF_STORES);
    this.use(derivedIndexFields);
  }

  /** The Dexie table of a device table's name (a provider's or a staff member's). */
  synced(table: DeviceTable): Table<StoredRecord, string> {
    return this.table(table);
  }
}

/** Creates and opens the database. */
export async function openNaptimeDb(options: NaptimeDbOptions = {}): Promise<NaptimeDb> {
  const db = new NaptimeDb(options);
  await db.open();
  return db;
}

/** Adds `week` and `observedMs` to an observation row, or removes them when observedAt is unusable. */
export function withDerivedIndexFields<T>(row: T): T {
  if (!row || typeof row !== 'object') return row;
  const copy: Record<string, unknown> = { ...(row as Record<string, unknown>) };
  const data = copy.data as { observedAt?: unknown } | undefined;
  const observedAt = data && typeof data === 'object' ? data.observedAt : undefined;
  if (typeof observedAt === 'string' && isLocalDateTime(observedAt)) {
    copy.week = isoWeekOf(observedAt);
    copy.observedMs = instantOf(observedAt);
  } else {
    delete copy.week;
    delete copy.observedMs;
  }
  return copy as T;
}

const derivedIndexFields: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'naptime-derived-index-fields',
  create(down) {
    return {
      ...down,
      table(name) {
        const table = down.table(name);
        if (name !== 'observations') return table;
        return {
          ...table,
          mutate(req: DBCoreMutateRequest) {
            if (req.type === 'add' || req.type === 'put') {
              return table.mutate({ ...req, values: req.values.map(withDerivedIndexFields) });
            }
            return table.mutate(req);
          },
        };
      },
    };
  },
};

/** A copy of a row without the local-only derived index fields. */
export function withoutDerivedIndexFields<T>(row: T): T {
  if (!row || typeof row !== 'object') return row;
  const copy: Record<string, unknown> = { ...(row as Record<string, unknown>) };
  for (const field of DERIVED_INDEX_FIELDS) delete copy[field];
  return copy as T;
}
