import type { Kysely } from 'kysely';
import type { DB } from '../db/index.ts';
import { type Clock, toTimestamp } from '../lib/index.ts';
import { type ChainCheck, GENESIS_HASH, hashAuditEvent } from './audit-fns.ts';
import type { AuditRepo } from './audit-repo.ts';

/** Who did it: a console user, an API token, or the system (CLI, scheduler). */
export interface AuditActor {
  userId?: number | null;
  tokenId?: number | null;
}

export interface AuditEntry {
  organizationId: number | null;
  actor: AuditActor;
  /** Dotted, past tense: `user.created`, `token.revoked`, `credential.verified`. */
  action: string;
  target?: { type: string; id: string | number };
  /** Never secrets: fingerprints and ids only. */
  details?: Record<string, unknown>;
}

/**
 * Records and verifies the append-only, hash-chained audit log.
 *
 * @example
 * await audit.record(trx, { organizationId, actor: { userId }, action: 'user.created',
 *   target: { type: 'user', id: user.id } });
 * (await audit.verify()).ok; // false if any row was edited
 */
export function createAuditService(deps: { db: Kysely<DB>; repo: AuditRepo; clock: Clock }) {
  const { db, repo, clock } = deps;

  /** Appends an event; pass the caller's transaction so the event commits with the change. */
  async function record(entry: AuditEntry, executor: Kysely<DB> = db) {
    return repo.append(executor, {
      organization_id: entry.organizationId,
      actor_user_id: entry.actor.userId ?? null,
      actor_token_id: entry.actor.tokenId ?? null,
      action: entry.action,
      target_type: entry.target?.type ?? null,
      target_id: entry.target ? String(entry.target.id) : null,
      details: JSON.stringify(entry.details ?? {}),
      created_at: toTimestamp(clock.now()),
    });
  }

  /** Recomputes every hash and link; reports the first row that does not match. */
  async function verify(): Promise<ChainCheck> {
    let previous = GENESIS_HASH;
    let count = 0;
    for await (const row of repo.walk()) {
      count++;
      if (row.prev_hash !== previous) {
        return {
          ok: false,
          count,
          headHash: previous,
          brokenAtId: row.id,
          reason: 'link_mismatch',
        };
      }
      if (hashAuditEvent(row) !== row.hash) {
        return {
          ok: false,
          count,
          headHash: previous,
          brokenAtId: row.id,
          reason: 'hash_mismatch',
        };
      }
      previous = row.hash;
    }
    return { ok: true, count, headHash: previous };
  }

  async function list(organizationId: number, options: { limit: number; beforeId?: number }) {
    const rows = await repo.listForOrganization(organizationId, options.limit, options.beforeId);
    return rows.map((row) => ({
      id: row.id,
      action: row.action,
      actorUserId: row.actor_user_id,
      actorTokenId: row.actor_token_id,
      targetType: row.target_type,
      targetId: row.target_id,
      details: JSON.parse(row.details) as Record<string, unknown>,
      createdAt: row.created_at,
      hash: row.hash,
    }));
  }

  return { record, verify, list };
}

export type AuditService = ReturnType<typeof createAuditService>;
