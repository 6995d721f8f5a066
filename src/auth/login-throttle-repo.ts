import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/index.ts';

/** The only code that queries `login_throttle`. */
export function createLoginThrottleRepo(db: Kysely<DB>) {
  return {
    /**
     * Counts one attempt in `key`'s current window (opening a new one when the last ended), in
     * one statement, so concurrent attempts from any process each see a distinct count.
     */
    hit: (key: string, now: string, windowEndsAt: string) =>
      db
        .insertInto('login_throttle')
        .values({ throttle_key: key, attempts: 1, window_ends_at: windowEndsAt })
        .onConflict((oc) =>
          oc.column('throttle_key').doUpdateSet({
            attempts: sql<number>`case when login_throttle.window_ends_at <= ${now} then 1 else login_throttle.attempts + 1 end`,
            window_ends_at: sql<string>`case when login_throttle.window_ends_at <= ${now} then excluded.window_ends_at else login_throttle.window_ends_at end`,
          }),
        )
        .returning(['attempts', 'window_ends_at'])
        .executeTakeFirstOrThrow(),
    /** Gives one attempt back (a correct password is not a failure). */
    refund: async (key: string) => {
      await db
        .updateTable('login_throttle')
        .set({ attempts: sql<number>`attempts - 1` })
        .where('throttle_key', '=', key)
        .where('attempts', '>', 0)
        .execute();
    },
    clear: async (key: string) => {
      await db.deleteFrom('login_throttle').where('throttle_key', '=', key).execute();
    },
    purgeEnded: async (now: string) => {
      const result = await db
        .deleteFrom('login_throttle')
        .where('window_ends_at', '<=', now)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export type LoginThrottleRepo = ReturnType<typeof createLoginThrottleRepo>;
