import { createHash } from 'node:crypto';

/** The `prev_hash` of the first event in the chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields an audit event's hash covers (everything but its id and its own hash). */
export interface AuditFields {
  organization_id: number | null;
  actor_user_id: number | null;
  actor_token_id: number | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details: string;
  created_at: string;
  prev_hash: string;
}

/**
 * SHA-256 over the previous hash and the event's fields in a fixed order, so editing any field
 * of any row, or removing or reordering rows, breaks the chain from that point on.
 */
export function hashAuditEvent(fields: AuditFields): string {
  const canonical = JSON.stringify([
    fields.prev_hash,
    fields.organization_id,
    fields.actor_user_id,
    fields.actor_token_id,
    fields.action,
    fields.target_type,
    fields.target_id,
    fields.details,
    fields.created_at,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

export interface ChainCheck {
  ok: boolean;
  /** Events checked. */
  count: number;
  /** Hash of the last event; keep a copy elsewhere to detect truncation of the tail. */
  headHash: string;
  /** The first event whose stored hash or link does not match, when `ok` is false. */
  brokenAtId?: number;
  reason?: 'hash_mismatch' | 'link_mismatch';
}
