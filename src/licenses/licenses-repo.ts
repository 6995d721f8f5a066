import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import { type DB, type LicensesTable, precompile } from '../db/index.ts';

/** The only code that queries `licenses`. Every query is scoped by organization. */
export function createLicensesRepo(db: Kysely<DB>) {
  // Every submission looks its license up: compiled once (src/db/precompiled-query.ts).
  const byId = precompile(db, (a: { organizationId: number; id: number }) =>
    db
      .selectFrom('licenses')
      .selectAll()
      .where('organization_id', '=', a.organizationId)
      .where('id', '=', a.id),
  );
  const byNumberInAnyState = precompile(db, (a: { organizationId: number; upperNumber: string }) =>
    db
      .selectFrom('licenses')
      .selectAll()
      .where('organization_id', '=', a.organizationId)
      .where(sql<string>`upper(number)`, '=', a.upperNumber)
      .orderBy('state')
      // A literal: SQLite runs `limit 1` in half the time of `limit ?`.
      .limit(sql.lit(1)),
  );
  return {
    list: (organizationId: number) =>
      db
        .selectFrom('licenses')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .orderBy('state')
        .orderBy('number')
        .execute(),
    find: (organizationId: number, id: number, executor = db) =>
      executor === db
        ? byId.first({ organizationId, id })
        : executor
            .selectFrom('licenses')
            .selectAll()
            .where('organization_id', '=', organizationId)
            .where('id', '=', id)
            .executeTakeFirst(),
    findByNumber: (organizationId: number, state: string, number: string, executor = db) =>
      executor
        .selectFrom('licenses')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .where('state', '=', state)
        // License numbers compare case-insensitively (`ca-123` is `CA-123`), on both dialects.
        .where(sql<string>`upper(number)`, '=', number.toUpperCase())
        .executeTakeFirst(),
    /** By number alone (any case); if two states share it, the first state in order. */
    findByNumberInAnyState: (organizationId: number, number: string) =>
      byNumberInAnyState.first({ organizationId, upperNumber: number.toUpperCase() }),
    insert: (values: Insertable<LicensesTable>, executor = db) =>
      executor.insertInto('licenses').values(values).returningAll().executeTakeFirstOrThrow(),
    update: (
      organizationId: number,
      id: number,
      values: Updateable<LicensesTable>,
      executor = db,
    ) =>
      executor
        .updateTable('licenses')
        .set(values)
        .where('organization_id', '=', organizationId)
        .where('id', '=', id)
        .execute(),
    /** Organizations per (state, license type), across the deployment; never rows of one. */
    organizationsPerLicenseType: () =>
      db
        .selectFrom('licenses')
        .select((eb) => [
          'state',
          'license_type',
          eb.fn.count<number>('organization_id').distinct().as('organizations'),
        ])
        .groupBy(['state', 'license_type'])
        .orderBy('state')
        .orderBy('license_type')
        .execute(),
    delete: (organizationId: number, id: number, executor = db) =>
      executor
        .deleteFrom('licenses')
        .where('organization_id', '=', organizationId)
        .where('id', '=', id)
        .execute(),
  };
}

export type LicensesRepo = ReturnType<typeof createLicensesRepo>;
