/**
 * One-time enrollment codes (SYNC.md §7): 10 characters of Crockford base32, shown `ABCD-EFGHJK`,
 * read case- and dash-insensitively (O as 0, I and L as 1). The first 4 characters select the code,
 * the last 6 are its secret; both are stored only as hashes (the secret salted).
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_TTL_MS = 72 * 60 * 60 * 1000;
export const MAX_WRONG_SECRETS = 5;

/** A new random code in its display form `XXXX-XXXXXX`. */
export function generateCode(): string {
  let s = '';
  for (let i = 0; i < 10; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

/** The code's canonical 10 characters, or null when it cannot be a code. */
export function normalizeCode(input: string): string | null {
  const s = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (s.length !== 10) return null;
  for (const ch of s) if (!ALPHABET.includes(ch)) return null;
  return s;
}

/** The hash by which a code's selector is found. */
export function hashSelector(selector: string): string {
  return createHash('sha256').update(`selector:${selector}`).digest('hex');
}

/** A salted hash of a secret. */
export function hashSecret(secret: string, salt: string): string {
  return createHash('sha256').update(`${salt}:${secret}`).digest('hex');
}

/** True when `secret` matches the stored salted hash (constant time). */
export function secretMatches(secret: string, salt: string, hash: string): boolean {
  const a = Buffer.from(hashSecret(secret, salt), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Splits a canonical code into its selector and secret. */
export function splitCode(canonical: string): { selector: string; secret: string } {
  return { selector: canonical.slice(0, 4), secret: canonical.slice(4) };
}

/** What to store for a new code. */
export function codeHashes(display: string): {
  selectorHash: string;
  secretSalt: string;
  secretHash: string;
} {
  const { selector, secret } = splitCode(normalizeCode(display)!);
  const secretSalt = randomBytes(16).toString('hex');
  return {
    selectorHash: hashSelector(selector),
    secretSalt,
    secretHash: hashSecret(secret, secretSalt),
  };
}

/** A new device token (32 random bytes, shown once) and its stored hash. */
export function newDeviceToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

/** The stored hash of a device token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
