/**
 * The connect form's rules (SYNC.md §7): the code is read by the domain's forgiving rule; the server
 * address defaults to the page's own origin, may be typed without `https://`, and must use HTTPS
 * except on this machine (localhost, 127.0.0.1, [::1]), where service workers allow plain HTTP.
 */
import { readEnrollmentCode, type EnrollmentCodeProblem } from '../../../domain/enrollment-code';
import type { EnrollFailure } from '../../../sync/enroll';
import type { MessageKey } from '../../i18n/en';

/** Why a server address cannot be used. */
export type ServerAddressProblem = 'empty' | 'invalid' | 'https-required';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The address as an origin (plus a path, if the server lives under one), or why it cannot be used. */
export function readServerAddress(
  input: string,
): { ok: true; url: string } | { ok: false; problem: ServerAddressProblem } {
  const typed = input.trim();
  if (typed === '') return { ok: false, problem: 'empty' };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(typed) ? typed : `https://${typed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname)
    return { ok: false, problem: 'invalid' };
  if (url.protocol === 'http:' && !LOCAL_HOSTS.has(url.hostname))
    return { ok: false, problem: 'https-required' };
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, url: `${url.origin}${path}` };
}

/** What the form holds. */
export interface ConnectForm {
  code: string;
  server: string;
}

/** The form's errors, as message keys by field. */
export interface ConnectFormErrors {
  code?: MessageKey;
  server?: MessageKey;
}

/** Reads the form: the canonical code and server address, or the errors to show. */
export function readConnectForm(
  form: ConnectForm,
): { ok: true; code: string; serverUrl: string } | { ok: false; errors: ConnectFormErrors } {
  const code = readEnrollmentCode(form.code);
  const server = readServerAddress(form.server);
  if (code.ok && server.ok) return { ok: true, code: code.code, serverUrl: server.url };
  const errors: ConnectFormErrors = {};
  if (!code.ok) errors.code = codeProblemKey(code.problem);
  if (!server.ok) errors.server = `connect.error.server.${server.problem}`;
  return { ok: false, errors };
}

function codeProblemKey(problem: EnrollmentCodeProblem): MessageKey {
  return `connect.error.code.${problem}`;
}

/** Her words for a failure, with what they need filled in. */
export function failureMessage(failure: EnrollFailure): {
  key: MessageKey;
  params?: Record<string, string | number>;
} {
  switch (failure.reason) {
    case 'too-many-tries':
      return {
        key: 'connect.fail.too-many-tries',
        params: { minutes: Math.max(1, Math.ceil((failure.retryAfterMs ?? 15 * 60_000) / 60_000)) },
      };
    case 'other-provider':
      return {
        key: 'connect.fail.other-provider',
        params: { provider: failure.held.providerName, agency: failure.held.agencyName },
      };
    case 'provider-device':
      return failure.held
        ? {
            key: 'connect.fail.provider-device-named',
            params: { provider: failure.held.providerName, agency: failure.held.agencyName },
          }
        : { key: 'connect.fail.provider-device' };
    case 'other-staff':
    case 'staff-device':
      return { key: `connect.fail.${failure.reason}`, params: { staff: failure.held.staffName } };
    default:
      return { key: `connect.fail.${failure.reason}` };
  }
}

/** A name for this device the agency's admin can recognise ("Naptime on iPad"). */
export function deviceName(userAgent: string, maxTouchPoints = 0): string {
  const ua = userAgent;
  const kind =
    /iPad/.test(ua) || (/Macintosh/.test(ua) && maxTouchPoints > 1)
      ? 'iPad'
      : /iPhone/.test(ua)
        ? 'iPhone'
        : /Android/.test(ua)
          ? /Mobile/.test(ua)
            ? 'Android phone'
            : 'Android tablet'
          : /CrOS/.test(ua)
            ? 'Chromebook'
            : /Windows/.test(ua)
              ? 'Windows'
              : /Macintosh/.test(ua)
                ? 'Mac'
                : /Linux/.test(ua)
                  ? 'Linux'
                  : 'a browser';
  return `Naptime on ${kind}`;
}
