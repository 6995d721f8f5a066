/** URLs and headers of Metrc requests. The only place a key is revealed is `basicAuthorization`. */
import { createHash } from 'node:crypto';
import type { Secret } from '../lib/index.ts';

/** Names Tracegate to Metrc's operators, as integrators are expected to. */
export const METRC_USER_AGENT = 'Tracegate/0.1 (open-source Metrc gateway)';

/**
 * `Authorization: Basic base64(vendorKey:userKey)`: the **vendor** (software) key is the
 * username and the **user** key the password (metrc-api.md §1). Reversing them is a classic bug
 * of open-source clients; `metrc-http.test.ts` pins the order.
 */
export function basicAuthorization(vendorKey: Secret, userKey: Secret): string {
  const pair = `${vendorKey.reveal()}:${userKey.reveal()}`;
  return `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`;
}

const STATE_CODE = /^[a-z]{2}$/;

/** Lower-case two-letter state code, or throws (a programming error, not a Metrc error). */
export function normaliseState(state: string): string {
  const code = state.trim().toLowerCase();
  if (!STATE_CODE.test(code)) throw new Error(`not a state code: ${JSON.stringify(state)}`);
  return code;
}

/** `https://api-{state}.metrc.com` + `CA` → `https://api-ca.metrc.com` (no trailing slash). */
export function metrcBaseUrl(template: string, state: string): string {
  if (!template.includes('{state}')) throw new Error('the Metrc base URL template needs {state}');
  return template.replaceAll('{state}', normaliseState(state)).replace(/\/+$/, '');
}

export type QueryValue = string | number | boolean | Date | undefined | null;

/**
 * Base URL + path + query. Path segments must already be encoded by the caller (see
 * `pathSegment`); dates go out as ISO-8601 UTC, the only form Metrc documents.
 */
export function buildMetrcUrl(
  baseUrl: string,
  path: string,
  query: Record<string, QueryValue> = {},
): URL {
  const url = new URL(`${baseUrl}${path.startsWith('/') ? path : `/${path}`}`);
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    const text =
      value instanceof Date
        ? formatMetrcTimestamp(value, name.endsWith('End') ? 'ceil' : 'floor')
        : String(value);
    url.searchParams.set(name, text);
  }
  return url;
}

/** One path parameter, URL-encoded (`/` and spaces in external receipt numbers included). */
export function pathSegment(value: string | number): string {
  return encodeURIComponent(String(value));
}

/**
 * `2026-01-02T03:04:05Z`: what Metrc documents for lastModified parameters (whole seconds).
 * Window ends round up so a record modified a few milliseconds ago is not cut off.
 */
export function formatMetrcTimestamp(date: Date, rounding: 'floor' | 'ceil' = 'floor'): string {
  const ms = date.getTime();
  const whole = rounding === 'ceil' ? Math.ceil(ms / 1000) * 1000 : Math.floor(ms / 1000) * 1000;
  return `${new Date(whole).toISOString().slice(0, 19)}Z`;
}

/**
 * A stable, non-reversible identity of a vendor key, for limiter keys and logs: the key
 * itself must never be a map key, a Redis key or a row.
 */
export function vendorKeyIdentity(vendorKey: Secret): string {
  return createHash('sha256')
    .update('tracegate:metrc-vendor-key:')
    .update(vendorKey.reveal())
    .digest('hex')
    .slice(0, 24);
}
