import type { Kysely } from 'kysely';
import type { DB } from '../db/index.ts';

export interface IdempotencyScope {
  organizationId: number;
  /** `user:<id>` or `token:<id>`. */
  principal: string;
  key: string;
}

/** The only code that queries `idempotency_keys`. */
export function createIdempotencyRepo(db: Kysely<DB>) {
  const scoped = (scope: IdempotencyScope) =>
    db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('organization_id', '=', scope.organizationId)
      .where('principal', '=', scope.principal)
      .where('idempotency_key', '=', scope.key);
  return {
    /** Inserts an in-progress row; undefined when the key already exists (someone else has it). */
    insertIfAbsent: (
      scope: IdempotencyScope,
      values: { requestHash: string; now: string; expiresAt: string },
    ) =>
      db
        .insertInto('idempotency_keys')
        .values({
          organization_id: scope.organizationId,
          principal: scope.principal,
          idempotency_key: scope.key,
          request_hash: values.requestHash,
          status: 'in_progress',
          locked_at: values.now,
          created_at: values.now,
          expires_at: values.expiresAt,
        })
        .onConflict((oc) =>
          oc.columns(['organization_id', 'principal', 'idempotency_key']).doNothing(),
        )
        .returning(['id', 'locked_at'])
        .executeTakeFirst(),
    find: (scope: IdempotencyScope) => scoped(scope).executeTakeFirst(),
    /** Deletes a row only if it is the expired one we saw (a fresh one may have replaced it). */
    deleteExpired: async (id: number, now: string) => {
      await db
        .deleteFrom('idempotency_keys')
        .where('id', '=', id)
        .where('expires_at', '<=', now)
        .execute();
    },
    /** Compare-and-set takeover of an abandoned in-progress row. */
    relock: async (id: number, seenLockedAt: string, now: string) => {
      const result = await db
        .updateTable('idempotency_keys')
        .set({ locked_at: now })
        .where('id', '=', id)
        .where('status', '=', 'in_progress')
        .where('locked_at', '=', seenLockedAt)
        .executeTakeFirst();
      return result.numUpdatedRows === 1n;
    },
    /** Settles the row, fenced by the lock we hold; false if another request took it over. */
    complete: async (
      id: number,
      lockedAt: string,
      response: { status: number; type: string | null; body: string | null; withheld: boolean },
    ) => {
      const result = await db
        .updateTable('idempotency_keys')
        .set({
          status: 'completed',
          response_status: response.status,
          response_type: response.type,
          response_body: response.body,
          response_withheld: response.withheld ? 1 : 0,
        })
        .where('id', '=', id)
        .where('status', '=', 'in_progress')
        .where('locked_at', '=', lockedAt)
        .executeTakeFirst();
      return result.numUpdatedRows === 1n;
    },
    release: async (id: number, lockedAt: string) => {
      await db
        .deleteFrom('idempotency_keys')
        .where('id', '=', id)
        .where('status', '=', 'in_progress')
        .where('locked_at', '=', lockedAt)
        .execute();
    },
    purgeExpired: async (now: string) => {
      const result = await db
        .deleteFrom('idempotency_keys')
        .where('expires_at', '<=', now)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export type IdempotencyRepo = ReturnType<typeof createIdempotencyRepo>;
