import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import pg from 'pg';
import {
  createDatabase,
  type Database,
  type Dialect,
  migrateToLatest,
} from '../../src/db/index.ts';

export const TEST_PG_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const DIALECTS: readonly Dialect[] = ['sqlite', 'postgres'];

/** Whether PostgreSQL answers; under CI=true an unreachable server fails the run instead. */
const pgProblem = await probePostgres();
if (pgProblem && process.env.CI === 'true') {
  throw new Error(
    `PostgreSQL is required under CI=true but unreachable at ${TEST_PG_URL}: ${pgProblem}`,
  );
}

async function probePostgres(): Promise<string | null> {
  const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

/** A fresh, migrated database that exists only for one test file. */
export interface TestDatabase extends Database {
  /** Where the raw data lives: the SQLite file path, or the PostgreSQL database URL. */
  location: string;
  /** Closes and deletes it. */
  drop(): Promise<void>;
}

/**
 * Creates a uniquely named, migrated database: a temp SQLite file (WAL, as in production) or a
 * new PostgreSQL database on `TEST_PG_URL`.
 */
export async function createTestDatabase(
  dialect: Dialect,
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const name = `tg_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  let database: Database;
  let location: string;
  let cleanup: () => Promise<void>;
  if (dialect === 'sqlite') {
    location = join(tmpdir(), `${name}.db`);
    database = createDatabase({ kind: 'sqlite', path: location });
    cleanup = async () => {
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${location}${suffix}`, { force: true });
    };
  } else {
    const admin = new pg.Client({ connectionString: TEST_PG_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(TEST_PG_URL);
    url.pathname = `/${name}`;
    location = url.toString();
    database = createDatabase({ kind: 'postgres', url: location });
    cleanup = async () => {
      const client = new pg.Client({ connectionString: TEST_PG_URL });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    };
  }
  if (options.migrate !== false) await migrateToLatest(database.db, dialect);
  return {
    ...database,
    location,
    drop: async () => {
      await database.close();
      await cleanup();
    },
  };
}

/** What `describeEachDialect` hands to the suite body. */
export interface DialectContext {
  dialect: Dialect;
  /** The file's database; valid inside tests and hooks (created in `before`). */
  readonly database: TestDatabase;
}

/**
 * Runs the same suite on SQLite and on PostgreSQL, each on a fresh database for this file. The
 * dialect is in the suite name, so the test output shows which ran where.
 *
 * @example
 * describeEachDialect('users repo', (ctx) => {
 *   it('creates a user', async () => { await createUsersRepo(ctx.database.db).insert(...) });
 * });
 */
export function describeEachDialect(
  name: string,
  body: (ctx: DialectContext) => void,
  options: { migrate?: boolean } = {},
): void {
  for (const dialect of DIALECTS) {
    const skip =
      dialect === 'postgres' && pgProblem ? `PostgreSQL unreachable: ${pgProblem}` : false;
    describe(`${name} [${dialect}]`, { skip }, () => {
      let database: TestDatabase | undefined;
      const ctx: DialectContext = {
        dialect,
        get database() {
          if (!database) throw new Error('test database used before `before` ran');
          return database;
        },
      };
      before(async () => {
        database = await createTestDatabase(dialect, options);
      });
      after(async () => {
        await database?.drop();
      });
      body(ctx);
    });
  }
}
