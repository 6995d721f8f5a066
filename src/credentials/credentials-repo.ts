import type { Insertable, Kysely, Updateable } from 'kysely';
import type { CredentialRow, CredentialsTable, DB } from '../db/index.ts';

/** A credential with the licenses it is assigned to. */
export interface CredentialWithLicenses extends CredentialRow {
  licenses: Array<{ id: number; number: string; name: string }>;
}

/** A credential as rule 6 chooses it and the outbox opens it (outbox/route-reads-repo.ts). */
export type UploadKeyRow = Pick<
  CredentialRow,
  'id' | 'status' | 'fingerprint' | 'environment' | 'secret_ref' | 'sealed_key'
>;

/**
 * The only code that writes `credentials` and `credential_licenses`, and reads them but for one
 * read-only join the outbox makes per send (outbox/route-reads-repo.ts). Scoped by organization.
 */
export function createCredentialsRepo(db: Kysely<DB>) {
  async function withLicenses(
    rows: CredentialRow[],
    executor = db,
  ): Promise<CredentialWithLicenses[]> {
    if (rows.length === 0) return [];
    const links = await executor
      .selectFrom('credential_licenses')
      .innerJoin('licenses', 'licenses.id', 'credential_licenses.license_id')
      .select([
        'credential_licenses.credential_id',
        'licenses.id',
        'licenses.number',
        'licenses.name',
      ])
      .where(
        'credential_licenses.credential_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('licenses.number')
      .execute();
    return rows.map((row) => ({
      ...row,
      licenses: links
        .filter((l) => l.credential_id === row.id)
        .map(({ id, number, name }) => ({ id, number, name })),
    }));
  }

  return {
    insert: (values: Insertable<CredentialsTable>, executor = db) =>
      executor.insertInto('credentials').values(values).returningAll().executeTakeFirstOrThrow(),

    update: (
      organizationId: number,
      id: number,
      values: Updateable<CredentialsTable>,
      executor = db,
    ) =>
      executor
        .updateTable('credentials')
        .set(values)
        .where('organization_id', '=', organizationId)
        .where('id', '=', id)
        .execute(),

    /**
     * Stamps a key's last use unless a stamp after `notBefore` is there already: a key
     * used by many licenses at once is then written about once per interval, not once per
     * upload (on PostgreSQL every upload of the organization waited on this one row's lock).
     */
    touchUsed: (organizationId: number, id: number, at: string, notBefore: string, executor = db) =>
      executor
        .updateTable('credentials')
        .set({ last_used_at: at })
        .where('organization_id', '=', organizationId)
        .where('id', '=', id)
        .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', notBefore)]))
        .execute(),

    delete: (organizationId: number, id: number, executor = db) =>
      executor
        .deleteFrom('credentials')
        .where('organization_id', '=', organizationId)
        .where('id', '=', id)
        .execute(),

    find: async (organizationId: number, id: number, executor = db) => {
      const row = await executor
        .selectFrom('credentials')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? (await withLicenses([row], executor))[0] : undefined;
    },

    list: async (organizationId: number, filter: { state?: string; ownerUserId?: number } = {}) => {
      let query = db
        .selectFrom('credentials')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .orderBy('state')
        .orderBy('kind')
        .orderBy('id');
      if (filter.state) query = query.where('state', '=', filter.state);
      if (filter.ownerUserId !== undefined)
        query = query.where('owner_user_id', '=', filter.ownerUserId);
      return withLicenses(await query.execute());
    },

    /** Every credential of every organization (for scheduled health checks). */
    listAllIds: () =>
      db.selectFrom('credentials').select(['id', 'organization_id', 'last_verified_at']).execute(),

    findUserCredential: (
      organizationId: number,
      state: string,
      ownerUserId: number,
      executor = db,
    ) =>
      executor
        .selectFrom('credentials')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .where('kind', '=', 'user')
        .where('state', '=', state)
        .where('owner_user_id', '=', ownerUserId)
        .executeTakeFirst(),

    /** Facility credentials already holding any of these licenses (rule 4). */
    facilityHolders: (licenseIds: number[], executor = db) =>
      licenseIds.length === 0
        ? Promise.resolve([])
        : executor
            .selectFrom('credential_licenses')
            .innerJoin('licenses', 'licenses.id', 'credential_licenses.license_id')
            .select([
              'credential_licenses.credential_id',
              'licenses.id as license_id',
              'licenses.number',
            ])
            .where('credential_licenses.kind', '=', 'facility')
            .where('credential_licenses.license_id', 'in', licenseIds)
            .execute(),

    setLicenses: async (
      credential: Pick<CredentialRow, 'id' | 'organization_id' | 'provider' | 'kind'>,
      licenseIds: number[],
      executor = db,
    ) => {
      await executor
        .deleteFrom('credential_licenses')
        .where('credential_id', '=', credential.id)
        .execute();
      if (licenseIds.length === 0) return;
      await executor
        .insertInto('credential_licenses')
        .values(
          licenseIds.map((license_id) => ({
            credential_id: credential.id,
            license_id,
            organization_id: credential.organization_id,
            provider: credential.provider,
            kind: credential.kind,
          })),
        )
        .execute();
    },

    /** Every license of the organization that has a facility key, with that key's status. */
    facilityKeysByLicense: (organizationId: number) =>
      db
        .selectFrom('credential_licenses')
        .innerJoin('credentials', 'credentials.id', 'credential_licenses.credential_id')
        .select([
          'credential_licenses.license_id',
          'credentials.id as credential_id',
          'credentials.status',
          'credentials.state',
          'credentials.environment',
          'credentials.verification_report',
        ])
        .where('credentials.organization_id', '=', organizationId)
        .where('credential_licenses.kind', '=', 'facility')
        .execute(),
  };
}

export type CredentialsRepo = ReturnType<typeof createCredentialsRepo>;
