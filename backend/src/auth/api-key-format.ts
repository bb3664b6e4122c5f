import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const KEY_PATTERN = /^ta_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

export interface IssuedKey {
  /** Shown to the user once; never stored. */
  plaintext: string;
  prefix: string;
  hash: string;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * `ta_<12 public chars>_<32 random bytes>`: the prefix finds the row, the secret is stored as a
 * SHA-256 hash (256 bits of entropy need no slow KDF), and the shape lets log redaction spot keys.
 */
export function issueApiKey(): IssuedKey {
  const prefix = randomBytes(9).toString('base64url').replace(/[-_]/g, 'x').slice(0, 12);
  const secret = randomBytes(32).toString('base64url');
  const plaintext = `ta_${prefix}_${secret}`;
  return { plaintext, prefix, hash: sha256(plaintext) };
}

export function parseApiKey(candidate: string): { prefix: string } | null {
  const match = KEY_PATTERN.exec(candidate);
  return match?.[1] ? { prefix: match[1] } : null;
}

export function apiKeyMatches(candidate: string, storedHash: string): boolean {
  const a = Buffer.from(sha256(candidate), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export function hashToken(token: string): string {
  return sha256(token);
}
