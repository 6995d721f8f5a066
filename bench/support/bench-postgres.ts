/**
 * A throwaway PostgreSQL database for one bench run, reached the way a deployment with the
 * database on the same host should reach it: over the server's Unix socket when there is one.
 * On the two-core guests these benches run on, a statement over loopback TCP cost the client and
 * the backend ≈ 15 % more CPU than over the socket (the whole drain: 8.5–8.9 against 10.1–11.0
 * ms of machine CPU per request). BENCH_PG_VIA=tcp forces 127.0.0.1:5432; the bench's JSON line
 * says which was used (`pgVia`).
 */

import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import pg from 'pg';

const SOCKET_DIR = '/var/run/postgresql';
const ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export type PgVia = 'unix-socket' | 'tcp';

function benchPgVia(): PgVia {
  if (process.env.BENCH_PG_VIA === 'tcp') return 'tcp';
  return existsSync(`${SOCKET_DIR}/.s.PGSQL.5432`) ? 'unix-socket' : 'tcp';
}

/** Creates the database; `drop` removes it (forcing out any connection left). */
export async function createBenchPgDatabase(): Promise<{
  url: string;
  via: PgVia;
  drop: () => Promise<void>;
}> {
  const name = `tg_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const via = benchPgVia();
  const url =
    via === 'unix-socket'
      ? `postgres://postgres@localhost/${name}?host=${SOCKET_DIR}`
      : `postgres://postgres@127.0.0.1:5432/${name}`;
  return {
    url,
    via,
    drop: async () => {
      const dropper = new pg.Client({ connectionString: ADMIN_URL });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
