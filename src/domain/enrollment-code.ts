/**
 * How an enrollment code is read (SYNC.md §7): 10 characters of Crockford base32, shown
 * `ABCD-EFGHJK`, read case- and dash-insensitively, O as 0 and I or L as 1. The app uses this to
 * forgive what she types before anything is sent; the server reads codes by the same rule.
 */

/** Crockford base32: digits and letters without I, L, O and U. */
export const ENROLLMENT_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Characters in a code, without its dash. */
export const ENROLLMENT_CODE_LENGTH = 10;

/** Why a typed code cannot be one, before asking the server. */
export type EnrollmentCodeProblem = 'empty' | 'too-short' | 'too-long' | 'bad-character';

/** The code's canonical 10 characters, or why what she typed cannot be a code. */
export function readEnrollmentCode(
  input: string,
): { ok: true; code: string } | { ok: false; problem: EnrollmentCodeProblem } {
  // Spaces, dashes of every kind and dots are separators people type or paste; none is part of a code.
  const s = input
    .toUpperCase()
    .replace(/[\s\-\u2010-\u2015\u2212.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (s.length === 0) return { ok: false, problem: 'empty' };
  for (const ch of s)
    if (!ENROLLMENT_CODE_ALPHABET.includes(ch)) return { ok: false, problem: 'bad-character' };
  if (s.length < ENROLLMENT_CODE_LENGTH) return { ok: false, problem: 'too-short' };
  if (s.length > ENROLLMENT_CODE_LENGTH) return { ok: false, problem: 'too-long' };
  return { ok: true, code: s };
}

/** A canonical code in its display form `ABCD-EFGHJK`. */
export function formatEnrollmentCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
