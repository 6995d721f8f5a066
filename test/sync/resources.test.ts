import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { describeEachDialect } from '../helpers/test-db.ts';
import { createSyncFixture, type SyncFixture } from './sync-fixture.ts';

const CA = { cultivator: 'CCL18-0000101', retailer: 'C10-0000106-LIC', lab: 'C8-0000105-LIC' };
const since = () => new Date(Date.now() - 10 * 86_400_000);

describeEachDialect('pull sync: every resource a license type has', (ctx) => {
  let f: SyncFixture;
  before(async () => {
    f = await createSyncFixture(ctx, { emulator: { scenario: 'demo', scenarioParams: {} } });
  });
  after(() => f.close());

  const records = (license: string, kind: string) =>
    f.t.services.database.db
      .selectFrom('mirror_records')
      .innerJoin('licenses', 'licenses.id', 'mirror_records.license_id')
      .select(['mirror_records.raw', 'mirror_records.status'])
      .where('licenses.number', '=', license)
      .where('mirror_records.kind', '=', kind)
      .execute();

  it('a retailer: receipts with their lines, transfers with deliveries and packages', async () => {
    f.metrc.emulator.control.clearRequests();
    const result = await f.t.services.sync.syncLicense(f.org.id, CA.retailer, { since: since() });
    assert.equal(result.status, 'ok', JSON.stringify(result));
    assert.deepEqual(
      result.streams.filter((s) => s.rejected > 0),
      [],
    );
    const receipts = await records(CA.retailer, 'receipts');
    assert.ok(receipts.length > 0, 'receipts were mirrored');
    for (const r of receipts) {
      const raw = JSON.parse(r.raw) as { Transactions: unknown[] };
      assert.ok(raw.Transactions.length > 0, 'each receipt has its lines');
    }
    const transfers = await records(CA.retailer, 'transfers');
    assert.ok(transfers.length > 0, 'transfers were mirrored');
    const deliveries = transfers.flatMap(
      (t) => (JSON.parse(t.raw) as { Deliveries: { Packages: unknown[] }[] }).Deliveries,
    );
    assert.ok(deliveries.length > 0);
    assert.ok(deliveries.some((d) => d.Packages.length > 0));
    const paths = f.metrc.emulator.control.requests({ method: 'GET' }).map((e) => e.path);
    assert.ok(!paths.some((p) => /\/(plants|plantbatches|harvests)\//.test(p)));
    assert.ok((await records(CA.retailer, 'employees')).length > 0);
    assert.equal((await records(CA.retailer, 'facilities')).length, 1);
  });

  it('a cultivator: plants, plant batches and harvests; no sales', async () => {
    f.metrc.emulator.control.clearRequests();
    const result = await f.t.services.sync.syncLicense(f.org.id, CA.cultivator, {
      since: since(),
    });
    assert.equal(result.status, 'ok', JSON.stringify(result));
    for (const kind of ['plants', 'plant_batches', 'harvests'])
      assert.ok((await records(CA.cultivator, kind)).length > 0, `${kind} were mirrored`);
    const paths = f.metrc.emulator.control.requests({ method: 'GET' }).map((e) => e.path);
    assert.ok(!paths.some((p) => p.includes('/sales/')), 'a cultivator has no sales');
    const rejects = await f.t.services.database.db.selectFrom('sync_rejects').selectAll().execute();
    assert.deepEqual(rejects, []);
  });
});
