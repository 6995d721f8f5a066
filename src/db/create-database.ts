import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config/index.ts';
import type { DB } from './db-types.ts';
import { withPreparedStatements } from './pg-prepared-statements.ts';
import {
  type Checkpointer,
  FALLBACK_CHECKPOINT_PAGES,
  startCheckpointer,
} from './sqlite-checkpointer.ts';
import { withStatementCache } from './sqlite-statement-cache.ts';

export type Dialect = 'sqlite' | 'postgres';

/** A Kysely instance plus what callers need to know about it. */
export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  /** SQLite with `checkpointThread`: the thread that checkpoints its WAL. */
  checkpointer?: Checkpointer;
  /** Closes every connection; the instance is unusable afterwards. */
  close(): Promise<void>;
}

/** How long SQLite waits for another writer before failing (another process, e.g. the CLI). */
const SQLITE_BUSY_TIMEOUT_MS = 5_000;
/** Pages of WAL (4 KiB each) before SQLite copies them back into the database file. */
const SQLITE_WAL_CHECKPOINT_PAGES = 1_000;
/** SQLite's page cache per connection, KiB (why: where it is set). */
const SQLITE_CACHE_KIB = 16_384;
const PG_POOL_SIZE = 10;
const PG_INT8_OID = 20;

/**
 * Opens the database described by `config`: embedded SQLite (WAL) or a PostgreSQL pool.
 *
 * @example
 * const { db, close } = createDatabase({ kind: 'sqlite', path: './data/tracegate.db' });
 */
export function createDatabase(
  config: DatabaseConfig,
  options: {
    /**
     * SQLite: checkpoint the WAL on a thread of its own instead of inside commits
     * (sqlite-checkpointer.ts). For long-running processes (`tracegate start`), not for the CLI.
     */
    checkpointThread?: boolean;
  } = {},
): Database {
  if (config.kind === 'sqlite') {
    const onDisk = config.path !== ':memory:';
    if (onDisk) mkdirSync(dirname(config.path), { recursive: true });
    const sqlite = new SQLite(config.path);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    // Deleted secrets' wrapped keys must not linger in free pages.
    sqlite.pragma('secure_delete = ON');
    // A page cache of 16 MiB, not SQLite's 2 MB: the dispatcher reads a page of a license's line
    // and marks it sent 100 ms later, and at 2 MB the 30 requests in between had evicted those
    // pages (drain: the `sent` update 1.01 → 0.90 ms, the line read 0.56 → 0.43 ms, at +0 MB of
    // peak worker RSS; 32 MiB gained nothing more and cost 15 MB). It grows only as pages are used.
    sqlite.pragma(`cache_size = -${SQLITE_CACHE_KIB}`);
    sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    // Checkpoint every 4 MB of WAL (SQLite's default). The checkpoint runs inside the commit that
    // crosses it, on the event loop: at 32 MB that commit stalled every request in flight for
    // ~30 ms (ingest p99 36–46 ms against 16–24 ms at 4 MB), while the drain and sync benches
    // showed no difference between the two.
    const checkpointer =
      options.checkpointThread && onDisk ? startCheckpointer(config.path) : undefined;
    sqlite.pragma(
      `wal_autocheckpoint = ${checkpointer ? FALLBACK_CHECKPOINT_PAGES : SQLITE_WAL_CHECKPOINT_PAGES}`,
    );
    const db = new Kysely<DB>({
      dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    });
    return {
      db,
      dialect: 'sqlite',
      ...(checkpointer && { checkpointer }),
      close: async () => {
        await checkpointer?.close();
        await db.destroy();
      },
    };
  }
  const pool = new pg.Pool({
    connectionString: config.url,
    max: PG_POOL_SIZE,
    // Our prepared statements (pg-prepared-statements.ts) look rows up by key: their plan does
    // not depend on the values, so each is planned once per connection instead of five times
    // before PostgreSQL would settle on the same generic plan.
    options: '-c plan_cache_mode=force_generic_plan',
    // count(*) and bigint columns arrive as strings by default; ours fit in a double.
    types: {
      getTypeParser: (oid: number, format?: string) =>
        oid === PG_INT8_OID
          ? (value: string) => Number(value)
          : pg.types.getTypeParser(oid, format as 'text'),
    },
  });
  // An idle connection can die (server restart, admin terminate); without a listener node would
  // crash on the 'error' event. The pool drops that connection and the next query reconnects.
  pool.on('error', () => {});
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool: withPreparedStatements(pool) }),
  });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}
