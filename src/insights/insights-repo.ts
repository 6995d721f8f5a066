import type { Kysely } from 'kysely';
import type { DB } from '../db/index.ts';

/** The only code that queries `insight_opt_ins` and `insight_cohorts`. */
export function createInsightsRepo(db: Kysely<DB>) {
  return {
    optedInOrganizations: async () =>
      (
        await db
          .selectFrom('insight_opt_ins')
          .select('organization_id')
          .where('opted_in', '=', 1)
          .orderBy('organization_id')
          .execute()
      ).map((r) => r.organization_id),

    optIn: (organizationId: number) =>
      db
        .selectFrom('insight_opt_ins')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .executeTakeFirst(),

    setOptIn: (
      organizationId: number,
      optedIn: boolean,
      userId: number | null,
      at: string,
      executor = db,
    ) =>
      executor
        .insertInto('insight_opt_ins')
        .values({
          organization_id: organizationId,
          opted_in: optedIn ? 1 : 0,
          changed_at: at,
          changed_by_user_id: userId,
        })
        .onConflict((oc) =>
          oc.column('organization_id').doUpdateSet({
            opted_in: optedIn ? 1 : 0,
            changed_at: at,
            changed_by_user_id: userId,
          }),
        )
        .execute(),

    cohorts: async () => {
      const rows = await db
        .selectFrom('insight_cohorts')
        .select(['metric', 'group_key', 'organization_ids'])
        .execute();
      return new Map(
        rows.map((r) => [
          `${r.metric}\u0000${r.group_key}`,
          JSON.parse(r.organization_ids) as number[],
        ]),
      );
    },

    saveCohort: (metric: string, groupKey: string, organizationIds: number[], at: string) =>
      db
        .insertInto('insight_cohorts')
        .values({
          metric,
          group_key: groupKey,
          organization_ids: JSON.stringify(organizationIds),
          published_at: at,
        })
        .onConflict((oc) =>
          oc
            .columns(['metric', 'group_key'])
            .doUpdateSet({ organization_ids: JSON.stringify(organizationIds), published_at: at }),
        )
        .execute(),
  };
}

export type InsightsRepo = ReturnType<typeof createInsightsRepo>;
