import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createSyncLeasesRepo } from '../../src/sync/index.ts';
import { describeEachDialect } from '../helpers/test-db.ts';
import { createSyncFixture, type SyncFixture } from './sync-fixture.ts';

const DAY_MS = 86_400_000;

describeEachDialect('pull sync: crashes, leases and refused keys', (ctx) => {
  let f: SyncFixture;
  let licenseId: number;
  let licenseNumber: string;
  before(async () => {
    f = await createSyncFixture(ctx, {
      emulator: { scenarioParams: { licenses: 1, packages: 1000 } },
    });
    const license = f.licenses[0];
    assert.ok(license);
    licenseId = license.id;
    licenseNumber = license.number;
  });
  after(() => f.close());

  const db = () => f.t.services.database.db;
  const packageCounts = async () => {
    const row = await db()
      .selectFrom('mirror_packages')
      .select((eb) => [
        eb.fn.countAll<number>().as('rows'),
        eb.fn.count<number>('metrc_id').distinct().as('ids'),
      ])
      .where('license_id', '=', licenseId)
      .executeTakeFirstOrThrow();
    return { rows: Number(row.rows), ids: Number(row.ids) };
  };

  it('a worker that dies mid-backfill resumes at the next page, without loss or duplicates', async () => {
    const crash = new Error('injected crash at a page boundary');
    // Pages that arrived together are stored together: the crash comes after the first stored
    // batch that reaches page 20.
    let crashedAt = 0;
    const first = await f.t.services.sync.syncLicense(f.org.id, licenseNumber, {
      resources: ['packages'],
      since: new Date(Date.now() - 2 * DAY_MS),
      afterPageStored: ({ stream, pageNumber }) => {
        if (stream === 'packages:active' && pageNumber >= 20 && crashedAt === 0) {
          crashedAt = pageNumber;
          throw crash;
        }
      },
    });
    assert.equal(first.status, 'failed');
    const checkpoint = await db()
      .selectFrom('sync_checkpoints')
      .selectAll()
      .where('license_id', '=', licenseId)
      .where('resource', '=', 'packages:active')
      .executeTakeFirstOrThrow();
    // The checkpoint says exactly what is stored: the pages of the window walked so far.
    assert.equal(checkpoint.window_page, crashedAt);
    assert.ok(checkpoint.window_start);
    const stored = await packageCounts();
    assert.ok(stored.rows >= 400 && stored.rows < 1000, JSON.stringify(stored));

    f.metrc.emulator.control.clearRequests();
    const second = await f.t.services.sync.syncLicense(f.org.id, licenseNumber, {
      resources: ['packages'],
    });
    assert.equal(second.status, 'ok', JSON.stringify(second));
    assert.deepEqual(await packageCounts(), { rows: 1000, ids: 1000 });
    const activeGets = f.metrc.emulator.control.requests({
      pathPrefix: '/ca/packages/v2/active',
    });
    // Resumed at page 21 of 50 (plus the incremental window), not from page 1 again.
    assert.ok(activeGets.length < 45, `${activeGets.length} GETs after the crash`);
    assert.equal(second.gapsHealed, 0);
  });

  it('told to stop mid-backfill (shutdown), a run ends as stopped, at once, with nothing lost', async () => {
    const control = f.metrc.emulator.control;
    control.clearRequests();
    const stop = new AbortController();
    let stoppedAt = 0;
    const stopped = await f.t.services.sync.syncLicense(f.org.id, licenseNumber, {
      resources: ['packages'],
      since: new Date(Date.now() - 2 * DAY_MS),
      signal: stop.signal,
      afterPageStored: ({ stream, pageNumber }) => {
        if (stream === 'packages:active' && pageNumber >= 10 && stoppedAt === 0) {
          stoppedAt = pageNumber;
          stop.abort();
        }
      },
    });
    assert.equal(stopped.status, 'stopped', JSON.stringify(stopped));
    assert.equal(stopped.errorCode, 'SYNC_STOPPED');
    const walked = control.requests({ pathPrefix: '/ca/packages/v2/active' }).length;
    assert.ok(walked < 30, `${walked} GETs: the walk of 50 pages went on after the stop`);
    assert.deepEqual(await packageCounts(), { rows: 1000, ids: 1000 });
    const next = await f.t.services.sync.syncLicense(f.org.id, licenseNumber, {
      resources: ['packages'],
    });
    assert.equal(next.status, 'ok', JSON.stringify(next));
    assert.deepEqual(await packageCounts(), { rows: 1000, ids: 1000 });
  });

  it('429 and 5xx are retried; when they persist the run stops at its checkpoint', async () => {
    const control = f.metrc.emulator.control;
    control.clearRequests();
    control.addFault({ kind: 'status', status: 503, path: '/packages/v2/active', times: 2 });
    control.addFault({ kind: 'rate-limit', path: '/packages/v2/onhold', times: 1 });
    const retried = await f.t.services.sync.syncLicense(f.org.id, licenseNumber, {
      resources: ['packages'],
    });
    assert.equal(retried.status, 'ok', JSON.stringify(retried));
    assert.equal(control.counters().byStatus['503'], 2);
    assert.equal(control.counters().byStatus['429'], 1);

    const before = await db()
      .selectFrom('sync_checkpoints')
      .select(['watermark'])
      .where('license_id', '=', licenseId)
      .where('resource', '=', 'packages:active')
      .executeTakeFirstOrThrow();
    const outage = control.addFault({ kind: 'status', status: 500, path: '/packages/v2/active' });
    const failed = await f.t.services.sync.syncLicense(f.org.id, licenseNumber, {
      resources: ['packages'],
    });
    assert.equal(failed.status, 'failed');
    assert.equal(failed.errorCode, 'METRC_SERVER_ERROR');
    const during = await db()
      .selectFrom('sync_checkpoints')
      .select(['watermark', 'status', 'last_error_code'])
      .where('license_id', '=', licenseId)
      .where('resource', '=', 'packages:active')
      .executeTakeFirstOrThrow();
    assert.equal(during.watermark, before.watermark, 'the checkpoint did not move');
    assert.equal(during.status, 'error');
    assert.equal(during.last_error_code, 'METRC_SERVER_ERROR');
    control.removeFault(outage.id);
    const recovered = await f.t.services.sync.syncLicense(f.org.id, licenseNumber, {
      resources: ['packages'],
    });
    assert.equal(recovered.status, 'ok');
    assert.deepEqual(await packageCounts(), { rows: 1000, ids: 1000 });
  });

  it('one process holds a license; a lost lease stores nothing more', async () => {
    const leases = createSyncLeasesRepo(db(), ctx.dialect);
    const a = await leases.acquire(licenseId, 'worker-a', 60_000);
    assert.ok(a);
    assert.equal(await leases.acquire(licenseId, 'worker-b', 60_000), null);
    // A sync in this process meanwhile is told the license is busy, and pulls nothing.
    f.metrc.emulator.control.clearRequests();
    const busy = await f.t.services.sync.syncLicense(f.org.id, licenseNumber, {
      resources: ['packages'],
    });
    assert.equal(busy.status, 'busy');
    assert.equal(f.metrc.emulator.control.requests({ method: 'GET' }).length, 0);
    // worker-a dies; its lease expires (by the database clock) and worker-b takes over.
    await db()
      .updateTable('sync_leases')
      .set({ expires_at_ms: 0 })
      .where('license_id', '=', licenseId)
      .execute();
    const b = await leases.acquire(licenseId, 'worker-b', 60_000);
    assert.ok(b);
    assert.ok(b.token > a.token, 'a new fencing token');
    assert.equal(await leases.renew(a, 60_000), false, 'worker-a is fenced off');
    assert.equal(await leases.renew(b, 60_000), true);
    await leases.release(b);
  });

  it('a 401 pauses the license and has the facility key checked at once', async () => {
    const owner = f.metrc.emulator.scenario().users[0];
    assert.ok(owner);
    // The owner regenerates their key in Metrc: the saved one stops working.
    f.metrc.emulator.control.regenerateUserKey(owner.id);
    await db()
      .updateTable('credentials')
      .set({ last_verified_at: new Date(0).toISOString() })
      .execute();
    const result = await f.t.services.sync.syncLicense(f.org.id, licenseNumber, {
      resources: ['packages'],
    });
    assert.equal(result.status, 'paused');
    assert.equal(result.errorCode, 'METRC_UNAUTHORIZED');
    const status = await f.t.services.sync.status(f.org.id, licenseId);
    assert.equal(status.licenses[0]?.paused, true);
    assert.equal(status.licenses[0]?.pausedReason, 'METRC_UNAUTHORIZED');
    const credential = await db()
      .selectFrom('credentials')
      .select('status')
      .executeTakeFirstOrThrow();
    assert.notEqual(credential.status, 'valid', 'the health check re-verified the key');
    // The worker no longer pulls it: nothing is due while the key is not valid.
    f.metrc.emulator.control.clearRequests();
    await f.t.services.sync.runDue();
    assert.equal(f.metrc.emulator.control.requests({ pathPrefix: '/ca/packages' }).length, 0);
  });
});
