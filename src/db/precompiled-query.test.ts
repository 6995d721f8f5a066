import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sql } from 'kysely';
import { describeEachDialect } from '../../test/helpers/test-db.ts';
import { precompile } from './precompiled-query.ts';

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
});
