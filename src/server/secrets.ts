/**
 * Device tokens and enrol codes. Both are kept only as SHA-256 hashes: a
 * leaked database lets no one act as a device. Tokens are 256 random bits, so
 * an unsalted hash is enough and lookup by hash is the comparison.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** 32 random bytes, base64url: 43 characters. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Letters and digits that cannot be mistaken for one another when read aloud or typed (no 0/O, 1/I/L, U/V). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTWXYZ23456789';
const CODE_LENGTH = 10;

/** A human-typeable enrol code, e.g. `K7WQ-M3ZP-XA` (10 characters, ~48 bits). */
export function newEnrolCode(): string {
  let raw = '';
  for (let i = 0; i < CODE_LENGTH; i++) raw += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}

/** What is hashed: upper case, without spaces or dashes, so `k7wq m3zp xa` works too. */
export function normaliseEnrolCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

export const hashEnrolCode = (code: string) => sha256(`enrol:${normaliseEnrolCode(code)}`);

/** Constant-time comparison of two secrets of any length. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(sha256(a));
  const y = Buffer.from(sha256(b));
  return timingSafeEqual(x, y);
}
