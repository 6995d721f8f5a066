import type { Principal } from '../auth/index.ts';
import type { CredentialKind } from '../db/index.ts';
import { Secret } from '../lib/index.ts';
import { credentialsErrors } from './credentials-errors.ts';

/**
 * Rule 7: admins set any key; managers see status but set none; staff set only their own user
 * key. Throws the refusal's own code.
 *
 * @example
 * assertMaySetKey(principal, 'user', principal.userId); // staff: ok
 * assertMaySetKey(principal, 'facility', null);         // staff: CREDENTIAL_FACILITY_ADMIN_ONLY
 */
export function assertMaySetKey(
  actor: Pick<Principal, 'role' | 'userId'>,
  kind: CredentialKind,
  ownerUserId: number | null,
): void {
  if (actor.role === 'admin') return;
  if (actor.role === 'manager') throw credentialsErrors.CREDENTIAL_MANAGER_CANNOT_SET();
  if (kind === 'facility') throw credentialsErrors.CREDENTIAL_FACILITY_ADMIN_ONLY();
  if (actor.userId === null || ownerUserId !== actor.userId) {
    throw credentialsErrors.CREDENTIAL_STAFF_OWN_ONLY();
  }
}

const KEY_SHAPE = /^[A-Za-z0-9+/=_-]{16,200}$/;

/**
 * Trims a pasted key (copying from Metrc's page often brings a space or a line break along) and
 * checks its shape; whitespace inside a key is refused with its own code, since it means two
 * things were pasted. A key is never echoed in the error.
 */
export function normaliseKeyText(text: string): string {
  const key = text.trim();
  if (/\s/.test(key)) throw credentialsErrors.CREDENTIAL_KEY_HAS_WHITESPACE();
  if (!KEY_SHAPE.test(key)) throw credentialsErrors.CREDENTIAL_KEY_MALFORMED();
  return key;
}

/**
 * The key as it must be sent to Metrc and stored: trimmed and checked.
 *
 * @example
 * normaliseKey(new Secret(' abc…xyz\n')).reveal(); // 'abc…xyz'
 */
export function normaliseKey(key: Secret): Secret {
  const text = normaliseKeyText(key.reveal());
  return text === key.reveal() ? key : new Secret(text);
}

/** Days after first sight from which a key is flagged as about to expire (keys last ~1 year). */
export const KEY_EXPIRY_WARNING_DAYS = 330;
const DAY_MS = 86_400_000;

export function keyAgeDays(firstSeenAt: string, now: Date): number {
  return Math.floor((now.getTime() - Date.parse(firstSeenAt)) / DAY_MS);
}
