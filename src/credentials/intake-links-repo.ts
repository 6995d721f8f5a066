import type { Kysely } from 'kysely';
import type { CredentialIntakeLink, DB } from '../db/index.ts';

/** The only code that queries `credential_intake_links`. */
export function createIntakeLinksRepo(db: Kysely<DB>) {
  return {
    insert: (
      values: Omit<CredentialIntakeLink, 'id' | 'used_at' | 'revoked_at' | 'failed_attempts'>,
    ) =>
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
    /**
     * Claims the link before the save: marks it used only if it is still unused, unrevoked and
     * not locked, in one statement, so of two concurrent submits exactly one wins.
     */
    claim: async (id: number, at: string, maxWrongKeys: number) => {
      const result = await db
        .updateTable('credential_intake_links')
        .set({ used_at: at })
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null)
        .where('failed_attempts', '<', maxWrongKeys)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    /** Gives a claimed link back after a failed save, counting the wrong key when it was one. */
    release: (id: number, at: string, wrongKey: boolean) =>
      db
        .updateTable('credential_intake_links')
        .set((eb) => ({
          used_at: null,
          failed_attempts: wrongKey ? eb('failed_attempts', '+', 1) : eb.ref('failed_attempts'),
        }))
        .where('id', '=', id)
        .where('used_at', '=', at)
        .execute(),
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
