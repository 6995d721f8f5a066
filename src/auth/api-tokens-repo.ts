import type { Kysely } from 'kysely';
import { type DB, precompile, type Role } from '../db/index.ts';

const PUBLIC_COLUMNS = [
  'id',
  'organization_id',
  'name',
  'role',
  'token_prefix',
  'created_by_user_id',
  'created_at',
  'last_used_at',
  'revoked_at',
] as const;

/** The only code that queries `api_tokens`. Never selects the hash for listing. */
export function createApiTokensRepo(db: Kysely<DB>) {
  // Every API request runs it: compiled once (src/db/precompiled-query.ts).
  const byHash = precompile(db, (a: { tokenHash: string }) =>
    db
      .selectFrom('api_tokens')
      .leftJoin('memberships', (join) =>
        join
          .onRef('memberships.organization_id', '=', 'api_tokens.organization_id')
          .onRef('memberships.user_id', '=', 'api_tokens.created_by_user_id'),
      )
      .select(PUBLIC_COLUMNS.map((c) => `api_tokens.${c}` as const))
      .select('memberships.role as creator_role')
      .where('api_tokens.token_hash', '=', a.tokenHash),
  );
  return {
    insert: (
      values: {
        organization_id: number;
        name: string;
        role: Role;
        token_hash: string;
        token_prefix: string;
        created_by_user_id: number | null;
        created_at: string;
      },
      executor = db,
    ) =>
      executor
        .insertInto('api_tokens')
        .values(values)
        .returning(PUBLIC_COLUMNS)
        .executeTakeFirstOrThrow(),
    /** The token and its creator's current role here (null: no longer a member). */
    findByHash: (tokenHash: string) => byHash.first({ tokenHash }),
    find: (organizationId: number, id: number) =>
      db
        .selectFrom('api_tokens')
        .select(PUBLIC_COLUMNS)
        .where('organization_id', '=', organizationId)
        .where('id', '=', id)
        .executeTakeFirst(),
    list: (organizationId: number) =>
      db
        .selectFrom('api_tokens')
        .select(PUBLIC_COLUMNS)
        .where('organization_id', '=', organizationId)
        .orderBy('id')
        .execute(),
    revoke: (organizationId: number, id: number, at: string, executor = db) =>
      executor
        .updateTable('api_tokens')
        .set({ revoked_at: at })
        .where('organization_id', '=', organizationId)
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .execute(),
    /** Revokes every live token a person created here; returns the revoked ids. */
    revokeAllOfCreator: async (organizationId: number, userId: number, at: string, executor = db) =>
      (
        await executor
          .updateTable('api_tokens')
          .set({ revoked_at: at })
          .where('organization_id', '=', organizationId)
          .where('created_by_user_id', '=', userId)
          .where('revoked_at', 'is', null)
          .returning('id')
          .execute()
      ).map((r) => r.id),
    /** Lowers to `role` every live token of a person's that is above it; returns their ids. */
    narrowAllOfCreator: async (
      organizationId: number,
      userId: number,
      role: Role,
      above: Role[],
      executor = db,
    ) =>
      above.length === 0
        ? []
        : (
            await executor
              .updateTable('api_tokens')
              .set({ role })
              .where('organization_id', '=', organizationId)
              .where('created_by_user_id', '=', userId)
              .where('revoked_at', 'is', null)
              .where('role', 'in', above)
              .returning('id')
              .execute()
          ).map((r) => r.id),
    touch: (id: number, at: string) =>
      db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute(),
  };
}

export type ApiTokensRepo = ReturnType<typeof createApiTokensRepo>;
export type ApiTokenRow = NonNullable<Awaited<ReturnType<ApiTokensRepo['find']>>>;
