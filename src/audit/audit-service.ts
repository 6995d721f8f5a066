import type { Kysely } from 'kysely';
import type { DB } from '../db/index.ts';
import { type Clock, toTimestamp } from '../lib/index.ts';
import {
  type AuditChainName,
  type ChainCheck,
  type ChainHead,
  chainNameOf,
  GENESIS_HASH,
  hashAuditEvent,
} from './audit-fns.ts';
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
 * (await audit.verify()).ok; // false if any row of any chain was edited or removed
 */
export function createAuditService(deps: { db: Kysely<DB>; repo: AuditRepo; clock: Clock }) {
  const { db, repo, clock } = deps;

  const fieldsOf = (entry: AuditEntry, createdAt: string) => ({
    organization_id: entry.organizationId,
    actor_user_id: entry.actor.userId ?? null,
    actor_token_id: entry.actor.tokenId ?? null,
    action: entry.action,
    target_type: entry.target?.type ?? null,
    target_id: entry.target ? String(entry.target.id) : null,
    details: JSON.stringify(entry.details ?? {}),
    created_at: createdAt,
  });

  /** Appends an event; pass the caller's transaction so the event commits with the change. */
  async function record(entry: AuditEntry, executor: Kysely<DB> = db) {
    return repo.append(executor, fieldsOf(entry, toTimestamp(clock.now())));
  }

  /**
   * Appends events of ONE organization (or the platform) in order, under one chain lock: for
   * writers that commit many changes at once (the outbox's grouped enqueue). Same rules as
   * `record`: pass the caller's transaction, and call it last, right before commit.
   */
  async function recordMany(entries: readonly AuditEntry[], executor: Kysely<DB> = db) {
    const createdAt = toTimestamp(clock.now());
    return repo.appendMany(
      executor,
      entries.map((entry) => fieldsOf(entry, createdAt)),
    );
  }

  /**
   * Recomputes every hash, link and position, chain by chain (each organization's, the
   * platform's, and the pre-0004 legacy chain). A broken chain is reported at its first bad row
   * and not checked further; the other chains still are. Pass `organizationId` (null = platform)
   * to check one chain only.
   */
  async function verify(options: { organizationId?: number | null } = {}): Promise<ChainCheck> {
    const heads = new Map<AuditChainName, ChainHead>();
    let count = 0;
    let firstBreak: Pick<ChainCheck, 'brokenAtId' | 'brokenChain' | 'reason'> | undefined;
    for await (const row of repo.walk(options)) {
      count++;
      const chain = chainNameOf(row);
      let state = heads.get(chain);
      if (!state) {
        state = {
          chain,
          organizationId: row.chain_seq === null ? null : row.organization_id,
          count: 0,
          headHash: GENESIS_HASH,
          ok: true,
        };
        heads.set(chain, state);
      }
      state.count++;
      if (!state.ok) continue;
      const expectedSeq = row.chain_seq === null ? null : state.count;
      const reason =
        row.prev_hash !== state.headHash || row.chain_seq !== expectedSeq
          ? 'link_mismatch'
          : hashAuditEvent(row) !== row.hash
            ? 'hash_mismatch'
            : undefined;
      if (reason) {
        state.ok = false;
        state.brokenAtId = row.id;
        state.reason = reason;
        firstBreak ??= { brokenAtId: row.id, brokenChain: chain, reason };
        continue;
      }
      state.headHash = row.hash;
    }
    return { ok: firstBreak === undefined, count, chains: [...heads.values()], ...firstBreak };
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

  return { record, recordMany, verify, list };
}

export type AuditService = ReturnType<typeof createAuditService>;
