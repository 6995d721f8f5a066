/**
 * better-sqlite3 behind Kysely with its prepared statements kept: Kysely's SQLite driver calls
 * `prepare(sql)` for every query, and compiling the same SQL again costs more than running it for
 * the small statements hot paths repeat (a sync page's upsert and checkpoint, an outbox claim).
 * A statement that is busy (an unfinished `iterate`) is not shared: a fresh one is prepared.
 */
import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Distinct SQL texts kept; the least recently used goes first. */
const MAX_STATEMENTS = 256;

export function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare(sql: string): SqliteStatement {
      const found = cache.get(sql);
      if (found && !found.busy) {
        // Most recently used last, so the first key is the one to evict.
        cache.delete(sql);
        cache.set(sql, found);
        return found as unknown as SqliteStatement;
      }
      const statement = sqlite.prepare(sql);
      if (!found) {
        cache.set(sql, statement);
        if (cache.size > MAX_STATEMENTS) cache.delete(cache.keys().next().value as string);
      }
      return statement as unknown as SqliteStatement;
    },
  };
}
