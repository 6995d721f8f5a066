import type { Kysely } from 'kysely';
import type { Dialect } from '../create-database.ts';
import * as m0001 from './0001-foundation.ts';
import * as m0002 from './0002-vault.ts';
import * as m0003 from './0003-credentials.ts';
import * as m0007 from './0007-outbox.ts';

interface MigrationModule {
  up(db: Kysely<unknown>, dialect: Dialect): Promise<void>;
}

/**
 * Every migration, in order. Append-only: never edit a migration that has shipped; add the next
 * number instead, then run `npm run schema:snapshot`.
 */
export const MIGRATIONS: ReadonlyArray<readonly [name: string, module: MigrationModule]> = [
  ['0001-foundation', m0001],
  ['0002-vault', m0002],
  ['0003-credentials', m0003],
  ['0007-outbox', m0007],
];
