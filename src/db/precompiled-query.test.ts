import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sql } from 'kysely';
import { describeEachDialect } from '../../test/helpers/test-db.ts';
import { precompile, precompileRows } from './precompiled-query.ts';

describeEachDialect('precompiled query', (ctx) => {
  it('runs with each call’s values, keeps constants, and answers like the built query', async () => {
    const { db } = ctx.database;
    const at = '2026-11-27T10:00:00.000Z';
    for (const slug of ['a-co', 'b-co', 'c-co']) {
      await db.insertInto('organizations').values({ name: slug, slug, created_at: at }).execute();
    }
    const bySlugs = precompile(db, (a: { first: string; second: string }) =>
      db
        .selectFrom('organizations')
        .select(['slug', 'name'])
        .where((eb) => eb.or([eb('slug', '=', a.first), eb('slug', '=', a.second)]))
        .where('name', '!=', 'never')
        .orderBy('slug', 'desc')
        .limit(sql.lit(5)),
    );
    assert.deepEqual(await bySlugs.all({ first: 'a-co', second: 'c-co' }), [
      { slug: 'c-co', name: 'c-co' },
      { slug: 'a-co', name: 'a-co' },
    ]);
    // The second call binds its own values, not the first call's.
    assert.deepEqual(await bySlugs.all({ first: 'b-co', second: 'nobody' }), [
      { slug: 'b-co', name: 'b-co' },
    ]);
    assert.deepEqual(await bySlugs.first({ first: 'b-co', second: 'c-co' }), {
      slug: 'c-co',
      name: 'c-co',
    });
    assert.equal(await bySlugs.first({ first: 'x', second: 'y' }), undefined);

    // Concurrent calls do not see each other's values.
    const answers = await Promise.all(
      ['a-co', 'b-co', 'c-co'].map((slug) => bySlugs.first({ first: slug, second: slug })),
    );
    assert.deepEqual(
      answers.map((row) => row?.slug),
      ['a-co', 'b-co', 'c-co'],
    );
  });

  it('writes rows through one template per row count, on the executor of the call', async () => {
    const { db } = ctx.database;
    const at = '2026-11-27T10:00:00.000Z';
    const insert = precompileRows(
      (executor: typeof db, rows: Array<{ name: string; slug: string; created_at: string }>) =>
        executor.insertInto('organizations').values(rows),
      ['name', 'slug', 'created_at'],
    );
    const row = (slug: string) => ({ name: slug, slug, created_at: at });
    await db.transaction().execute(async (trx) => {
      await insert(trx, [row('r1'), row('r2')]);
      await insert(trx, [row('r3')]);
      await insert(trx, [row('r4'), row('r5')]);
    });
    const slugs = await db
      .selectFrom('organizations')
      .select('slug')
      .where('slug', 'like', 'r%')
      .orderBy('slug')
      .execute();
    assert.deepEqual(
      slugs.map((s) => s.slug),
      ['r1', 'r2', 'r3', 'r4', 'r5'],
    );
  });

  it('binds the values shared by every row anew on each call', async () => {
    const { db } = ctx.database;
    const at = '2026-11-27T10:00:00.000Z';
    for (const slug of ['s1', 's2', 's3']) {
      await db.insertInto('organizations').values({ name: slug, slug, created_at: at }).execute();
    }
    // Each row its own name, all of them the shared created_at.
    const rename = precompileRows(
      (executor: typeof db, rows: Array<{ slug: string; name: string }>, v: { at: string }) =>
        executor
          .updateTable('organizations')
          .set({
            name: sql`case slug ${sql.join(
              rows.map((r) => sql`when ${r.slug} then ${r.name}`),
              sql` `,
            )} end`,
            created_at: v.at,
          })
          .where(
            'slug',
            'in',
            rows.map((r) => r.slug),
          ),
      ['slug', 'name'],
    );
    await rename(db, [{ slug: 's1', name: 'one' }], { at: '2026-01-01T00:00:00.000Z' });
    await rename(
      db,
      [
        { slug: 's2', name: 'two' },
        { slug: 's3', name: 'three' },
      ],
      { at: '2026-02-02T00:00:00.000Z' },
    );
    await rename(db, [{ slug: 's3', name: 'drei' }], { at: '2026-03-03T00:00:00.000Z' });
    const rows = await db
      .selectFrom('organizations')
      .select(['slug', 'name', 'created_at'])
      .where('slug', 'in', ['s1', 's2', 's3'])
      .orderBy('slug')
      .execute();
    assert.deepEqual(rows, [
      { slug: 's1', name: 'one', created_at: '2026-01-01T00:00:00.000Z' },
      { slug: 's2', name: 'two', created_at: '2026-02-02T00:00:00.000Z' },
      { slug: 's3', name: 'drei', created_at: '2026-03-03T00:00:00.000Z' },
    ]);
  });

  it('runs a precompiled query as one prepared statement per connection on PostgreSQL, planned once', async (t) => {
    if (ctx.dialect !== 'postgres') {
      t.skip(
        'prepared statements are a PostgreSQL matter (SQLite keeps its own: sqlite-statement-cache)',
      );
      return;
    }
    const { db } = ctx.database;
    const at = '2026-11-27T10:00:00.000Z';
    for (const slug of ['p1-co', 'p2-co']) {
      await db.insertInto('organizations').values({ name: slug, slug, created_at: at }).execute();
    }
    const bySlug = precompile(db, (a: { slug: string }) =>
      db.selectFrom('organizations').select('name').where('slug', '=', a.slug),
    );
    await db.connection().execute(async (connection) => {
      const names: Array<string | undefined> = [];
      for (let i = 0; i < 10; i++) {
        const slug = i % 2 === 0 ? 'p1-co' : 'p2-co';
        names.push((await bySlug.first({ slug }, connection))?.name);
      }
      // Each run binds its own value to the one statement.
      assert.deepEqual(
        names,
        Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? 'p1-co' : 'p2-co')),
      );
      await connection
        .selectFrom('organizations')
        .select('name')
        .where('slug', '=', 'p1-co')
        .execute();
      const prepared = await sql<{
        statement: string;
        generic_plans: number;
        custom_plans: number;
      }>`
        select statement, generic_plans, custom_plans from pg_prepared_statements`.execute(
        connection,
      );
      const text = 'select "name" from "organizations" where "slug" = ';
      const ours = prepared.rows.filter((row) => row.statement.includes(text));
      assert.equal(ours.length, 1, 'one prepared statement; the same query unmarked is not kept');
      assert.ok(ours[0]?.statement.startsWith('/* prepared */'));
      assert.equal(ours[0]?.custom_plans, 0, 'never planned for its values');
      assert.equal(ours[0]?.generic_plans, 10, 'its one plan served every run');
    });
  });
});
