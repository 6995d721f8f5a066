/**
 * The one statement rule 6 reads before each send (and at enqueue in personal-key states): the
 * license's facility key, the actor's own key for its state (and whether that key covers the
 * license), the vendor key for each one's environment, and the organization's policy for the
 * state, joined on the license row. One read instead of four — on PostgreSQL four round trips
 * and socket writes per request. Read fresh on every call; only the SQL text is kept
 * (src/db/precompiled-query.ts). The tables stay owned by their repos (credentials, vendor keys,
 * key-policies): this file only reads them (as ADR 0017's enqueue-reads-repo does).
 */
import { type Kysely, sql } from 'kysely';
import type { UploadKeyRow } from '../credentials/index.ts';
import { type DB, precompile } from '../db/index.ts';

/** A key rule 6 may choose, with the vendor key for its state and environment (null: none set). */
export type RoutableKey = UploadKeyRow & {
  vendor: Pick<UploadKeyRow, 'secret_ref' | 'sealed_key'> | null;
};

export interface RouteReads {
  own: (RoutableKey & { covers: boolean }) | null;
  facility: RoutableKey | null;
  /** The stored policy (null: the state's default). */
  policyRequired: boolean | null;
}

const KEY_COLUMNS = [
  'id',
  'status',
  'fingerprint',
  'environment',
  'secret_ref',
  'sealed_key',
] as const;

export function createRouteReadsRepo(db: Kysely<DB>) {
  const query = precompile(
    db,
    (a: { organizationId: number; licenseId: number; actorUserId: number | null }) =>
      db
        .selectFrom('licenses as l')
        .leftJoin('credential_licenses as fl', (join) =>
          join
            .onRef('fl.license_id', '=', 'l.id')
            // A literal: SQLite matches a partial index's condition only against literals.
            .on(sql<boolean>`fl.kind = 'facility'`),
        )
        .leftJoin('credentials as f', (join) =>
          join
            .onRef('f.id', '=', 'fl.credential_id')
            .onRef('f.organization_id', '=', 'l.organization_id')
            .on('f.kind', '=', 'facility'),
        )
        .leftJoin('credentials as o', (join) =>
          join
            .onRef('o.organization_id', '=', 'l.organization_id')
            .onRef('o.state', '=', 'l.state')
            .on('o.kind', '=', 'user')
            .on('o.owner_user_id', '=', a.actorUserId),
        )
        .leftJoin('vendor_keys as vf', (join) =>
          join.onRef('vf.state', '=', 'l.state').onRef('vf.environment', '=', 'f.environment'),
        )
        .leftJoin('vendor_keys as vo', (join) =>
          join.onRef('vo.state', '=', 'l.state').onRef('vo.environment', '=', 'o.environment'),
        )
        .leftJoin('personal_key_policies as p', (join) =>
          join
            .onRef('p.organization_id', '=', 'l.organization_id')
            .onRef('p.state', '=', 'l.state'),
        )
        .select(KEY_COLUMNS.map((c) => `f.${c} as f_${c}` as const))
        .select(KEY_COLUMNS.map((c) => `o.${c} as o_${c}` as const))
        .select([
          'vf.secret_ref as f_vendor_secret_ref',
          'vf.sealed_key as f_vendor_sealed_key',
          'vo.secret_ref as o_vendor_secret_ref',
          'vo.sealed_key as o_vendor_sealed_key',
        ])
        .select((eb) =>
          eb
            .exists(
              eb
                .selectFrom('credential_licenses as oc')
                .select('oc.license_id')
                .whereRef('oc.credential_id', '=', 'o.id')
                .whereRef('oc.license_id', '=', 'l.id'),
            )
            .as('o_covers'),
        )
        .select('p.required as policy_required')
        .where('l.id', '=', a.licenseId)
        .where('l.organization_id', '=', a.organizationId)
        .limit(sql.lit(1)),
  );

  return {
    /** Rule 6's inputs for one license and actor; undefined when the license is not there. */
    async routeReads(
      organizationId: number,
      licenseId: number,
      actorUserId: number | null,
    ): Promise<RouteReads | undefined> {
      const row = await query.first({ organizationId, licenseId, actorUserId });
      if (!row) return undefined;
      const own = keyOf(row, 'o');
      return {
        facility: keyOf(row, 'f'),
        own: own && { ...own, covers: Boolean(row.o_covers) },
        policyRequired: row.policy_required === null ? null : row.policy_required === 1,
      };
    },
  };
}

/** The key whose columns carry `prefix` (`f_`, `o_`), or null when its join found none. */
function keyOf(row: Record<string, unknown>, prefix: 'f' | 'o'): RoutableKey | null {
  if (row[`${prefix}_id`] === null) return null;
  const key = Object.fromEntries(
    KEY_COLUMNS.map((c) => [c, row[`${prefix}_${c}`]]),
  ) as UploadKeyRow;
  // Both vendor columns are NOT NULL in their table: null means the join found no vendor key.
  const vendor =
    row[`${prefix}_vendor_secret_ref`] === null
      ? null
      : {
          secret_ref: row[`${prefix}_vendor_secret_ref`] as string,
          sealed_key: row[`${prefix}_vendor_sealed_key`] as string,
        };
  return { ...key, vendor };
}

export type RouteReadsRepo = ReturnType<typeof createRouteReadsRepo>;
