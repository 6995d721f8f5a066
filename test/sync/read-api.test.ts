import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { errorCode, login, type TestSession } from '../helpers/test-app.ts';
import { describeEachDialect } from '../helpers/test-db.ts';
import { createSyncFixture, type SyncFixture } from './sync-fixture.ts';

describeEachDialect('pull sync: read API, status and refresh now', (ctx) => {
  let f: SyncFixture;
  let staff: TestSession;
  let manager: TestSession;
  let licenseId: number;
  before(async () => {
    f = await createSyncFixture(ctx, {
      emulator: { scenarioParams: { licenses: 1, packages: 120 } },
    });
    const license = f.licenses[0];
    assert.ok(license);
    licenseId = license.id;
    const result = await f.t.services.sync.syncLicense(f.org.id, license.number, {
      since: new Date(Date.now() - 2 * 86_400_000),
    });
    assert.equal(result.status, 'ok', JSON.stringify(result));
    // The catalogue is older (the scenario's items are 20 days old): a longer backfill for it.
    const catalogue = await f.t.services.sync.syncLicense(f.org.id, license.number, {
      resources: ['items'],
      since: new Date(Date.now() - 25 * 86_400_000),
    });
    assert.equal(catalogue.status, 'ok');
    staff = await login(f.t.app, f.org.staff);
    manager = await login(f.t.app, f.org.manager);
  });
  after(() => f.close());

  const get = (session: TestSession, url: string) =>
    f.t.app.inject({ method: 'GET', url, headers: session.headers });

  it('lists packages with filters and paging', async () => {
    const all = await get(staff, `/api/mirror/packages?licenseId=${licenseId}&limit=50`);
    assert.equal(all.statusCode, 200, all.body);
    assert.equal(all.json().total, 120);
    assert.equal(all.json().packages.length, 50);
    const page3 = await get(staff, '/api/mirror/packages?limit=50&offset=100');
    assert.equal(page3.json().packages.length, 20);
    const first = all.json().packages[0];
    const byCategory = await get(
      staff,
      `/api/mirror/packages?category=${encodeURIComponent(first.category)}&status=active`,
    );
    assert.ok(byCategory.json().total > 0 && byCategory.json().total < 120);
    for (const p of byCategory.json().packages) assert.equal(p.category, first.category);
    const byItem = await get(staff, `/api/mirror/packages?itemId=${first.itemId}`);
    assert.ok(byItem.json().packages.every((p: { itemId: number }) => p.itemId === first.itemId));
    const byLocation = await get(
      staff,
      `/api/mirror/packages?locationName=${encodeURIComponent(first.locationName)}`,
    );
    assert.equal(byLocation.json().total, 120);
    const expiring = await get(staff, '/api/mirror/packages?expiringBefore=1970-01-01');
    assert.equal(expiring.json().total, 0);
    const bad = await get(staff, '/api/mirror/packages?expiringBefore=soon');
    assert.equal(bad.statusCode, 400);
    assert.equal(errorCode(bad), 'REQUEST_INVALID');
  });

  it('lists the other mirrored records and a license inventory summary', async () => {
    const items = await f.t.services.mirror.records(
      f.org.id,
      'items',
      {},
      { limit: 10, offset: 0 },
    );
    assert.ok(items.total >= 2, 'items were mirrored');
    for (const kind of ['plants', 'harvests', 'receipts', 'transfers']) {
      const res = await get(staff, `/api/mirror/${kind}?limit=5`);
      assert.equal(res.statusCode, 200, res.body);
    }
    const summary = await get(staff, `/api/licenses/${licenseId}/inventory`);
    assert.equal(summary.statusCode, 200, summary.body);
    assert.equal(summary.json().packagesByStatus.active, 120);
    const total = summary
      .json()
      .activeByCategory.reduce((n: number, c: { packages: number }) => n + c.packages, 0);
    assert.equal(total, 120);
  });

  it('shows checkpoints per stream and runs a refresh requested by a manager', async () => {
    const status = await get(staff, `/api/sync/status?licenseId=${licenseId}`);
    assert.equal(status.statusCode, 200, status.body);
    const streams = status.json().licenses[0].streams as { stream: string; progress: number }[];
    assert.ok(streams.some((s) => s.stream === 'packages:active' && s.progress === 1));
    assert.ok(!streams.some((s) => s.stream.startsWith('plants')), 'a retailer has no plants');

    const denied = await f.t.app.inject({
      method: 'POST',
      url: `/api/licenses/${licenseId}/sync`,
      headers: staff.headers,
      payload: {},
    });
    assert.equal(denied.statusCode, 403);
    const unknown = await f.t.app.inject({
      method: 'POST',
      url: `/api/licenses/${licenseId}/sync`,
      headers: manager.headers,
      payload: { resource: 'spaceships' },
    });
    assert.equal(unknown.statusCode, 400);
    const refresh = await f.t.app.inject({
      method: 'POST',
      url: `/api/licenses/${licenseId}/sync`,
      headers: manager.headers,
      payload: { resource: 'packages' },
    });
    assert.equal(refresh.statusCode, 202, refresh.body);
    f.metrc.emulator.control.clearRequests();
    const ran = await f.t.services.sync.runDue();
    assert.equal(ran.length, 1);
    assert.equal(ran[0]?.status, 'ok');
    assert.ok(f.metrc.emulator.control.requests({ pathPrefix: '/ca/packages' }).length > 0);
    assert.equal(f.metrc.emulator.control.requests({ pathPrefix: '/ca/items' }).length, 0);
    const after = await get(staff, `/api/sync/status?licenseId=${licenseId}`);
    assert.equal(after.json().licenses[0].refreshRequestedAt, null);
    // Nothing else is due: the next tick pulls nothing.
    assert.deepEqual(await f.t.services.sync.runDue(), []);
  });

  it('offers alerts and insights the mirror as plain rows', async () => {
    const signals = f.t.services.mirrorSignals;
    const label = (await get(staff, '/api/mirror/packages?limit=1')).json().packages[0].label;
    const quantity = await signals.packageQuantity(f.org.id, licenseId, label);
    assert.equal(quantity?.label, label);
    assert.equal(typeof quantity?.quantity, 'number');
    assert.deepEqual(await signals.packagesOnHold(f.org.id), []);
    const far = new Date(Date.now() + 10 * 365 * 86_400_000);
    const expiring = await signals.packagesExpiringBefore(f.org.id, far);
    const withDates = (await get(staff, '/api/mirror/packages?limit=500'))
      .json()
      .packages.filter((p: { expirationDate: string | null }) => p.expirationDate !== null);
    assert.equal(expiring.length, withDates.length);
    assert.ok(Array.isArray(await signals.failedLabResults(f.org.id)));
  });
});
