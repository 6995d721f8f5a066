/**
 * PostgreSQL behind Kysely with the hot statements prepared: a statement whose text starts with
 * PREPARED_MARK (precompiled-query.ts adds it) runs as a named prepared statement, so each
 * connection parses it once and PostgreSQL may keep a generic plan instead of planning it on
 * every run. Planning the rule-6 route read (seven tables) cost PostgreSQL about 2 ms per
 * request and running it 0.15 ms. Only marked texts are named: they are a fixed set (compiled
 * once each), so every connection holds a bounded number of prepared statements.
 */
import { createHash } from 'node:crypto';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/** Starts the SQL text of a statement worth preparing (a comment: harmless to any database). */
export const PREPARED_MARK = '/* prepared */ ';

const names = new Map<string, string>();

/** The statement's name: the same text always gets the same name, within 63 characters. */
function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `tg_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
    names.set(text, name);
  }
  return name;
}

export function withPreparedStatements(pool: pg.Pool): PostgresPool {
  // One wrapper per pooled connection, made once: Kysely takes a connection for every query.
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    // Kysely passes SQL text and values, or a cursor (forwarded as it is).
    const query = (text: unknown, values?: readonly unknown[]) =>
      typeof text === 'string' && text.startsWith(PREPARED_MARK)
        ? client.query({ name: nameOf(text), text, values: values as unknown[] })
        : client.query(text as string, values as unknown[]);
    return {
      release: () => client.release(),
      query: query as unknown as PostgresPoolClient['query'],
    };
  };
  return {
    end: () => pool.end(),
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      let found = wrapped.get(client);
      if (!found) {
        found = wrap(client);
        wrapped.set(client, found);
      }
      return found;
    },
  };
}
