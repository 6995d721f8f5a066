import type { Kysely } from 'kysely';
import type { Dialect } from '../create-database.ts';
import * as m0001 from './0001-foundation.ts';
import * as m0002 from './0002-vault.ts';
import * as m0003 from './0003-credentials.ts';
import * as m0004 from './0004-groundwork.ts';
import * as m0005 from './0005-hardening.ts';
import * as m0006 from './0006-idempotency-and-login.ts';
import * as m0007 from './0007-outbox.ts';
import * as m0008 from './0008-sync.ts';
import * as m0009 from './0009-alerts.ts';
import * as m0010 from './0010-package-ledger-index.ts';
import * as m0011 from './0011-outbox-drain-indexes.ts';
import * as m0012 from './0012-lease-in-flight.ts';
import * as m0013 from './0013-audit-chain-head-function.ts';
import * as m0014 from './0014-routing-versions.ts';

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
  ['0004-groundwork', m0004],
  ['0005-hardening', m0005],
  ['0006-idempotency-and-login', m0006],
  ['0007-outbox', m0007],
  ['0008-sync', m0008],
  ['0009-alerts', m0009],
  ['0010-package-ledger-index', m0010],
  ['0011-outbox-drain-indexes', m0011],
  ['0012-lease-in-flight', m0012],
  ['0013-audit-chain-head-function', m0013],
  ['0014-routing-versions', m0014],
];
