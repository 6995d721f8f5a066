import { type Kysely, type Migration, type MigrationResultSet, Migrator } from 'kysely';
import type { Dialect } from './create-database.ts';
import type { DB } from './db-types.ts';
import { MIGRATIONS } from './migrations/index.ts';

function createMigrator(db: Kysely<DB>, dialect: Dialect): Migrator {
  const migrations: Record<string, Migration> = {};
  for (const [name, module] of MIGRATIONS) {
    migrations[name] = { up: (trx) => module.up(trx, dialect) };
  }
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

/**
 * Applies every pending migration (in one transaction where the dialect allows DDL in one).
 * Safe to run from several processes at once: Kysely takes a lock.
 */
export async function migrateToLatest(db: Kysely<DB>, dialect: Dialect): Promise<string[]> {
  const result: MigrationResultSet = await createMigrator(db, dialect).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const message = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${message}`);
  }
  return (result.results ?? []).map((r) => r.migrationName);
}

/** Names of migrations not yet applied (empty when the schema is current). */
export async function pendingMigrations(db: Kysely<DB>, dialect: Dialect): Promise<string[]> {
  const all = await createMigrator(db, dialect).getMigrations();
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name);
}
