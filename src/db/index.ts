export { createDatabase, type Database, type Dialect } from './create-database.ts';
export type * from './db-types.ts';
export { describeSchema } from './describe-schema.ts';
export { migrateToLatest, pendingMigrations } from './migrate.ts';
export { type PrecompiledQuery, precompile, precompileRows } from './precompiled-query.ts';
export { readSchemaSnapshot, schemaSnapshotPath } from './schema-snapshot.ts';
