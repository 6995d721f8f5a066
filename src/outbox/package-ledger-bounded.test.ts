import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { CompiledQuery, type Kysely, type KyselyPlugin } from 'kysely';
import {
  createTestApp,
  createTestLicense,
  createTestOrganization,
  type TestApp,
} from '../../test/helpers/test-app.ts';
import { describeEachDialect } from '../../test/helpers/test-db.ts';
import type { DB } from '../db/index.ts';
import { createMirrorSignals } from '../sync/index.ts';
import { createPackageLedger } from './package-ledger.ts';
import { createSubmissionsRepo } from './submissions-repo.ts';

const DAY_MS = 86_400_000;
const OLD_PACKAGES = 120;
const now = new Date('2026-11-27T10:00:00.000Z');
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
const tag = (n: number) => `1A40000000000000000${String(n).padStart(5, '0')}`;

/** Counts the rows every query returns, and keeps the compiled queries (for EXPLAIN). */
function createReadCounter(db: Kysely<DB>) {
  const state = { rows: 0, queries: [] as CompiledQuery[] };
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      state.queries.push(db.getExecutor().compileQuery(args.node, args.queryId));
      return args.node;
    },
    transformResult: async (args) => {
      state.rows += args.result.rows.length;
      return args.result;
    },
  };
  return { state, plugin };
}

describeEachDialect('package ledger: the drift check reads only recent packages', (ctx) => {
  let t: TestApp;
  let organizationId = 0;
  const recent = tag(99_999);

  before(async () => {
    t = await createTestApp(ctx.database);
    const org = await createTestOrganization(t.services, 'Ledger Co');
    organizationId = org.id;
    const license = await createTestLicense(t.services, org, 'C10-0000555-LIC');
    const repo = createSubmissionsRepo(ctx.database.db);
    const report = (kind: string, payload: object, labels: string[], sentAt: string) =>
      repo.insert({
        organization_id: org.id,
        license_id: license.id,
        kind,
        payload: JSON.stringify(payload),
        reference: `ref-${Math.random()}`,
        touches: JSON.stringify(labels.map((l) => `package:${l}`)),
        occurred_at: sentAt,
        status: 'sent',
        next_attempt_at: sentAt,
        last_sent_at: sentAt,
        sent_at: sentAt,
        created_at: sentAt,
        updated_at: sentAt,
      });
    // A long history: packages created and adjusted a month ago.
    for (let n = 0; n < OLD_PACKAGES; n++) {
      const label = tag(n);
      await report(
        'packages.create',
        { tag: label, quantity: 10, unitOfMeasure: 'Grams' },
        [label],
        ago(30 * DAY_MS),
      );
      await report(
        'packages.adjust',
        { label, quantity: -1, unitOfMeasure: 'Grams' },
        [label],
        ago(29 * DAY_MS),
      );
    }
    // One package created a month ago, split from an old one and adjusted an hour ago.
    await report(
      'packages.split',
      { sourceLabel: tag(0), tag: recent, quantity: 4, unitOfMeasure: 'Grams' },
      [tag(0), recent],
      ago(30 * DAY_MS),
    );
    await report(
      'packages.adjust',
      { label: recent, quantity: -0.5, unitOfMeasure: 'Grams' },
      [recent],
      ago(3_600_000),
    );
  });
  after(() => t.close());

  it('names only packages with a report since the lookback, and reads only their history', async () => {
    const counter = createReadCounter(ctx.database.db);
    const ledger = createPackageLedger(ctx.database.db.withPlugin(counter.plugin));
    const changed = await ledger.changedSince(organizationId, new Date(now.getTime() - 7 * DAY_MS));
    assert.deepEqual(changed, [recent]);
    const expected = await ledger.expectedQuantities(organizationId, changed);
    assert.deepEqual(
      expected.map((e) => [e.label, e.quantity]),
      [[recent, 3.5]],
      'created by the split with 4, adjusted by -0.5; the split source is not asked for',
    );
    assert.ok(
      counter.state.rows <= 3,
      `read ${counter.state.rows} rows for 1 recent package among ${OLD_PACKAGES + 1}`,
    );
  });

  it('uses an index for each query of the check, on this dialect', async () => {
    const counter = createReadCounter(ctx.database.db);
    const db = ctx.database.db.withPlugin(counter.plugin);
    const ledger = createPackageLedger(db);
    const since = new Date(now.getTime() - 7 * DAY_MS);
    await ledger.changedSince(organizationId, since);
    await ledger.expectedQuantities(organizationId, [recent]);
    await createMirrorSignals(db).packagesPulledSince(organizationId, since);
    const plans = await explainAll(ctx.database.db, ctx.dialect, counter.state.queries);
    const expectIndex = (index: string) =>
      assert.ok(
        plans.some((p) => p.includes(index)),
        `${index} not used:\n${plans.join('\n---\n')}`,
      );
    expectIndex('submissions_org_sent_idx');
    expectIndex('submission_packages_label_idx');
    expectIndex('mirror_packages_org_synced_idx');
    for (const plan of plans) {
      assert.doesNotMatch(plan, /SCAN submissions\b|Seq Scan on submissions\b/, plan);
    }
  });
});

/** Each query's plan as text. PostgreSQL is told to avoid sequential scans: its tables are tiny. */
async function explainAll(
  db: Kysely<DB>,
  dialect: string,
  queries: CompiledQuery[],
): Promise<string[]> {
  return db.connection().execute(async (conn) => {
    if (dialect === 'postgres')
      await conn.executeQuery(CompiledQuery.raw('set enable_seqscan = off'));
    const plans: string[] = [];
    for (const q of queries) {
      const prefix = dialect === 'postgres' ? 'explain ' : 'explain query plan ';
      const result = await conn.executeQuery<Record<string, unknown>>(
        CompiledQuery.raw(prefix + q.sql, [...q.parameters]),
      );
      plans.push(result.rows.map((r) => String(r['QUERY PLAN'] ?? r.detail)).join('\n'));
    }
    if (dialect === 'postgres') await conn.executeQuery(CompiledQuery.raw('reset enable_seqscan'));
    return plans;
  });
}
