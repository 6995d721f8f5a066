/**
 * `npm run bench -- fuzz [--cases 10000] [--seed N] [--dialect sqlite|postgres]`: the route fuzzer
 * of test/api/route-fuzz.test.ts, at volume. For each dialect prints ONE JSON line:
 *   { dialect, cases, http5xx, routes, uncatalogued, refusedButChanged, seconds, statuses, failures }
 * Target: http5xx = 0, uncatalogued = 0, refusedButChanged = 0 on both dialects.
 */
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import type { Dialect } from '../src/db/index.ts';
import { createFuzzWorld } from '../test/helpers/fuzz/fuzz-world.ts';
import {
  createFuzzRunner,
  fuzzCaseArbitrary,
  operationsOf,
} from '../test/helpers/fuzz/route-fuzz.ts';
import { createTestDatabase, DIALECTS } from '../test/helpers/test-db.ts';

const { values: args } = parseArgs({
  options: {
    cases: { type: 'string', default: '10000' },
    seed: { type: 'string' },
    dialect: { type: 'string' },
  },
});
const CASES = Number(args.cases);
const SEED = args.seed === undefined ? Date.now() % 2 ** 31 : Number(args.seed);
const dialects = args.dialect ? [args.dialect as Dialect] : DIALECTS;

for (const dialect of dialects) {
  const database = await createTestDatabase(dialect);
  const world = await createFuzzWorld(database);
  try {
    const operations = await operationsOf(world);
    const runner = createFuzzRunner(world, operations);
    const cases = fc.sample(fuzzCaseArbitrary(operations, world.hints), {
      numRuns: CASES,
      seed: SEED,
    });
    const started = performance.now();
    for (const [i, c] of cases.entries()) {
      await runner.run(c);
      if ((i + 1) % 1000 === 0) process.stderr.write(`${dialect}: ${i + 1}/${CASES}\n`);
    }
    const { stats } = runner;
    console.log(
      JSON.stringify({
        dialect,
        seed: SEED,
        cases: stats.cases,
        http5xx: stats.http5xx,
        routes: stats.routes,
        uncatalogued: stats.uncatalogued,
        refusedButChanged: stats.refusedButChanged,
        seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
        statuses: stats.statuses,
        failures: stats.failures.slice(0, 5),
      }),
    );
  } finally {
    await world.close();
    await database.drop();
  }
}
