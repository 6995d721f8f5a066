/**
 * Which licenses sync, read from the licenses and credentials features' tables (read only): every
 * license with a facility key, with that key's state and status (rule 6: downloads use it).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/index.ts';

export function createSyncTargetsRepo(db: Kysely<DB>) {
  const base = () =>
    db
      .selectFrom('licenses')
      .leftJoin('credential_licenses', (join) =>
        join
          .onRef('credential_licenses.license_id', '=', 'licenses.id')
          .on('credential_licenses.kind', '=', 'facility'),
      )
      .leftJoin('credentials', 'credentials.id', 'credential_licenses.credential_id')
      .leftJoin('sync_leases', 'sync_leases.license_id', 'licenses.id')
      .select([
        'licenses.id as license_id',
        'licenses.organization_id',
        'licenses.number',
        'licenses.state',
        'licenses.facility_type',
        'credentials.id as credential_id',
        'credentials.status as credential_status',
        'credentials.status_changed_at as credential_status_changed_at',
        'sync_leases.paused_at',
        'sync_leases.paused_reason',
        'sync_leases.refresh_requested_at',
        'sync_leases.refresh_resource',
      ]);
  return {
    /** Every license of every organization that has a facility key. */
    all: () => base().where('credentials.id', 'is not', null).orderBy('licenses.id').execute(),
    ofOrganization: (organizationId: number) =>
      base()
        .where('licenses.organization_id', '=', organizationId)
        .orderBy('licenses.number')
        .execute(),
    one: (organizationId: number, licenseId: number) =>
      base()
        .where('licenses.organization_id', '=', organizationId)
        .where('licenses.id', '=', licenseId)
        .executeTakeFirst(),
    byNumber: (organizationId: number, number: string) =>
      base()
        .where('licenses.organization_id', '=', organizationId)
        .where('licenses.number', '=', number)
        .executeTakeFirst(),
    /** The sealed facility key and where it is valid. */
    sealedKey: (credentialId: number) =>
      db
        .selectFrom('credentials')
        .select([
          'id',
          'organization_id',
          'state',
          'environment',
          'status',
          'secret_ref',
          'sealed_key',
        ])
        .where('id', '=', credentialId)
        .executeTakeFirst(),
  };
}

export type SyncTargetsRepo = ReturnType<typeof createSyncTargetsRepo>;
export type SyncTarget = NonNullable<Awaited<ReturnType<SyncTargetsRepo['one']>>>;
