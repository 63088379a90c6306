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
];
