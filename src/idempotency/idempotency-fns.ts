import { createHash } from 'node:crypto';
import { Secret } from '../lib/index.ts';
import { idempotencyErrors } from './idempotency-errors.ts';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotent-replayed';
export const MAX_KEY_LENGTH = 255;
/** Printable, header-safe and log-safe: UUIDs, ULIDs and base64 keys all fit. */
const KEY_PATTERN = /^[A-Za-z0-9\-_.:~+/=]{1,255}$/;

/** The key from the raw header value; 400 `IDEMPOTENCY_KEY_INVALID` on anything else. */
export function parseIdempotencyKey(raw: string | string[]): string {
  if (typeof raw !== 'string' || !KEY_PATTERN.test(raw)) {
    throw idempotencyErrors.IDEMPOTENCY_KEY_INVALID();
  }
  return raw;
}

/**
 * JSON with object keys sorted at every level, so `{a,b}` and `{b,a}` hash alike. A `Secret`
 * becomes a fixed marker: storing even a hash of a password would let a reader of the database
 * guess it offline, so secrets are not part of the fingerprint.
 */
export function canonicalJson(value: unknown): string {
  if (value instanceof Secret) return '"[secret]"';
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const plain = 'toJSON' in value && typeof value.toJSON === 'function' ? value.toJSON() : value;
    if (plain !== value) return canonicalJson(plain);
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** What makes two requests "the same": method, URL (with query) and canonical body. */
export function requestFingerprint(request: { method: string; url: string; body: unknown }) {
  return createHash('sha256')
    .update(canonicalJson({ method: request.method.toUpperCase(), url: request.url }))
    .update('\n')
    .update(canonicalJson(request.body))
    .digest('hex');
}
