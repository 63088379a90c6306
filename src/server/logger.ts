/**
 * A JSON-lines logger. Callers pass only what is safe to keep: never a token, a secret, an enrollment
 * code or record content (SYNC.md, issue 5).
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
