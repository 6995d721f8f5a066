/**
 * Wake-ups for the dispatcher: "a license has new work". In one process an in-memory signal;
 * with PostgreSQL also LISTEN/NOTIFY, so an API process wakes the workers at once. The
 * dispatcher also polls, so a lost notification only delays, never loses, work.
 */
import { EventEmitter } from 'node:events';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import type { DB } from '../db/index.ts';
import type { Logger } from '../lib/index.ts';

export const OUTBOX_CHANNEL = 'tracegate_outbox';
const RECONNECT_MS = 1_000;

export interface OutboxNotifier {
  /** Call after the transaction that created the work has committed. */
  notify(): void;
  subscribe(listener: () => void): () => void;
  close(): Promise<void>;
}

export function createLocalNotifier(): OutboxNotifier {
  const events = new EventEmitter();
  events.setMaxListeners(0);
  return {
    notify: () => {
      events.emit('wake');
    },
    subscribe(listener) {
      events.on('wake', listener);
      return () => events.off('wake', listener);
    },
    close: async () => {
      events.removeAllListeners();
    },
  };
}

/** LISTEN on a dedicated connection (reconnecting), NOTIFY through the pool. */
export function createPostgresNotifier(deps: {
  db: Kysely<DB>;
  url: string;
  logger: Logger;
}): OutboxNotifier {
  const local = createLocalNotifier();
  let client: pg.Client | null = null;
  let closed = false;
  let listening = false;

  async function listen() {
    if (closed || listening) return;
    listening = true;
    const next = new pg.Client({ connectionString: deps.url });
    next.on('notification', () => local.notify());
    next.on('error', () => {
      listening = false;
      client = null;
      next.end().catch(() => {});
      if (!closed) setTimeout(() => void listen(), RECONNECT_MS).unref();
    });
    try {
      await next.connect();
      await next.query(`listen ${OUTBOX_CHANNEL}`);
      client = next;
      // Work may have arrived while we were not listening.
      local.notify();
    } catch (error) {
      listening = false;
      deps.logger.warn({ err: error }, 'outbox: LISTEN failed; polling until it works');
      await next.end().catch(() => {});
      if (!closed) setTimeout(() => void listen(), RECONNECT_MS).unref();
    }
  }

  return {
    notify() {
      local.notify();
      sql`select pg_notify(${OUTBOX_CHANNEL}, '')`.execute(deps.db).catch(() => {});
    },
    subscribe(listener) {
      void listen();
      return local.subscribe(listener);
    },
    async close() {
      closed = true;
      await local.close();
      await client?.end().catch(() => {});
    },
  };
}
