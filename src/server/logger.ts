/**
 * A JSON-lines logger. Callers pass only what is safe to keep: never a token, a secret, an
 * enrollment code or record content: a log outlives the request and is read by whoever runs the
 * server, while tokens and codes are kept only as hashes (SYNC.md §7) and her records are for her
 * own devices (DESIGN.md "Non-negotiables").
 */

export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** Writes one JSON line per event to `write` (stderr in main.ts: stdout is kept for the listen line). */
export function createJsonLogger(write: (line: string) => void): Logger {
  const log = (level: string) => (msg: string, fields?: Record<string, unknown>) =>
    write(`${JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields })}\n`);
  return { info: log('info'), warn: log('warn'), error: log('error') };
}

/** A logger that drops everything (tests). */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
