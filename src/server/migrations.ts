/**
 * The SQLite schema, as migrations applied in order at start (each once, recorded in
 * `schema_migrations`). Never edit a released migration: add the next one.
 */

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'initial',
    sql: `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE agencies (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);

CREATE TABLE providers (
  id TEXT PRIMARY KEY,
  agency_id TEXT NOT NULL REFERENCES agencies(id),
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE devices (
  id TEXT PRIMARY KEY,
  provider_id TEXT NOT NULL REFERENCES providers(id),
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);

-- Codes are stored as hashes only: the selector to find one, the secret (salted) to check it.
CREATE TABLE enrollment_codes (
  id TEXT PRIMARY KEY,
  provider_id TEXT NOT NULL REFERENCES providers(id),
  selector_hash TEXT NOT NULL UNIQUE,
  secret_salt TEXT NOT NULL,
  secret_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  used_at INTEGER,
  used_by_device TEXT
);

CREATE TABLE scope_counters (scope TEXT PRIMARY KEY, seq INTEGER NOT NULL);

-- The current state of each record, keyed by (scope, table, id); last_status drives echo suppression.
-- Rowid tables with unique indexes: rows are large, and WITHOUT ROWID tables write more pages per commit.
CREATE TABLE records (
  scope TEXT NOT NULL,
  tbl TEXT NOT NULL,
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  server_seq INTEGER NOT NULL,
  hlc TEXT NOT NULL,
  device_id TEXT,
  deleted INTEGER NOT NULL,
  schema_version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  data TEXT NOT NULL,
  last_status TEXT NOT NULL,
  mutation_id TEXT
);
CREATE UNIQUE INDEX records_by_key ON records (scope, tbl, id);
CREATE UNIQUE INDEX records_by_seq ON records (scope, server_seq);

-- Every earlier content of a record (the current one is in records): the base of a three-way merge.
-- A version is copied here when a later write replaces it, so a create writes its data only once.
CREATE TABLE record_versions (
  scope TEXT NOT NULL,
  tbl TEXT NOT NULL,
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  server_seq INTEGER NOT NULL,
  hlc TEXT NOT NULL,
  device_id TEXT,
  deleted INTEGER NOT NULL,
  data TEXT NOT NULL,
  mutation_id TEXT
);
CREATE UNIQUE INDEX record_versions_by_key ON record_versions (scope, tbl, id, version);

-- Append-only: the dedupe log, the audit trail and the quarantine (status 'rejected').
CREATE TABLE mutations (
  seq INTEGER PRIMARY KEY,
  scope TEXT NOT NULL,
  mutation_id TEXT NOT NULL,
  device_id TEXT NOT NULL,
  device_seq INTEGER,
  tbl TEXT,
  record_id TEXT,
  op TEXT,
  client_hlc TEXT,
  status TEXT NOT NULL,
  quarantine_id TEXT,
  received_at INTEGER NOT NULL,
  payload TEXT NOT NULL,
  result TEXT NOT NULL,
  UNIQUE (scope, mutation_id)
);
CREATE TRIGGER mutations_append_only_update BEFORE UPDATE ON mutations
  BEGIN SELECT RAISE(ABORT, 'mutations is append-only'); END;
CREATE TRIGGER mutations_append_only_delete BEFORE DELETE ON mutations
  BEGIN SELECT RAISE(ABORT, 'mutations is append-only'); END;
`,
  },
  {
    id: 2,
    name: 'scope clocks, device activity, bounded history',
    sql: `
-- When a device last pushed or pulled (ms; refreshed at most hourly) and the serverSeq covered by the
-- latest pull cursor it presented (proof it applied every page up to there). Together with the
-- writers recorded on each version they decide which versions any active device may still base an
-- edit on (sqlite-history.ts); older versions are pruned.
ALTER TABLE devices ADD COLUMN last_seen_at INTEGER;
ALTER TABLE devices ADD COLUMN acked_seq INTEGER NOT NULL DEFAULT 0;
UPDATE devices SET last_seen_at = CAST(strftime('%s', created_at) AS INTEGER) * 1000;

-- Each scope's clock high-water mark, 'hlc:<scope>' (SYNC.md §1), so that a restart reads one row
-- instead of scanning every record. Computed once here; only values shaped like real times count
-- (a legacy value such as month 99 would otherwise stick as the maximum).
INSERT OR REPLACE INTO meta (key, value)
  SELECT 'hlc:' || scope, max(hlc) FROM records
  WHERE substr(hlc, 6, 2) BETWEEN '01' AND '12' AND substr(hlc, 9, 2) BETWEEN '01' AND '31'
    AND substr(hlc, 12, 2) < '24' AND substr(hlc, 15, 2) < '60' AND substr(hlc, 18, 2) < '60'
  GROUP BY scope;
`,
  },
  {
    id: 3,
    name: 'staff, assignments, devices and codes of a provider or a staff member',
    sql: `
-- Agency staff (SYNC.md §13): a coach or manager belongs to one agency; the collaborative role to
-- none (it reads every agency).
CREATE TABLE staff (
  id TEXT PRIMARY KEY,
  agency_id TEXT REFERENCES agencies(id),
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('coach', 'manager', 'collaborative')),
  created_at TEXT NOT NULL,
  CHECK ((role = 'collaborative') = (agency_id IS NULL))
);
CREATE INDEX staff_by_agency ON staff (agency_id);

-- A coach's providers (the admin command checks that both are of one agency and she is a coach).
CREATE TABLE assignments (
  staff_id TEXT NOT NULL REFERENCES staff(id),
  provider_id TEXT NOT NULL REFERENCES providers(id),
  PRIMARY KEY (staff_id, provider_id)
);
CREATE INDEX assignments_by_provider ON assignments (provider_id);

-- A device, and a code, belong to one person: one provider or one staff member (SYNC.md §13).
-- SQLite cannot relax NOT NULL in place, so both tables are rebuilt; nothing references them.
CREATE TABLE devices_v3 (
  id TEXT PRIMARY KEY,
  provider_id TEXT REFERENCES providers(id),
  staff_id TEXT REFERENCES staff(id),
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  revoked_at TEXT,
  last_seen_at INTEGER,
  acked_seq INTEGER NOT NULL DEFAULT 0,
  CHECK ((provider_id IS NULL) <> (staff_id IS NULL))
);
INSERT INTO devices_v3 (id, provider_id, name, token_hash, created_at, revoked_at, last_seen_at, acked_seq)
  SELECT id, provider_id, name, token_hash, created_at, revoked_at, last_seen_at, acked_seq FROM devices;
DROP TABLE devices;
ALTER TABLE devices_v3 RENAME TO devices;
CREATE INDEX devices_by_provider ON devices (provider_id);
CREATE INDEX devices_by_staff ON devices (staff_id);

CREATE TABLE enrollment_codes_v3 (
  id TEXT PRIMARY KEY,
  provider_id TEXT REFERENCES providers(id),
  staff_id TEXT REFERENCES staff(id),
  selector_hash TEXT NOT NULL UNIQUE,
  secret_salt TEXT NOT NULL,
  secret_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  used_at INTEGER,
  used_by_device TEXT,
  CHECK ((provider_id IS NULL) <> (staff_id IS NULL))
);
INSERT INTO enrollment_codes_v3 (id, provider_id, selector_hash, secret_salt, secret_hash, created_at,
    expires_at, failed_attempts, used_at, used_by_device)
  SELECT id, provider_id, selector_hash, secret_salt, secret_hash, created_at, expires_at,
    failed_attempts, used_at, used_by_device FROM enrollment_codes;
DROP TABLE enrollment_codes;
ALTER TABLE enrollment_codes_v3 RENAME TO enrollment_codes;
`,
  },
];
