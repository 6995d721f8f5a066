import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../create-database.ts';

/**
 * A counter per organization (and one, scope 0, for the platform's vendor keys) that every change
 * to what rule 6 reads bumps in the same transaction, by trigger: keys (their status, key,
 * owner, state, kind), which licenses they cover, vendor keys, personal-key policies. The
 * dispatcher reads it with each page of a license's line (one snapshot) and keeps a drain's
 * routes while it is unchanged, instead of reading them again for every request (one statement
 * per request; src/outbox/license-drain.ts, test/outbox/outbox-route-changes.test.ts, ADR 0020).
 * Triggers, not application code, so no writer of these tables can forget; `last_used_at` and
 * the other stamps are not in the column lists, so using a key does not bump it.
 */
const WATCHED = [
  {
    table: 'credentials',
    scope: 'organization_id',
    columns: [
      'organization_id',
      'state',
      'environment',
      'kind',
      'owner_user_id',
      'secret_ref',
      'sealed_key',
      'fingerprint',
      'status',
    ],
  },
  {
    table: 'credential_licenses',
    scope: 'organization_id',
    columns: ['credential_id', 'license_id', 'organization_id', 'provider', 'kind'],
  },
  {
    table: 'personal_key_policies',
    scope: 'organization_id',
    columns: ['organization_id', 'state', 'required'],
  },
  {
    table: 'vendor_keys',
    scope: null,
    columns: ['state', 'environment', 'secret_ref', 'sealed_key', 'fingerprint'],
  },
] as const;

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('routing_versions')
    .addColumn('scope', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .execute();
  if (dialect === 'postgres') {
    await sql`
      create function bump_routing_version() returns trigger
        language plpgsql
      as $$
      declare
        s integer;
      begin
        if tg_argv[0] = 'platform' then
          s := 0;
        elsif tg_op = 'DELETE' then
          s := old.organization_id;
        else
          s := new.organization_id;
        end if;
        insert into routing_versions (scope, seq) values (s, 1)
          on conflict (scope) do update set seq = routing_versions.seq + 1;
        return null;
      end
      $$`.execute(db);
    for (const { table, scope, columns } of WATCHED) {
      await sql`
        create trigger ${sql.raw(`${table}_routing_version`)}
          after insert or delete or update of ${sql.raw(columns.join(', '))}
          on ${sql.table(table)}
          for each row execute function bump_routing_version(${sql.lit(scope ? 'organization' : 'platform')})`.execute(
        db,
      );
    }
    return;
  }
  for (const { table, scope, columns } of WATCHED) {
    const events = [
      ['insert', 'insert', 'new'],
      ['delete', 'delete', 'old'],
      ['update', `update of ${columns.join(', ')}`, 'new'],
    ] as const;
    for (const [name, event, row] of events) {
      const scopeValue = scope ? `${row}.${scope}` : '0';
      await sql`
        create trigger ${sql.raw(`${table}_routing_version_${name}`)}
          after ${sql.raw(event)} on ${sql.table(table)}
        begin
          insert into routing_versions (scope, seq) values (${sql.raw(scopeValue)}, 1)
            on conflict (scope) do update set seq = seq + 1;
        end`.execute(db);
    }
  }
}
