import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { describeEachDialect } from '../helpers/test-db.ts';
import { createSyncFixture, type SyncFixture } from './sync-fixture.ts';

const DAY_MS = 86_400_000;

describeEachDialect('pull sync: a malformed record in a real page', (ctx) => {
  let f: SyncFixture;
  let licenseId: number;
  let licenseNumber: string;
  before(async () => {
    f = await createSyncFixture(ctx, {
      emulator: { scenarioParams: { licenses: 1, packages: 60 } },
    });
    const license = f.licenses[0];
    assert.ok(license);
    licenseId = license.id;
    licenseNumber = license.number;
  });
  after(() => f.close());

  it('is kept aside with its error; the rest of the window is stored and the checkpoint moves on', async () => {
    const db = f.t.services.database.db;
    // Metrc sends the 4th record of a page with a string where an integer Id belongs, once.
    f.metrc.emulator.control.addFault({
      kind: 'corrupt-record',
      path: '/packages/v2/active',
      field: 'Id',
      value: 'A-12',
      recordIndex: 3,
      times: 1,
    });
    const result = await f.t.services.sync.syncLicense(f.org.id, licenseNumber, {
      resources: ['packages'],
      since: new Date(Date.now() - 2 * DAY_MS),
    });
    assert.equal(result.status, 'ok', JSON.stringify(result));
    const active = result.streams.find((s) => s.stream === 'packages:active');
    assert.equal(active?.rejected, 1);

    const rejects = await db
      .selectFrom('sync_rejects')
      .selectAll()
      .where('license_id', '=', licenseId)
      .execute();
    assert.equal(rejects.length, 1);
    const [reject] = rejects;
    assert.equal(reject?.resource, 'packages:active');
    assert.equal(reject?.metrc_id, 'A-12');
    assert.equal(reject?.error, 'Id is missing or not a positive integer');
    assert.equal((JSON.parse(reject?.raw ?? '{}') as { Id?: unknown }).Id, 'A-12');

    // Every other record of the window is stored; the spoiled one came back whole when the
    // window's count fell short of Metrc's total and it was walked again.
    const stored = await db
      .selectFrom('mirror_packages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('license_id', '=', licenseId)
      .executeTakeFirstOrThrow();
    assert.equal(Number(stored.n), 60);
    const checkpoint = await db
      .selectFrom('sync_checkpoints')
      .selectAll()
      .where('license_id', '=', licenseId)
      .where('resource', '=', 'packages:active')
      .executeTakeFirstOrThrow();
    assert.ok(checkpoint.watermark, 'the watermark moved past the window');
    assert.equal(checkpoint.window_start, null, 'no window left unfinished');
    assert.equal(checkpoint.rejected, 1);
    const gaps = await db
      .selectFrom('sync_gaps')
      .selectAll()
      .where('license_id', '=', licenseId)
      .execute();
    assert.equal(gaps.length, 1);
    assert.equal(gaps[0]?.healed, 1);
  });
});
