import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createMirrorFacts } from '../../src/sync/index.ts';
import { describeEachDialect } from '../helpers/test-db.ts';
import { createSyncFixture, type SyncFixture } from './sync-fixture.ts';

const CA = { retailer: 'C10-0000106-LIC', lab: 'C8-0000105-LIC', cultivator: 'CCL18-0000101' };
const since = () => new Date(Date.now() - 10 * 86_400_000);

describeEachDialect('insights facts from a mirror the sync service filled', (ctx) => {
  let f: SyncFixture;
  before(async () => {
    f = await createSyncFixture(ctx, { emulator: { scenario: 'demo', scenarioParams: {} } });
    for (const license of [CA.retailer, CA.cultivator]) {
      const result = await f.t.services.sync.syncLicense(f.org.id, license, { since: since() });
      assert.equal(result.status, 'ok', JSON.stringify(result));
    }
  });
  after(() => f.close());

  const db = () => f.t.services.database.db;

  it('sales mix: every line of every active mirrored receipt, by the license state', async () => {
    const facts = await createMirrorFacts(db())(f.org.id, new Date());
    const receipts = await db()
      .selectFrom('mirror_records')
      .select(['raw', 'status'])
      .where('organization_id', '=', f.org.id)
      .where('kind', '=', 'receipts')
      .execute();
    const lines = receipts
      .filter((r) => r.status !== 'inactive')
      .flatMap(
        (r) => (JSON.parse(r.raw) as { Transactions: { TotalPrice: number }[] }).Transactions,
      );
    assert.ok(lines.length > 0, 'the demo retailer has sales lines');
    assert.equal(facts.sales.length, lines.length);
    const total = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 100);
    assert.equal(total(facts.sales.map((s) => s.amount)), total(lines.map((l) => l.TotalPrice)));
    assert.ok(facts.sales.every((s) => s.state === 'ca' && s.category.length > 0));
  });

  it('inventory age and lab verdicts from mirrored packages; no labels or licenses leak', async () => {
    const facts = await createMirrorFacts(db())(f.org.id, new Date());
    const packages = await db()
      .selectFrom('mirror_packages')
      .select(['status', 'lab_testing_state', 'label'])
      .where('organization_id', '=', f.org.id)
      .execute();
    assert.ok(packages.length > 0);
    assert.ok(facts.inventory.length > 0);
    assert.ok(facts.inventory.length <= packages.filter((p) => p.status !== 'inactive').length);
    assert.ok(facts.inventory.every((i) => Number.isInteger(i.ageDays) && i.ageDays >= 0));
    const verdicts = packages.filter(
      (p) => p.lab_testing_state === 'TestPassed' || p.lab_testing_state === 'TestFailed',
    );
    assert.equal(facts.labResults.length, verdicts.length);
    assert.equal(
      facts.labResults.filter((r) => r.passed).length,
      verdicts.filter((p) => p.lab_testing_state === 'TestPassed').length,
    );
    const text = JSON.stringify(facts);
    for (const p of packages) assert.ok(!text.includes(p.label), 'no package label in the facts');
    for (const l of f.licenses) assert.ok(!text.includes(l.number), 'no license number');
  });

  it('a package is as old as its receipt (or packaging); inactive ones are not inventory', async () => {
    const license = f.licenses.find((l) => l.number === CA.retailer);
    assert.ok(license);
    const row = (metrcId: number, status: 'active' | 'inactive', raw: object) => ({
      organization_id: f.org.id,
      license_id: license.id,
      metrc_id: metrcId,
      label: `1A4FACTS00000000000${metrcId}`,
      status,
      item_id: null,
      item_name: null,
      item_category: 'Facts Category',
      location_id: null,
      location_name: null,
      quantity: 1,
      unit: 'Each',
      expiration_date: null,
      use_by_date: null,
      lab_testing_state: null,
      packaged_date: '2026-01-01',
      last_modified: '2026-01-01T00:00:00.000Z',
      raw: JSON.stringify(raw),
      synced_at: '2026-01-01T00:00:00.000Z',
    });
    await db()
      .insertInto('mirror_packages')
      .values([
        row(990001, 'active', { ReceivedDateTime: '2026-01-11T00:00:00Z' }),
        row(990002, 'active', {}),
        row(990003, 'inactive', {}),
      ])
      .execute();
    const facts = await createMirrorFacts(db())(f.org.id, new Date('2026-01-21T12:00:00Z'));
    const ages = facts.inventory
      .filter((i) => i.category === 'Facts Category')
      .map((i) => i.ageDays)
      .sort((a, b) => a - b);
    assert.deepEqual(ages, [10, 20]);
  });
});
