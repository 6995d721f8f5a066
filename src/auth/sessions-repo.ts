import type { Kysely } from 'kysely';
import type { DB } from '../db/index.ts';

/** The only code that queries `sessions`. */
export function createSessionsRepo(db: Kysely<DB>) {
  return {
    insert: (values: {
      token_hash: string;
      user_id: number;
      organization_id: number;
      created_at: string;
      expires_at: string;
      last_seen_at: string;
    }) => db.insertInto('sessions').values(values).returningAll().executeTakeFirstOrThrow(),
    /** The session with its user and the user's current role in the session's organization. */
    findByTokenHash: (tokenHash: string) =>
      db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .leftJoin('memberships', (join) =>
          join
            .onRef('memberships.user_id', '=', 'sessions.user_id')
            .onRef('memberships.organization_id', '=', 'sessions.organization_id'),
        )
        .select([
          'sessions.id',
          'sessions.user_id',
          'sessions.organization_id',
          'sessions.expires_at',
          'sessions.last_seen_at',
          'users.is_platform_admin',
          'users.must_change_password',
          'memberships.role',
        ])
        .where('sessions.token_hash', '=', tokenHash)
        .executeTakeFirst(),
    touch: (id: number, at: string) =>
      db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute(),
    delete: (id: number) => db.deleteFrom('sessions').where('id', '=', id).execute(),
    deleteForMember: (organizationId: number, userId: number, executor = db) =>
      executor
        .deleteFrom('sessions')
        .where('organization_id', '=', organizationId)
        .where('user_id', '=', userId)
        .execute(),
    deleteOthersOfUser: (userId: number, keepId: number | null) => {
      let query = db.deleteFrom('sessions').where('user_id', '=', userId);
      if (keepId !== null) query = query.where('id', '!=', keepId);
      return query.execute();
    },
    deleteExpired: (now: string) =>
      db.deleteFrom('sessions').where('expires_at', '<=', now).execute(),
  };
}

export type SessionsRepo = ReturnType<typeof createSessionsRepo>;
