/**
 * HTTP Basic as Metrc uses it: username = vendor key, password = user key (fact 1). Vendor keys
 * belong to one state; a user key works only in its user's state. Any failure is a 401.
 */
import type { EmulatorState } from '../state/emulator-state.ts';
import type { MetrcState } from '../state/metrc-states.ts';
import type { UserRecord, VendorKeyRecord } from '../state/records.ts';

export type AuthResult =
  | { ok: true; vendorKey: VendorKeyRecord; user: UserRecord }
  | {
      ok: false;
      reason:
        | 'missing'
        | 'malformed'
        | 'vendor-key'
        | 'user-key'
        | 'regenerated'
        | 'expired'
        | 'deactivated';
      /** The known owner of a failing key, for the request log. */
      vendorKey?: VendorKeyRecord;
      user?: UserRecord;
    };

export function authenticate(
  state: EmulatorState,
  metrcState: MetrcState,
  header: string | undefined,
): AuthResult {
  if (!header) return { ok: false, reason: 'missing' };
  const match = /^Basic\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) return { ok: false, reason: 'malformed' };
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return { ok: false, reason: 'malformed' };
  const vendorText = decoded.slice(0, colon);
  const userText = decoded.slice(colon + 1);
  const vendorKey = state.index.vendorKeyByKey.get(vendorText);
  const user = state.index.userByKey.get(userText);
  if (!vendorKey?.active || vendorKey.state !== metrcState) {
    return {
      ok: false,
      reason: 'vendor-key',
      user: user ?? state.index.retiredKeyOwner.get(userText),
    };
  }
  if (!user) {
    const retired = state.index.retiredKeyOwner.get(userText);
    return retired
      ? { ok: false, reason: 'regenerated', vendorKey, user: retired }
      : { ok: false, reason: 'user-key', vendorKey };
  }
  if (user.state !== metrcState) return { ok: false, reason: 'user-key', vendorKey, user };
  if (user.deactivated) return { ok: false, reason: 'deactivated', vendorKey, user };
  if (user.keyExpired) return { ok: false, reason: 'expired', vendorKey, user };
  return { ok: true, vendorKey, user };
}
