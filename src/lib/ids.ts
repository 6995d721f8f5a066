import { createHash, randomBytes, randomFillSync, timingSafeEqual } from 'node:crypto';

/** A URL-safe random token with `bytes` of entropy, optionally prefixed (`tg_…`). */
export function randomToken(bytes = 32, prefix = ''): string {
  return `${prefix}${randomBytes(bytes).toString('base64url')}`;
}

/** Random bytes drawn ahead for `randomHexId`: one call to the CSPRNG per 512 ids of 8 bytes. */
const idEntropy = Buffer.alloc(4096);
let idEntropyAt = idEntropy.length;

/**
 * `bytes` random bytes as upper-case hex, for identifiers that must not collide or be guessed
 * but are no secret (a submission's reference). Drawn from a buffer filled ahead, as node's
 * `randomUUID` does: `randomBytes` per id cost ~5 µs, on every accepted submission.
 *
 * @example
 * randomHexId(8); // '9F2C4A01B37E5D68'
 */
export function randomHexId(bytes: number): string {
  if (idEntropyAt + bytes > idEntropy.length) {
    randomFillSync(idEntropy);
    idEntropyAt = 0;
  }
  const hex = idEntropy.toString('hex', idEntropyAt, idEntropyAt + bytes).toUpperCase();
  idEntropyAt += bytes;
  return hex;
}

/** SHA-256 hex; used to store high-entropy tokens (never passwords) without keeping them. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Constant-time string comparison. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
