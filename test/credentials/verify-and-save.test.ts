import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import {
  CA,
  type CredentialsFixture,
  createCredentialsFixture,
} from '../helpers/credentials-fixture.ts';
import { errorCode } from '../helpers/test-app.ts';
import { describeEachDialect } from '../helpers/test-db.ts';

type Cell = { section: string; status: string };
type Report = { licenses: Array<{ number: string; sections: Cell[] }> };

const cells = (report: Report, license: string, status: string) =>
  (report.licenses.find((l) => l.number === license)?.sections ?? [])
    .filter((c) => c.status === status)
    .map((c) => c.section)
    .sort();

describeEachDialect('Verify & Save (rule 3)', (ctx) => {
  let f: CredentialsFixture;
  before(async () => {
    f = await createCredentialsFixture(ctx, 'Verify Co');
  });
  after(() => f.close());

  async function counts() {
    const { db } = ctx.database;
    const n = async (table: 'credentials' | 'vault_data_keys' | 'licenses') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      credentials: await n('credentials'),
      dataKeys: await n('vault_data_keys'),
      licenses: await n('licenses'),
    };
  }

  it('refuses a key that does not cover every selected license, names them, and saves nothing', async () => {
    const before = await counts();
    const res = await f.saveKey({
      state: 'ca',
      kind: 'facility',
      licenseNumbers: [CA.retailer, CA.cultivator, CA.lab],
      apiKey: f.metrc.userKey('ca-manager'),
    });
    assert.equal(res.statusCode, 422);
    assert.equal(errorCode(res), 'CREDENTIAL_LICENSES_NOT_COVERED');
    assert.deepEqual(res.json().details.uncovered.sort(), [CA.lab, CA.cultivator].sort());
    assert.match(res.json().message, new RegExp(CA.cultivator));
    assert.deepEqual(await counts(), before);
  });

  it('saves a key Metrc accepts for every selected license, creating them from Metrc (rule 11)', async () => {
    const res = await f.saveKey({
      state: 'ca',
      kind: 'facility',
      licenseNumbers: [CA.cultivator, CA.retailer, CA.distributor, CA.lab],
      apiKey: f.metrc.userKey('ca-owner'),
    });
    assert.equal(res.statusCode, 201, res.body);
    const credential = res.json();
    assert.equal(credential.status, 'valid');
    assert.deepEqual(
      credential.licenses.map((l: { number: string }) => l.number).sort(),
      [CA.retailer, CA.distributor, CA.lab, CA.cultivator].sort(),
    );
    const licenses = (await f.call(f.admin, { method: 'GET', url: '/api/licenses' })).json()
      .licenses;
    const cultivator = licenses.find((l: { number: string }) => l.number === CA.cultivator);
    assert.equal(cultivator.licenseType, 'Adult-Use Cultivation');
    assert.equal(cultivator.facilityType.CanGrowPlants, true);
    assert.deepEqual([cultivator.features.plants, cultivator.features.sales], [true, false]);
    assert.equal(cultivator.sync.syncing, true);
  });

  it('reports the expected cells for a cultivator, retailer, distributor and lab', async () => {
    const list = (await f.call(f.admin, { method: 'GET', url: '/api/credentials' })).json()
      .credentials;
    const report: Report = list.find((c: { kind: string }) => c.kind === 'facility').report;
    const growing = ['harvests', 'plantBatches', 'plantTags', 'plants'];
    // CA offers neither Patients nor Processing jobs: not offered, whatever the license type.
    for (const license of [CA.cultivator, CA.retailer, CA.distributor, CA.lab]) {
      assert.deepEqual(
        cells(report, license, 'not_offered'),
        ['patients', 'processingJobs'],
        license,
      );
      assert.deepEqual(cells(report, license, 'missing_permission'), [], license);
    }
    assert.deepEqual(cells(report, CA.cultivator, 'not_expected'), ['sales', 'salesDeliveries']);
    assert.deepEqual(cells(report, CA.retailer, 'not_expected'), growing);
    assert.deepEqual(
      cells(report, CA.distributor, 'not_expected'),
      [...growing, 'sales', 'salesDeliveries'].sort(),
    );
    assert.deepEqual(
      cells(report, CA.lab, 'not_expected'),
      [...growing, 'sales', 'salesDeliveries'].sort(),
    );
    assert.ok(cells(report, CA.retailer, 'granted').includes('sales'));
    assert.ok(cells(report, CA.cultivator, 'granted').includes('plants'));
  });

  it('shows exactly Sales missing for a person without the Sales permission', async () => {
    const res = await f.saveKey({
      state: 'ca',
      kind: 'user',
      ownerUserId: f.org.manager.id,
      apiKey: f.metrc.userKey('ca-manager'),
    });
    assert.equal(res.statusCode, 201, res.body);
    const credential = res.json();
    assert.deepEqual(
      credential.licenses.map((l: { number: string }) => l.number),
      [CA.retailer],
    );
    assert.deepEqual(cells(credential.report, CA.retailer, 'missing_permission'), ['sales']);
    assert.equal(credential.statusReason, 'PERMISSION_MISSING');
    assert.match(credential.diagnosis.message, /Sales at C10-0000106-LIC/);
  });

  it('ties a license to one facility key, and a person to one key per state (rule 4)', async () => {
    const taken = await f.saveKey({
      state: 'ca',
      kind: 'facility',
      licenseNumbers: [CA.retailer],
      apiKey: f.metrc.userKey('ca-budtender'),
    });
    assert.equal(errorCode(taken), 'CREDENTIAL_LICENSE_TAKEN');
    assert.equal(taken.json().details.licenses[0].number, CA.retailer);
    const twice = await f.saveKey({
      state: 'ca',
      kind: 'user',
      ownerUserId: f.org.manager.id,
      apiKey: f.metrc.userKey('ca-budtender'),
    });
    assert.equal(errorCode(twice), 'CREDENTIAL_USER_STATE_EXISTS');
  });

  it('lets admins set any key, managers none, staff only their own (rule 7)', async () => {
    const body = { state: 'ca', kind: 'user', apiKey: f.metrc.userKey('ca-budtender') };
    const manager = await f.saveKey({ ...body, ownerUserId: f.org.staff.id }, f.manager);
    assert.equal(errorCode(manager), 'CREDENTIAL_MANAGER_CANNOT_SET');
    const facility = await f.saveKey(
      { state: 'ca', kind: 'facility', apiKey: f.metrc.userKey('ca-budtender') },
      f.staff,
    );
    assert.equal(errorCode(facility), 'CREDENTIAL_FACILITY_ADMIN_ONLY');
    const someoneElse = await f.saveKey({ ...body, ownerUserId: f.org.admin.id }, f.staff);
    assert.equal(errorCode(someoneElse), 'CREDENTIAL_STAFF_OWN_ONLY');
    const own = await f.saveKey(body, f.staff);
    assert.equal(own.statusCode, 201, own.body);
    assert.equal(own.json().ownerUserId, f.org.staff.id);
    const managerView = (await f.call(f.manager, { method: 'GET', url: '/api/credentials' })).json()
      .credentials;
    assert.equal(managerView.length, 3, 'managers see every key’s status');
    const staffView = (await f.call(f.staff, { method: 'GET', url: '/api/credentials' })).json()
      .credentials;
    assert.deepEqual(
      staffView.map((c: { kind: string; ownerUserId: number | null }) => c.ownerUserId).sort(),
      [null, f.org.staff.id].sort(),
      'staff see facility keys and their own',
    );
  });

  it('gives a clear code for a malformed key, a rejected key, a state without vendor key and an outage', async () => {
    const malformed = await f.saveKey({ state: 'ca', kind: 'facility', apiKey: 'not-a-key!' });
    assert.equal(errorCode(malformed), 'CREDENTIAL_KEY_MALFORMED');
    const unknown = await f.saveKey({
      state: 'ca',
      kind: 'facility',
      apiKey: 'UnknownKey0123456789abcdefXYZ',
    });
    assert.equal(unknown.statusCode, 422);
    assert.equal(errorCode(unknown), 'CREDENTIAL_KEY_REJECTED');
    assert.equal(unknown.json().details.diagnosis.code, 'KEY_REJECTED');
    const noVendor = await f.saveKey({
      state: 'mi',
      kind: 'facility',
      apiKey: f.metrc.userKey('ca-owner'),
    });
    assert.equal(errorCode(noVendor), 'VENDOR_KEY_MISSING');
    const fault = f.metrc.emulator.control.addFault({ kind: 'outage', state: 'co' });
    try {
      const down = await f.saveKey({
        state: 'co',
        kind: 'facility',
        apiKey: f.metrc.userKey('co-owner'),
      });
      assert.equal(down.statusCode, 503);
      assert.equal(errorCode(down), 'CREDENTIAL_METRC_UNAVAILABLE');
    } finally {
      f.metrc.emulator.control.removeFault(fault.id);
    }
    const co = (await f.call(f.admin, { method: 'GET', url: '/api/credentials' })).json()
      .credentials;
    assert.equal(co.filter((c: { state: string }) => c.state === 'co').length, 0, 'nothing saved');
  });

  it('sends both keys on every call, in the right order, under the key owner’s name (rule 1)', async () => {
    const log = f.metrc.emulator.control.requests({});
    const facilityCalls = log.filter((r) => r.path.startsWith('/ca/facilities'));
    assert.ok(facilityCalls.some((r) => r.userId === 'ca-owner' && r.status === 200));
    assert.ok(
      log.every((r) => r.status !== 429),
      'verification never causes a 429',
    );
  });
});
