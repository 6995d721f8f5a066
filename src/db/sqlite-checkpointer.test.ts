import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { sql } from 'kysely';
import { createDatabase } from './create-database.ts';
import { FALLBACK_CHECKPOINT_PAGES } from './sqlite-checkpointer.ts';

const dir = mkdtempSync(join(tmpdir(), 'tg-checkpointer-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The thread's first checkpoint, begun after the caller's commit, that copied a whole WAL of at
 * least `frames` frames. Bounded wait.
 */
async function fullCheckpoint(
  next: () => Promise<{ walFrames: number; copiedFrames: number }>,
  frames: number,
) {
  // The first answer may come from a checkpoint that began before the caller's commit.
  await next();
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const result = await next();
    if (result.walFrames >= frames && result.copiedFrames === result.walFrames) return result;
  }
  throw new Error('the checkpoint thread never copied the whole WAL');
}

test('the WAL is checkpointed by its own thread, not by commits, and stays bounded', async () => {
  const path = join(dir, 'a.db');
  const database = createDatabase({ kind: 'sqlite', path }, { checkpointThread: true });
  const { db, checkpointer } = database;
  assert.ok(checkpointer, 'a file database gets the thread');
  try {
    const autocheckpoint = await sql<{
      wal_autocheckpoint: number;
    }>`pragma wal_autocheckpoint`.execute(db);
    assert.equal(
      autocheckpoint.rows[0]?.wal_autocheckpoint,
      FALLBACK_CHECKPOINT_PAGES,
      'commits checkpoint only past the fallback',
    );
    await sql`create table t (id integer primary key, body text not null)`.execute(db);
    const body = 'x'.repeat(1_000);
    let id = 0;
    for (let round = 0; round < 10; round++) {
      // About 2 MB per round: 20 MB in all, if the WAL were never reset.
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < 2_000; i++) {
          await sql`insert into t (id, body) values (${++id}, ${body})`.execute(trx);
        }
      });
      // 2 MB is at least 500 pages of 4 KiB: all in the WAL, then all copied by the thread.
      await fullCheckpoint(checkpointer.nextCheckpoint, 500);
    }
    const walBytes = statSync(`${path}-wal`).size;
    assert.ok(walBytes < 8 * 1024 * 1024, `the WAL is reused, not grown: ${walBytes} bytes`);
    const count = await sql<{ n: number }>`select count(*) as n from t`.execute(db);
    assert.equal(count.rows[0]?.n, 20_000);
  } finally {
    await database.close();
  }
});

test('without the option (the CLI, tests) no thread starts and commits checkpoint as before', async () => {
  const database = createDatabase({ kind: 'sqlite', path: join(dir, 'b.db') });
  try {
    assert.equal(database.checkpointer, undefined);
    const autocheckpoint = await sql<{
      wal_autocheckpoint: number;
    }>`pragma wal_autocheckpoint`.execute(database.db);
    assert.ok((autocheckpoint.rows[0]?.wal_autocheckpoint ?? 0) < FALLBACK_CHECKPOINT_PAGES);
  } finally {
    await database.close();
  }
  const memory = createDatabase({ kind: 'sqlite', path: ':memory:' }, { checkpointThread: true });
  assert.equal(memory.checkpointer, undefined, 'an in-memory database has no WAL to copy');
  await memory.close();
});
