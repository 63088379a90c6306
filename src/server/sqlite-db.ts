/**
 * Opening the SQLite database: WAL, synchronous=FULL (an acknowledgement means durable), a busy
 * timeout (the admin command may write while the server runs), migrations in order, and the `meta`
 * values made once when the database is created (epoch, cursor key, server node id).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { createNodeId } from '../domain/hlc';
import { MIGRATIONS, type Migration } from './migrations';

export type Db = Database.Database;

export const BUSY_TIMEOUT_MS = 5000;

/** Opens (and creates, and migrates) the database at `file` (`:memory:` for tests). */
export function openDatabase(file: string, migrations: readonly Migration[] = MIGRATIONS): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations);
  return db;
}

/** Applies every migration not yet applied, in order, each in its own write transaction. */
export function migrate(db: Db, migrations: readonly Migration[]): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const applied = db.prepare<[number], { id: number }>(
    'SELECT id FROM schema_migrations WHERE id = ?',
  );
  const record = db.prepare(
    'INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)',
  );
  for (const m of [...migrations].sort((a, b) => a.id - b.id)) {
    db.transaction(() => {
      if (applied.get(m.id)) return; // another process got there first
      db.exec(m.sql);
      record.run(m.id, m.name, new Date().toISOString());
    }).immediate();
  }
  const setDefault = db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)');
  db.transaction(() => {
    setDefault.run('epoch', randomUUID());
    setDefault.run('cursor_key', randomBytes(32).toString('hex'));
    setDefault.run('server_node_id', createNodeId(randomBytes));
  }).immediate();
}
