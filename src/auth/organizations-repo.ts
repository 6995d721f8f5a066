import type { Kysely } from 'kysely';
import type { DB } from '../db/index.ts';

/** The only code that queries `organizations`. */
export function createOrganizationsRepo(db: Kysely<DB>) {
  return {
    insert: (values: { name: string; slug: string; created_at: string }, executor = db) =>
      executor.insertInto('organizations').values(values).returningAll().executeTakeFirstOrThrow(),
    findById: (id: number) =>
      db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst(),
    findBySlug: (slug: string) =>
      db.selectFrom('organizations').selectAll().where('slug', '=', slug).executeTakeFirst(),
    list: () => db.selectFrom('organizations').selectAll().orderBy('id').execute(),
    count: async () =>
      Number(
        (
          await db
            .selectFrom('organizations')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    rename: (id: number, name: string, executor = db) =>
      executor
        .updateTable('organizations')
        .set({ name })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),
  };
}

export type OrganizationsRepo = ReturnType<typeof createOrganizationsRepo>;
