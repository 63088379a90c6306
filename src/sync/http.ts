/**
 * One request to the sync endpoint, classified the way SYNC.md §8's device column needs it: a body,
 * an HTTP error with its code and `Retry-After`, a network error or a timeout (30 s). No Dexie
 * transaction is open while it runs (SYNC.md §2).
 */
import { ErrorBodySchema } from '../domain/sync-messages';
import { SYNC_TIMING, type SyncDeps } from './deps';

/** What came back. */
export type HttpOutcome =
  | { kind: 'ok'; json: unknown }
  | { kind: 'http'; status: number; code: string; message: string; retryAfterMs: number | null }
  | { kind: 'network'; message: string }
  | { kind: 'timeout' };

const encoder = new TextEncoder();

function retryAfterOf(res: Response, bodyMs: number | undefined): number | null {
  if (typeof bodyMs === 'number' && Number.isFinite(bodyMs)) return Math.max(0, bodyMs);
  const header = res.headers.get('retry-after');
  const seconds = header === null ? NaN : Number(header);
  return Number.isFinite(seconds) ? Math.max(0, seconds * 1000) : null;
}

type HttpDeps = Pick<SyncDeps, 'baseUrl' | 'fetch' | 'setTimeout' | 'clearTimeout' | 'gzip'>;

/** POSTs `body` as JSON (gzipped when `gzip` is available) with the device token, if any. */
export async function postJson(
  deps: HttpDeps,
  path: string,
  token: string | null,
  body: unknown,
  options: { gzip?: boolean } = {},
): Promise<HttpOutcome> {
  const text = JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  let payload: BodyInit = text;
  if (options.gzip && deps.gzip) {
    payload = (await deps.gzip(encoder.encode(text))) as unknown as BodyInit;
    headers['content-encoding'] = 'gzip';
  }
  return send(deps, path, token, { method: 'POST', headers, body: payload });
}

/** GETs `path` with the device token (the staff read routes, SYNC.md §17). */
export function getJson(deps: HttpDeps, path: string, token: string): Promise<HttpOutcome> {
  return send(deps, path, token, { method: 'GET', headers: { accept: 'application/json' } });
}

async function send(
  deps: HttpDeps,
  path: string,
  token: string | null,
  init: { method: string; headers: Record<string, string>; body?: BodyInit },
): Promise<HttpOutcome> {
  const headers = { ...init.headers };
  // Enrollment asks without a token (or with the old one, which the server then revokes).
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const controller = new AbortController();
  let timedOut = false;
  const timer = deps.setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, SYNC_TIMING.requestTimeoutMs);
  try {
    const res = await deps.fetch(`${deps.baseUrl}${path}`, {
      ...init,
      headers,
      signal: controller.signal,
    });
    const raw = await res.text();
    let json: unknown = null;
    try {
      json = raw === '' ? null : JSON.parse(raw);
    } catch {
      json = null;
    }
    if (res.ok)
      return json === null
        ? { kind: 'network', message: 'the answer was not JSON' }
        : { kind: 'ok', json };
    const error = ErrorBodySchema.safeParse(json);
    const code = error.success ? error.data.error.code : `HTTP_${res.status}`;
    const message = error.success ? error.data.error.message : res.statusText;
    return {
      kind: 'http',
      status: res.status,
      code,
      message,
      retryAfterMs: retryAfterOf(res, error.success ? error.data.error.retryAfterMs : undefined),
    };
  } catch (error) {
    const name = (error as { name?: unknown })?.name;
    if (timedOut || name === 'TimeoutError' || name === 'AbortError') return { kind: 'timeout' };
    return { kind: 'network', message: error instanceof Error ? error.message : String(error) };
  } finally {
    deps.clearTimeout(timer);
  }
}
