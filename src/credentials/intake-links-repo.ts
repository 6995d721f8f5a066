import type { Kysely } from 'kysely';
import type { CredentialIntakeLink, DB } from '../db/index.ts';

/** The only code that queries `credential_intake_links`. */
export function createIntakeLinksRepo(db: Kysely<DB>) {
  return {
    insert: (values: Omit<CredentialIntakeLink, 'id' | 'used_at' | 'revoked_at'>) =>
      db
        .insertInto('credential_intake_links')
        .values(values)
        .returningAll()
        .executeTakeFirstOrThrow(),
    findByTokenHash: (tokenHash: string) =>
      db
        .selectFrom('credential_intake_links')
        .innerJoin('organizations', 'organizations.id', 'credential_intake_links.organization_id')
        .innerJoin('users', 'users.id', 'credential_intake_links.user_id')
        .selectAll('credential_intake_links')
        .select(['organizations.name as organization_name', 'users.name as user_name'])
        .where('credential_intake_links.token_hash', '=', tokenHash)
        .executeTakeFirst(),
    list: (organizationId: number) =>
      db
        .selectFrom('credential_intake_links')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .orderBy('id', 'desc')
        .execute(),
    /** Marks the link used, only if it still is usable; false when someone else used it first. */
    markUsed: async (id: number, at: string) => {
      const result = await db
        .updateTable('credential_intake_links')
        .set({ used_at: at })
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    revoke: (organizationId: number, id: number, at: string) =>
      db
        .updateTable('credential_intake_links')
        .set({ revoked_at: at })
        .where('organization_id', '=', organizationId)
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst(),
  };
}

export type IntakeLinksRepo = ReturnType<typeof createIntakeLinksRepo>;
