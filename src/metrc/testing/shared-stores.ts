/**
 * PostgreSQL and Redis for shared-store tests: a uniquely named table or key prefix per test
 * file, dropped afterwards. When a server is unreachable the tests skip, except under CI=true.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';

/** Same variable and default as `test/helpers/test-db.ts`; code under src/ never imports tests. */
export const TEST_PG_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** null when PostgreSQL answers, else why not. */
export async function postgresProblem(): Promise<string | null> {
  const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => {});
  }
}

/** null when Redis answers, else why not. */
export async function redisProblem(): Promise<string | null> {
  const client = new Redis(TEST_REDIS_URL, {
    lazyConnect: true,
    connectTimeout: 2_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
    return null;
  } catch (error) {
    return (error as Error).message;
  } finally {
    client.disconnect();
  }
}

/** Skip reason for node:test, or throw under CI where the servers must be there. */
export function skipUnless(problem: string | null, what: string): string | false {
  if (problem === null) return false;
  if (process.env.CI === 'true') throw new Error(`${what} is required under CI=true: ${problem}`);
  return `${what} unreachable: ${problem}`;
}
