/**
 * The PostgreSQL schema, as migrations applied in order at start under an advisory lock (pg-db.ts),
 * each once, recorded in `schema_migrations`. The same tables and column names as SQLite's
 * (migrations.ts), so that rows read the same on both; never edit a released migration: add the
 * next one.
 *
 * Choices: record data stays `text` (the exact JSON the server wrote: jsonb would reorder keys,
 * drop duplicates and refuse the deep values stored before the depth bound); HLCs compare in the
 * "C" collation (plain byte order is clock order; a language collation ignores punctuation); the
 * scope's counter row also holds its clock's high-water mark, so the one row a push locks gives
 * both; `mutations.seq` is a bigserial but only orders the audit log, never a cursor (sequences
 * commit out of order).
 */
import type { Migration } from './migrations';

export const PG_MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'initial',
    sql: `
CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL);

CREATE TABLE agencies (id text PRIMARY KEY, name text NOT NULL UNIQUE, created_at text NOT NULL);

CREATE TABLE providers (
  id text PRIMARY KEY,
  agency_id text NOT NULL REFERENCES agencies(id),
  name text NOT NULL,
  created_at text NOT NULL
);

CREATE TABLE devices (
  id text PRIMARY KEY,
  provider_id text NOT NULL REFERENCES providers(id),
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  created_at text NOT NULL,
  revoked_at text,
  last_seen_at bigint,
  acked_seq bigint NOT NULL DEFAULT 0
);
CREATE INDEX devices_by_provider ON devices (provider_id);

CREATE TABLE enrollment_codes (
  id text PRIMARY KEY,
  provider_id text NOT NULL REFERENCES providers(id),
  selector_hash text NOT NULL UNIQUE,
  secret_salt text NOT NULL,
  secret_hash text NOT NULL,
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  failed_attempts integer NOT NULL DEFAULT 0,
  used_at bigint,
  used_by_device text
);

-- Locked FOR UPDATE by every push of the scope: commit order is sequence order.
CREATE TABLE scope_counters (
  scope text PRIMARY KEY,
  seq bigint NOT NULL,
  hlc text COLLATE "C" NOT NULL DEFAULT ''
);

CREATE TABLE records (
  scope text NOT NULL,
  tbl text NOT NULL,
  id text NOT NULL,
  version integer NOT NULL,
  server_seq bigint NOT NULL,
  hlc text COLLATE "C" NOT NULL,
  device_id text,
  deleted smallint NOT NULL,
  schema_version integer NOT NULL,
  created_at text NOT NULL,
  updated_at text NOT NULL,
  data text NOT NULL,
  last_status text NOT NULL,
  mutation_id text,
  PRIMARY KEY (scope, tbl, id)
);
-- The pull reads by sequence and decides echo suppression from the index alone.
CREATE UNIQUE INDEX records_by_seq ON records (scope, server_seq) INCLUDE (last_status, device_id);

CREATE TABLE record_versions (
  scope text NOT NULL,
  tbl text NOT NULL,
  id text NOT NULL,
  version integer NOT NULL,
  server_seq bigint NOT NULL,
  hlc text COLLATE "C" NOT NULL,
  device_id text,
  deleted smallint NOT NULL,
  data text NOT NULL,
  mutation_id text,
  PRIMARY KEY (scope, tbl, id, version)
);

CREATE TABLE mutations (
  seq bigserial PRIMARY KEY,
  scope text NOT NULL,
  mutation_id text NOT NULL,
  device_id text NOT NULL,
  device_seq bigint,
  tbl text,
  record_id text,
  op text,
  client_hlc text,
  status text NOT NULL,
  quarantine_id text,
  received_at bigint NOT NULL,
  payload text NOT NULL,
  result text NOT NULL,
  UNIQUE (scope, mutation_id)
);
CREATE FUNCTION mutations_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'mutations is append-only'; END $$;
CREATE TRIGGER mutations_append_only BEFORE UPDATE OR DELETE ON mutations
  FOR EACH ROW EXECUTE FUNCTION mutations_append_only();

-- Sliding-window rate limits shared by every server process (SYNC.md §7, §8): one row per charge.
CREATE TABLE rate_events (
  id bigserial PRIMARY KEY,
  key text NOT NULL,
  at bigint NOT NULL,
  amount bigint NOT NULL,
  expires_at bigint NOT NULL
);
CREATE INDEX rate_events_by_key ON rate_events (key, at);
CREATE INDEX rate_events_by_expiry ON rate_events (expires_at);

-- Charges amount to key when the window's total stays within max (an empty window always takes
-- it): answers the new charge's id (> 0), or minus the milliseconds to wait. One key at a time
-- (a transaction-scoped advisory lock), so two processes never both slip under the limit.
CREATE FUNCTION rate_spend(p_key text, p_amount bigint, p_max bigint, p_window bigint, p_now bigint)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  total bigint;
  n bigint;
  r record;
  new_id bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended(p_key, 0));
  DELETE FROM rate_events WHERE key = p_key AND at <= p_now - p_window;
  SELECT coalesce(sum(amount), 0), count(*) INTO total, n FROM rate_events WHERE key = p_key;
  IF total + p_amount > p_max AND n > 0 THEN
    FOR r IN SELECT at, amount FROM rate_events WHERE key = p_key ORDER BY at, id LOOP
      total := total - r.amount;
      IF total + p_amount <= p_max THEN
        RETURN -greatest(1, r.at + p_window - p_now);
      END IF;
    END LOOP;
    RETURN -greatest(1, (SELECT max(at) FROM rate_events WHERE key = p_key) + p_window - p_now);
  END IF;
  INSERT INTO rate_events (key, at, amount, expires_at)
    VALUES (p_key, p_now, p_amount, p_now + p_window) RETURNING id INTO new_id;
  RETURN new_id;
END $$;
`,
  },
  {
    id: 2,
    name: 'staff, assignments, devices and codes of a provider or a staff member',
    sql: `
-- Agency staff (SYNC.md §13): a coach or manager belongs to one agency; the collaborative role to
-- none (it reads every agency).
CREATE TABLE staff (
  id text PRIMARY KEY,
  agency_id text REFERENCES agencies(id),
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('coach', 'manager', 'collaborative')),
  created_at text NOT NULL,
  CHECK ((role = 'collaborative') = (agency_id IS NULL))
);
CREATE INDEX staff_by_agency ON staff (agency_id);

-- A coach's providers (the admin command checks that both are of one agency and she is a coach).
CREATE TABLE assignments (
  staff_id text NOT NULL REFERENCES staff(id),
  provider_id text NOT NULL REFERENCES providers(id),
  PRIMARY KEY (staff_id, provider_id)
);
CREATE INDEX assignments_by_provider ON assignments (provider_id);

-- A device, and a code, belong to one person: one provider or one staff member (SYNC.md §13).
ALTER TABLE devices ALTER COLUMN provider_id DROP NOT NULL;
ALTER TABLE devices ADD COLUMN staff_id text REFERENCES staff(id);
ALTER TABLE devices ADD CONSTRAINT devices_one_owner
  CHECK ((provider_id IS NULL) <> (staff_id IS NULL));
CREATE INDEX devices_by_staff ON devices (staff_id);

ALTER TABLE enrollment_codes ALTER COLUMN provider_id DROP NOT NULL;
ALTER TABLE enrollment_codes ADD COLUMN staff_id text REFERENCES staff(id);
ALTER TABLE enrollment_codes ADD CONSTRAINT enrollment_codes_one_owner
  CHECK ((provider_id IS NULL) <> (staff_id IS NULL));
`,
  },
];
