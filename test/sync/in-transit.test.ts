import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { callerFor, rows } from '../../src/emulator/testing/emulator-test-kit.ts';
import { describeEachDialect } from '../helpers/test-db.ts';
import { createSyncFixture, type SyncFixture } from './sync-fixture.ts';

/** The demo's distributor has a wholesale transfer on the road (two deliveries, not received). */
const DISTRIBUTOR = 'C11-0000103-LIC';
const since = () => new Date(Date.now() - 10 * 86_400_000);

describeEachDialect('pull sync: packages in transit', (ctx) => {
  let f: SyncFixture;
  let licenseId: number;
  before(async () => {
    f = await createSyncFixture(ctx, { emulator: { scenario: 'demo', scenarioParams: {} } });
    const license = f.licenses.find((l) => l.number === DISTRIBUTOR);
    assert.ok(license);
    licenseId = license.id;
  });
  after(() => f.close());

  const mirrored = () =>
    f.t.services.database.db
      .selectFrom('mirror_packages')
      .select(['metrc_id', 'status'])
      .where('license_id', '=', licenseId)
      .execute();

  it("Metrc's in-transit list marks the packages on an outgoing manifest; one no longer listed is settled", async () => {
    // Metrc's own answer, read as a Metrc client would: the packages on undelivered deliveries.
    const owner = callerFor(f.metrc.emulator, 'ca-owner');
    const listed = rows(
      await owner.get('/packages/v2/intransit', {
        licenseNumber: DISTRIBUTOR,
        lastModifiedStart: '2000-01-01T00:00:00Z',
        lastModifiedEnd: '2100-01-01T00:00:00Z',
      }),
    );
    const moving = listed.map((p) => Number(p.Id)).sort((a, b) => a - b);
    assert.ok(moving.length > 0, 'the demo has packages in transit');

    // A package the mirror still has in transit from an earlier run, since received.
    const first = await f.t.services.sync.syncLicense(f.org.id, DISTRIBUTOR, {
      resources: ['packages'],
      since: since(),
    });
    assert.equal(first.status, 'ok', JSON.stringify(first));
    await f.t.services.database.db
      .insertInto('mirror_packages')
      .values({
        organization_id: f.org.id,
        license_id: licenseId,
        metrc_id: 987_654_321,
        label: '1A4000000000000000099999',
        status: 'intransit',
        last_modified: new Date().toISOString(),
        raw: '{"Id":987654321}',
        synced_at: new Date().toISOString(),
      })
      .execute();

    f.metrc.emulator.control.clearRequests();
    const result = await f.t.services.sync.syncLicense(f.org.id, DISTRIBUTOR, {
      resources: ['packages'],
    });
    assert.equal(result.status, 'ok', JSON.stringify(result));
    assert.ok(result.streams.some((s) => s.stream === 'packages:intransit'));
    const paths = f.metrc.emulator.control.requests({ method: 'GET' }).map((e) => e.path);
    assert.ok(paths.includes('/ca/packages/v2/intransit'), 'the list is read on every run');

    const all = await mirrored();
    const inTransit = all
      .filter((r) => r.status === 'intransit')
      .map((r) => Number(r.metrc_id))
      .sort((a, b) => a - b);
    assert.deepEqual(inTransit, moving);
    assert.equal(all.find((r) => Number(r.metrc_id) === 987_654_321)?.status, 'inactive');
    // Every other package keeps the status its own record gives it.
    assert.ok(all.some((r) => r.status === 'active'));
  });
});
