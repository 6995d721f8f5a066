/** The only code that queries `personal_key_policies` (rule 6, per organization and state). */
import type { Kysely } from 'kysely';
import { personalKeyRequiredByDefault } from '../credentials/index.ts';
import { type DB, precompile } from '../db/index.ts';

export function createKeyPoliciesRepo(db: Kysely<DB>) {
  // Every submission reads it: compiled once (src/db/precompiled-query.ts).
  const requiredQuery = precompile(db, (a: { organizationId: number; state: string }) =>
    db
      .selectFrom('personal_key_policies')
      .select('required')
      .where('organization_id', '=', a.organizationId)
      .where('state', '=', a.state),
  );
  return {
    /** Whether uploads in this state must go out under the actor's own key. */
    async personalKeyRequired(organizationId: number, state: string): Promise<boolean> {
      const row = await requiredQuery.first({ organizationId, state });
      return row ? row.required === 1 : personalKeyRequiredByDefault(state);
    },

    async set(
      organizationId: number,
      state: string,
      required: boolean,
      updatedAt: string,
      executor = db,
    ) {
      await executor
        .insertInto('personal_key_policies')
        .values({
          organization_id: organizationId,
          state,
          required: required ? 1 : 0,
          updated_at: updatedAt,
        })
        .onConflict((oc) =>
          oc
            .columns(['organization_id', 'state'])
            .doUpdateSet({ required: required ? 1 : 0, updated_at: updatedAt }),
        )
        .execute();
    },

    list: (organizationId: number) =>
      db
        .selectFrom('personal_key_policies')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .execute(),
  };
}

export type KeyPoliciesRepo = ReturnType<typeof createKeyPoliciesRepo>;
