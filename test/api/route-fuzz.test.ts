import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import fc from 'fast-check';
import { createFuzzWorld, type FuzzWorld } from '../helpers/fuzz/fuzz-world.ts';
import {
  createFuzzRunner,
  type FuzzOperation,
  fuzzCaseArbitrary,
  operationsOf,
} from '../helpers/fuzz/route-fuzz.ts';
import { describeEachDialect } from '../helpers/test-db.ts';

/** Cases per dialect in `npm test`; `npm run bench -- fuzz` runs 10,000. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 400);
/** A bound, not a speed assert: on a slow machine fewer cases run, and none fails for it. */
const TIME_LIMIT_MS = 45_000;
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

/**
 * Every route, from the OpenAPI document and the route catalogue, with valid, boundary and
 * hostile values, as anonymous, staff, manager, admin, platform admin, another organization's
 * admin, and a session without its CSRF header (issue 10, item 2).
 */
describeEachDialect('every route under fuzzing', (ctx) => {
  let world: FuzzWorld;
  let operations: FuzzOperation[];

  before(async () => {
    world = await createFuzzWorld(ctx.database);
    operations = await operationsOf(world);
  });
  after(() => world.close());

  it('finds every route of the app, including ones added later', () => {
    const names = new Set(operations.map((o) => `${o.method} ${o.path}`));
    assert.equal(names.size, world.t.app.routeCatalogue.length);
    for (const route of ['GET /api/credentials/{id}', 'POST /api/intake/{token}', 'GET /']) {
      assert.ok(names.has(route), route);
    }
    const body = operations.find((o) => o.method === 'POST' && o.path === '/api/credentials');
    assert.equal(body?.body?.type, 'object');
  });

  it('never answers 5xx, always with a catalogued code, and a refusal changes nothing', async (t) => {
    const runner = createFuzzRunner(world, operations);
    await fc.assert(
      fc.asyncProperty(fuzzCaseArbitrary(operations, world.hints), async (c) => {
        const problem = await runner.run(c);
        if (problem) throw new Error(problem);
      }),
      {
        numRuns: RUNS,
        seed: SEED,
        endOnFailure: true,
        interruptAfterTimeLimit: TIME_LIMIT_MS,
        markInterruptAsFailure: false,
      },
    );
    const { stats } = runner;
    t.diagnostic(JSON.stringify({ cases: stats.cases, statuses: stats.statuses }));
    assert.deepEqual(stats.failures, []);
    assert.equal(stats.http5xx, 0);
    // The run reached the services, not only validation: some requests succeeded.
    assert.ok((stats.statuses[200] ?? 0) + (stats.statuses[201] ?? 0) > 0, JSON.stringify(stats));
  });
});
