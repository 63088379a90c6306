/**
 * The bounded version history of history.ts over SQLite: which devices are active, which versions a
 * record keeps, and the pruning, with statements prepared once.
 */
import {
  HISTORY_ACTIVE_MS,
  historyFloor,
  scopeOwner,
  type ActiveDevice,
  type VersionRow,
} from './history';
import type { Db } from './sqlite-db';

export { HISTORY_ACTIVE_MS, historyFloor, type ActiveDevice } from './history';

/** The statements of the history rule, prepared once. */
export class SqliteHistory {
  private readonly activeStmts;
  private readonly rowsStmt;
  private readonly pruneStmt;

  constructor(db: Db) {
    const active = (sql: string) =>
      db.prepare<[string, number], { id: string; acked_seq: number }>(sql);
    this.activeStmts = {
      provider: active(
        'SELECT id, acked_seq FROM devices WHERE provider_id = ? AND revoked_at IS NULL AND last_seen_at >= ?',
      ),
      staff: active(
        'SELECT id, acked_seq FROM devices WHERE staff_id = ? AND revoked_at IS NULL AND last_seen_at >= ?',
      ),
      agency: active(
        `SELECT d.id, 0 AS acked_seq FROM devices d JOIN staff s ON s.id = d.staff_id
         WHERE s.agency_id = ? AND s.role = 'manager' AND d.revoked_at IS NULL AND d.last_seen_at >= ?`,
      ),
    };
    this.rowsStmt = db.prepare<[string, string, string], VersionRow>(
      'SELECT version, server_seq, device_id FROM record_versions WHERE scope = ? AND tbl = ? AND id = ?',
    );
    this.pruneStmt = db.prepare(
      'DELETE FROM record_versions WHERE scope = ? AND tbl = ? AND id = ? AND version < ?',
    );
  }

  /** The active devices of a scope (history.ts `scopeOwner`). */
  activeDevices(scope: string, now: number): ActiveDevice[] {
    const owner = scopeOwner(scope);
    return this.activeStmts[owner.kind]
      .all(owner.id, now - HISTORY_ACTIVE_MS)
      .map((r) => ({ id: r.id, ackedSeq: r.acked_seq }));
  }

  /**
   * Before `previous` is replaced by version `previous.version + 1`: prunes what no active device
   * needs and says whether `previous` itself must be kept.
   */
  beforeReplace(
    scope: string,
    table: string,
    id: string,
    previous: VersionRow,
    devices: readonly ActiveDevice[],
    writer: string,
  ): boolean {
    const rows = [...this.rowsStmt.all(scope, table, id), previous];
    const floor = historyFloor(rows, devices, writer, previous.version + 1);
    if (rows.some((r) => r.version < floor && r !== previous))
      this.pruneStmt.run(scope, table, id, floor);
    return previous.version >= floor;
  }
}
