import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { it } from 'node:test';
import { sql } from 'kysely';
import { tempDir } from '../../test/helpers/temp-dirs.ts';
import { loadConfig } from '../config/index.ts';
import { createDatabase } from './create-database.ts';

const SOCKET_DIR = '/var/run/postgresql';
const noSocket = existsSync(`${SOCKET_DIR}/.s.PGSQL.5432`)
  ? false
  : `no PostgreSQL socket in ${SOCKET_DIR}`;

it("reaches a same-host PostgreSQL over its Unix socket when DATABASE_URL names it (the README's advice)", {
  skip: noSocket,
}, async () => {
  const config = loadConfig({
    env: { DATABASE_URL: `postgres://postgres@localhost/postgres?host=${SOCKET_DIR}` },
    cwd: tempDir('tg-socket-'),
  });
  assert.equal(config.database.kind, 'postgres');
  const database = createDatabase(config.database);
  try {
    const { rows } = await sql<{ address: string | null }>`
      select inet_server_addr()::text as address`.execute(database.db);
    assert.equal(rows.length, 1);
    // Null only over a Unix socket: the connection did not go through TCP.
    assert.equal(rows[0]?.address, null);
  } finally {
    await database.close();
  }
});
