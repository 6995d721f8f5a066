import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';
import type { Secret } from '../lib/index.ts';
import { createHashingGate } from './hashing-gate.ts';

/** scrypt cost: N=2^15, r=8, p=1 (OWASP's minimum recommendation) with a 16-byte salt. */
const COST = { N: 32_768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const KEY_LENGTH = 32;
/** libuv's default pool size: more at once would only queue there (see hashing-gate.ts). */
export const MAX_CONCURRENT_HASHES = 4;

/** Every password hash of this process passes through this gate. */
export const passwordHashingGate = createHashingGate(MAX_CONCURRENT_HASHES);

function derive(password: string, salt: Buffer, cost: ScryptOptions): Promise<Buffer> {
  return passwordHashingGate.run(
    () =>
      new Promise((resolve, reject) => {
        scrypt(password, salt, KEY_LENGTH, cost, (error, key) =>
          error ? reject(error) : resolve(key),
        );
      }),
  );
}

/**
 * Hashes a password as `scrypt$N$r$p$salt$hash` (base64url parts), so the cost can rise later
 * without invalidating stored hashes.
 */
export async function hashPassword(password: Secret): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password.reveal(), salt, COST);
  return [
    'scrypt',
    COST.N,
    COST.r,
    COST.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

/** Constant-time check of a password against a stored hash; false for malformed hashes. */
export async function verifyPassword(password: Secret, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await derive(password.reveal(), Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: COST.maxmem,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash no password matches, verified against unknown e-mails so timing reveals nothing. */
export const UNUSABLE_HASH = `scrypt$${COST.N}$${COST.r}$${COST.p}$${randomBytes(16).toString('base64url')}$${randomBytes(KEY_LENGTH).toString('base64url')}`;
