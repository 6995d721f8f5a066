import { readFileSync } from 'node:fs';
import type { Dialect } from './create-database.ts';

/** Where the committed schema description of each dialect lives. */
export function schemaSnapshotPath(dialect: Dialect): URL {
  return new URL(`./schema/${dialect}.sql`, import.meta.url);
}

export function readSchemaSnapshot(dialect: Dialect): string {
  return readFileSync(schemaSnapshotPath(dialect), 'utf8');
}
