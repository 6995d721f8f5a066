/**
 * The one statement an API-token submission reads before it is written (ADR 0017): its license
 * by number, the member the token names, and the license state's rule-6 policy, joined, so a
 * submission costs one read here instead of three (three round trips on PostgreSQL). Read fresh
 * on every call; only the SQL text is kept (src/db/precompiled-query.ts). The tables stay owned
 * by their repos (licenses, users, key-policies): this file only reads them, read-only.
 */
import { type Kysely, sql } from 'kysely';
import { type DB, type License, precompile } from '../db/index.ts';

export interface EnqueueReadRow extends License {
  /** The named member's user id, or null when that user is no member of the organization. */
  member_user_id: number | null;
  member_external_ref: string | null;
  /** The organization's stored rule-6 policy for the license's state (null: the default). */
  policy_required: number | null;
}

export function createEnqueueReadsRepo(db: Kysely<DB>) {
  const byNumber = precompile(
    db,
    (a: { organizationId: number; upperNumber: string; actorUserId: number }) =>
      db
        .selectFrom('licenses')
        .leftJoin('memberships', (join) =>
          join
            .onRef('memberships.organization_id', '=', 'licenses.organization_id')
            .on('memberships.user_id', '=', a.actorUserId),
        )
        .leftJoin('personal_key_policies', (join) =>
          join
            .onRef('personal_key_policies.organization_id', '=', 'licenses.organization_id')
            .onRef('personal_key_policies.state', '=', 'licenses.state'),
        )
        .selectAll('licenses')
        .select([
          'memberships.user_id as member_user_id',
          'memberships.external_ref as member_external_ref',
          'personal_key_policies.required as policy_required',
        ])
        .where('licenses.organization_id', '=', a.organizationId)
        .where(sql<string>`upper(licenses.number)`, '=', a.upperNumber)
        // The same choice as licenses-repo's findByNumberInAnyState: the first state by name.
        .orderBy('licenses.state')
        .limit(sql.lit(1)),
  );
  return {
    /** The license numbered `number` (any case) with the member `actorUserId` and the policy. */
    byLicenseNumber: (organizationId: number, number: string, actorUserId: number) =>
      byNumber.first({
        organizationId,
        upperNumber: number.toUpperCase(),
        actorUserId,
      }) as Promise<EnqueueReadRow | undefined>,
  };
}

export type EnqueueReadsRepo = ReturnType<typeof createEnqueueReadsRepo>;
