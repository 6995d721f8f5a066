import type { Kysely } from 'kysely';
import { type DB, type NewUser, precompile, type Role, type UserUpdate } from '../db/index.ts';

/** The only code that queries `users` and `memberships`. */
export function createUsersRepo(db: Kysely<DB>) {
  // Every submission an API token sends looks its actor up: compiled once (precompiled-query.ts).
  const membershipQuery = precompile(db, (a: { organizationId: number; userId: number }) =>
    db
      .selectFrom('memberships')
      .selectAll()
      .where('organization_id', '=', a.organizationId)
      .where('user_id', '=', a.userId),
  );
  const memberColumns = [
    'users.id',
    'users.email',
    'users.name',
    'users.is_platform_admin',
    'users.must_change_password',
    'users.created_at',
    'memberships.role',
    'memberships.organization_id',
  ] as const;

  return {
    insert: (values: NewUser, executor = db) =>
      executor.insertInto('users').values(values).returningAll().executeTakeFirstOrThrow(),
    findById: (id: number) =>
      db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(),
    findByEmail: (email: string, executor = db) =>
      executor.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst(),
    update: (id: number, values: UserUpdate, executor = db) =>
      executor.updateTable('users').set(values).where('id', '=', id).execute(),

    addMembership: (
      values: { organization_id: number; user_id: number; role: Role; created_at: string },
      executor = db,
    ) => executor.insertInto('memberships').values(values).returningAll().executeTakeFirstOrThrow(),
    membership: (organizationId: number, userId: number, executor = db) =>
      executor === db
        ? membershipQuery.first({ organizationId, userId })
        : executor
            .selectFrom('memberships')
            .selectAll()
            .where('organization_id', '=', organizationId)
            .where('user_id', '=', userId)
            .executeTakeFirst(),
    /** The member the organization knows by its own reference (outbox actors). */
    memberByExternalRef: (organizationId: number, externalRef: string, executor = db) =>
      executor
        .selectFrom('memberships')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .where('external_ref', '=', externalRef)
        .executeTakeFirst(),
    setExternalRef: (
      organizationId: number,
      userId: number,
      externalRef: string | null,
      executor = db,
    ) =>
      executor
        .updateTable('memberships')
        .set({ external_ref: externalRef })
        .where('organization_id', '=', organizationId)
        .where('user_id', '=', userId)
        .executeTakeFirst(),
    /** The user's memberships, oldest organization first. */
    membershipsOf: (userId: number) =>
      db
        .selectFrom('memberships')
        .innerJoin('organizations', 'organizations.id', 'memberships.organization_id')
        .select([
          'memberships.organization_id',
          'memberships.role',
          'organizations.slug',
          'organizations.name',
        ])
        .where('memberships.user_id', '=', userId)
        .orderBy('memberships.organization_id')
        .execute(),
    setRole: (organizationId: number, userId: number, role: Role, executor = db) =>
      executor
        .updateTable('memberships')
        .set({ role })
        .where('organization_id', '=', organizationId)
        .where('user_id', '=', userId)
        .execute(),
    removeMembership: (organizationId: number, userId: number, executor = db) =>
      executor
        .deleteFrom('memberships')
        .where('organization_id', '=', organizationId)
        .where('user_id', '=', userId)
        .execute(),
    countAdmins: async (organizationId: number, executor = db) =>
      Number(
        (
          await executor
            .selectFrom('memberships')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('organization_id', '=', organizationId)
            .where('role', '=', 'admin')
            .executeTakeFirstOrThrow()
        ).n,
      ),

    listMembers: (organizationId: number) =>
      db
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select(memberColumns)
        .where('memberships.organization_id', '=', organizationId)
        .orderBy('users.id')
        .execute(),
    findMember: (organizationId: number, userId: number, executor = db) =>
      executor
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select(memberColumns)
        .where('memberships.organization_id', '=', organizationId)
        .where('users.id', '=', userId)
        .executeTakeFirst(),
  };
}

export type UsersRepo = ReturnType<typeof createUsersRepo>;
export type MemberRow = NonNullable<Awaited<ReturnType<UsersRepo['findMember']>>>;
