import { createHash } from 'node:crypto';

/** The `prev_hash` of the first event of every chain. */
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
  /**
   * Position in the event's chain (1, 2, …). Null only on events written before migration 0004,
   * which form the single legacy chain and were hashed without it.
   */
  chain_seq: number | null;
}

/**
 * SHA-256 over the previous hash and the event's fields in a fixed order, so editing any field
 * of any row, or removing or reordering rows, breaks the chain from that point on. Legacy events
 * (no `chain_seq`) keep the pre-0004 canonical form so their stored hashes stay valid.
 */
export function hashAuditEvent(fields: AuditFields): string {
  const canonical = [
    fields.prev_hash,
    fields.organization_id,
    fields.actor_user_id,
    fields.actor_token_id,
    fields.action,
    fields.target_type,
    fields.target_id,
    fields.details,
    fields.created_at,
  ];
  if (fields.chain_seq !== null) canonical.push(fields.chain_seq);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

/**
 * Which chain an event belongs to: one per organization, one for platform events (no
 * organization), and `legacy` for the single global chain written before migration 0004.
 */
export type AuditChainName = 'legacy' | 'platform' | `org:${number}`;

export function chainNameOf(row: {
  organization_id: number | null;
  chain_seq: number | null;
}): AuditChainName {
  if (row.chain_seq === null) return 'legacy';
  return row.organization_id === null ? 'platform' : `org:${row.organization_id}`;
}

/** One chain's state after verification. */
export interface ChainHead {
  chain: AuditChainName;
  /** Null for the platform and legacy chains. */
  organizationId: number | null;
  /** Events checked in this chain. */
  count: number;
  /**
   * Hash of the chain's last event (or of the last good one, if broken); keep a copy elsewhere
   * to detect truncation of the tail.
   */
  headHash: string;
  ok: boolean;
  brokenAtId?: number;
  reason?: 'hash_mismatch' | 'link_mismatch';
}

export interface ChainCheck {
  ok: boolean;
  /** Events checked, all chains. */
  count: number;
  /** Every chain seen, in order of first appearance. */
  chains: ChainHead[];
  /** The first event whose stored hash, link or position does not match, when `ok` is false. */
  brokenAtId?: number;
  brokenChain?: AuditChainName;
  reason?: 'hash_mismatch' | 'link_mismatch';
}
