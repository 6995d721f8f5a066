import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sql } from 'kysely';
import { describeEachDialect } from '../../test/helpers/test-db.ts';
import { describeSchema } from './describe-schema.ts';
import { migrateToLatest, pendingMigrations } from './migrate.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { readSchemaSnapshot } from './schema-snapshot.ts';

describeEachDialect(
  'migrations',
  (ctx) => {
    it('starts with every migration pending', async () => {
      const pending = await pendingMigrations(ctx.database.db, ctx.dialect);
      assert.deepEqual(
        pending,
        MIGRATIONS.map(([name]) => name),
      );
    });

    it('applies them all, then nothing is pending and a second run is a no-op', async () => {
      const applied = await migrateToLatest(ctx.database.db, ctx.dialect);
      assert.equal(applied.length, MIGRATIONS.length);
      assert.deepEqual(await pendingMigrations(ctx.database.db, ctx.dialect), []);
      assert.deepEqual(await migrateToLatest(ctx.database.db, ctx.dialect), []);
    });

    it('matches the committed schema snapshot (run `npm run schema:snapshot` after a migration)', async () => {
      const live = await describeSchema(ctx.database.db, ctx.dialect);
      assert.equal(live, readSchemaSnapshot(ctx.dialect));
    });

    it('stores timestamps as sortable text and booleans as 0/1 on both dialects', async () => {
      const { db } = ctx.database;
      const now = new Date('2026-11-22T06:30:00.000Z').toISOString();
      await db
        .insertInto('users')
        .values({
          email: 'flags@example.com',
          name: 'Flags',
          password_hash: 'x',
          is_platform_admin: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
      const row = await db
        .selectFrom('users')
        .selectAll()
        .where('email', '=', 'flags@example.com')
        .executeTakeFirstOrThrow();
      assert.equal(row.is_platform_admin, 1);
      assert.equal(row.must_change_password, 0);
      assert.equal(row.created_at, now);
      const count = await db
        .selectFrom('users')
        .select(sql<number>`count(*)`.as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(typeof count.n, 'number');
    });
  },
  { migrate: false },
);
