import assert from 'node:assert/strict';
import { test } from 'node:test';
import SQLite from 'better-sqlite3';
import { withStatementCache } from './sqlite-statement-cache.ts';

test('the same SQL reuses its prepared statement; one still iterating is not shared', () => {
  const sqlite = new SQLite(':memory:');
  const db = withStatementCache(sqlite);
  db.prepare('create table t (n integer)').run([]);
  const insert = db.prepare('insert into t (n) values (?)');
  assert.equal(db.prepare('insert into t (n) values (?)'), insert);
  for (let n = 1; n <= 3; n++) insert.run([n]);

  const select = 'select n from t order by n';
  const iterating = db.prepare(select).iterate([]) as IterableIterator<{ n: number }>;
  assert.equal(iterating.next().value?.n, 1);
  // While the first is mid-iteration, the same SQL gets a statement of its own.
  const again = db.prepare(select);
  assert.deepEqual(
    (again.all([]) as { n: number }[]).map((r) => r.n),
    [1, 2, 3],
  );
  iterating.return?.();
  db.close();
});
