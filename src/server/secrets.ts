/**
 * Device tokens and enrol codes, both kept only as hashes: a leaked database
 * lets no one act as a device. Tokens are 256 random bits, so an unsalted
 * SHA-256 is enough and lookup by hash is the comparison. Enrol codes are
 * shorter (people type them), so theirs is keyed.
 */
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** 32 random bytes, base64url: 43 characters. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Crockford's base32: digits and letters without I, L, O and U, so nothing
 * reads as another character; typed I or L is taken as 1, O as 0.
 */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 16 characters of 5 bits: 80 random bits. */
const CODE_LENGTH = 16;
export const ENROL_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{16}$/;

/** A human-typeable enrol code, e.g. `K7WQ-M3ZP-XA4E-9T0B` (16 characters, 80 bits). */
export function newEnrolCode(): string {
  let raw = '';
  for (let i = 0; i < CODE_LENGTH; i++) raw += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return raw.match(/.{4}/g)!.join('-');
}

/** What is hashed: upper case, without spaces or dashes, look-alikes read as Crockford does, so `k7wq m3zp xa4e 9tob` works too. */
export function normaliseEnrolCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
}

/**
 * The stored form of an enrol code: HMAC-SHA-256 keyed with the server's
 * secret (agencies.ts: SERVER_SECRET, else the random key kept in the
 * database), so a copy of the codes table alone cannot be used to test guesses.
 */
export const hashEnrolCode = (key: string, code: string) =>
  createHmac('sha256', key)
    .update(`enrol:${normaliseEnrolCode(code)}`)
    .digest('hex');

/** A new random server secret (the enrol code key when SERVER_SECRET is not set). */
export const newServerSecret = () => randomBytes(32).toString('base64url');

/** Constant-time comparison of two secrets of any length. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(sha256(a));
  const y = Buffer.from(sha256(b));
  return timingSafeEqual(x, y);
}
