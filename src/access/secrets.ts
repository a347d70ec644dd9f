// Random secrets (API keys, sign-in tokens, session ids) and their stored form. They carry 256 random
// bits, so SHA-256 is enough to keep a stolen table from being replayed; passwords are another matter
// (passwords.ts).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Compares two hex digests in constant time (a timing side channel must not reveal a prefix). */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
