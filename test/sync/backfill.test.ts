import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { sql } from 'kysely';
import { Secret } from '../../src/lib/index.ts';
import { discontinuePackage } from '../../src/metrc/index.ts';
import { describeEachDialect } from '../helpers/test-db.ts';
import { createSyncFixture, type SyncFixture } from './sync-fixture.ts';

const DAY_MS = 86_400_000;

describeEachDialect('pull sync: backfill, incremental, windows, gaps', (ctx) => {
  let f: SyncFixture;
  let licenseId: number;
  let licenseNumber: string;
  before(async () => {
    f = await createSyncFixture(ctx, {
      emulator: {
        scenarioParams: { licenses: 1, packages: 5000 },
        // Metrc's v1 rule applied to v2 too: any window over 24 h is answered 400.
        limits: { v2MaxWindowHours: 24 },
      },
    });
    const license = f.licenses[0];
    assert.ok(license);
    licenseId = license.id;
    licenseNumber = license.number;
  });
  after(() => f.close());

  const countPackages = async () =>
    Number(
      (
        await f.t.services.database.db
          .selectFrom('mirror_packages')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('license_id', '=', licenseId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('backfills 5,000 packages across pages, in windows no longer than 24 h', async () => {
    f.metrc.emulator.control.clearRequests();
    const progress: number[] = [];
    const result = await f.t.services.sync.syncLicense(f.org.id, licenseNumber, {
      since: new Date(Date.now() - 3 * DAY_MS),
      onProgress: (p) => progress.push(p.pageNumber),
    });
    assert.equal(result.status, 'ok', JSON.stringify(result));
    assert.equal(await countPackages(), 5000);
    const distinct = await sql<{
      n: number;
    }>`select count(distinct metrc_id) as n from mirror_packages`.execute(f.t.services.database.db);
    assert.equal(Number(distinct.rows[0]?.n), 5000);
    // Every page of the busy window was walked (5,000 / 20), with progress reported.
    assert.ok(Math.max(...progress) >= 250);
    const log = f.metrc.emulator.control.requests({ method: 'GET' });
    assert.ok(log.length > 250);
    assert.deepEqual(
      log.filter((e) => e.status !== 200),
      [],
      'no GET was refused (a window over 24 h would be a 400)',
    );
    assert.equal(f.metrc.emulator.control.counters().byStatus['429'] ?? 0, 0);
    // Only what a retailer has: no plants, plant batches or harvests were asked for.
    assert.ok(!log.some((e) => /\/(plants|plantbatches|harvests)\//.test(e.path)));
    const status = await f.t.services.sync.status(f.org.id, licenseId);
    const active = status.licenses[0]?.streams.find((s) => s.stream === 'packages:active');
    assert.equal(active?.progress, 1);
    assert.equal(active?.backfillDone, true);
  });

  it('an incremental pull picks up a change made in Metrc', async () => {
    const owner = f.metrc.emulator.scenario().users[0];
    assert.ok(owner);
    const api = f.metrc.client.forKeys({
      state: 'ca',
      vendorKey: new Secret(f.metrc.vendorKey('ca')),
      userKey: new Secret(owner.userKey),
    });
    const row = await f.t.services.database.db
      .selectFrom('mirror_packages')
      .select(['label', 'metrc_id'])
      .where('license_id', '=', licenseId)
      .orderBy('metrc_id')
      .executeTakeFirstOrThrow();
    await discontinuePackage(api, { licenseNumber, id: Number(row.metrc_id) });
    f.metrc.emulator.control.clearRequests();
    const result = await f.t.services.sync.syncLicense(f.org.id, licenseNumber, {
      resources: ['packages'],
    });
    assert.equal(result.status, 'ok');
    const stored = await f.t.services.database.db
      .selectFrom('mirror_packages')
      .select(['status'])
      .where('label', '=', row.label)
      .executeTakeFirstOrThrow();
    assert.equal(stored.status, 'inactive');
    assert.equal(await countPackages(), 5000, 'the change updated the row, never added one');
    // Incremental: a few windows since the watermark, not the 250 pages of the backfill.
    const gets = f.metrc.emulator.control.requests({ pathPrefix: '/ca/packages/v2/active' });
    assert.ok(gets.length < 20, `${gets.length} GETs`);
  });

  it('a page that never reached the mirror is detected and healed', async () => {
    const db = f.t.services.database.db;
    // Lose 20 old rows (a page's worth), as a bug or a failed write would; old, so that the
    // incremental pull's overlap does not simply read them again.
    const victims = await db
      .selectFrom('mirror_packages')
      .select('id')
      .where('license_id', '=', licenseId)
      .where('status', '=', 'active')
      .orderBy('last_modified', 'asc')
      .limit(20)
      .execute();
    await db
      .deleteFrom('mirror_packages')
      .where(
        'id',
        'in',
        victims.map((v) => v.id),
      )
      .execute();
    assert.equal(await countPackages(), 4980);
    const result = await f.t.services.sync.syncLicense(f.org.id, licenseNumber, {
      resources: ['packages'],
      checkGapsSince: new Date(Date.now() - 4 * DAY_MS),
    });
    assert.equal(result.status, 'ok');
    assert.equal(result.gapsHealed, 20);
    assert.equal(await countPackages(), 5000);
    const status = await f.t.services.sync.status(f.org.id, licenseId);
    const gap = status.licenses[0]?.gapsHealed[0];
    assert.equal(gap?.healed, 20);
    assert.equal(gap?.stream, 'packages:active');
    assert.equal(gap?.localAfter, gap?.metrcTotal);
  });
});
