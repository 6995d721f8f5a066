import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import {
  CA,
  type CredentialsFixture,
  createCredentialsFixture,
} from '../helpers/credentials-fixture.ts';
import { errorCode } from '../helpers/test-app.ts';
import { describeEachDialect } from '../helpers/test-db.ts';

type Report = {
  keyAccepted: boolean;
  uncovered: string[];
  licenses: Array<{ number: string; sections: Array<{ section: string; status: string }> }>;
};

describeEachDialect('Check a key without saving it', (ctx) => {
  let f: CredentialsFixture;
  before(async () => {
    f = await createCredentialsFixture(ctx, 'Check Co');
  });
  after(() => f.close());

  async function rows() {
    const { db } = ctx.database;
    const n = async (table: 'credentials' | 'vault_data_keys' | 'licenses' | 'audit_events') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return [
      await n('credentials'),
      await n('vault_data_keys'),
      await n('licenses'),
      await n('audit_events'),
    ];
  }

  const check = (body: Record<string, unknown>, session = f.staff) =>
    f.call(session, { method: 'POST', url: '/api/credentials/check', payload: body });

  it('shows what a key may do at each license Metrc lists, and writes nothing', async () => {
    const before = await rows();
    const key = f.metrc.userKey('ca-owner');
    const res = await check({ state: 'ca', apiKey: key });
    assert.equal(res.statusCode, 200, res.body);
    const report = res.json() as Report;
    assert.equal(report.keyAccepted, true);
    const numbers = report.licenses.map((l) => l.number);
    assert.ok(numbers.includes(CA.cultivator) && numbers.includes(CA.retailer));
    const cultivator = report.licenses.find((l) => l.number === CA.cultivator);
    assert.equal(cultivator?.sections.find((c) => c.section === 'sales')?.status, 'not_expected');
    assert.deepEqual(await rows(), before);
    assert.ok(!res.body.includes(key), 'the key never comes back');
  });

  it('names the licenses a key does not cover, without refusing', async () => {
    const res = await check({
      state: 'ca',
      licenseNumbers: [CA.retailer, CA.cultivator],
      apiKey: f.metrc.userKey('ca-manager'),
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual((res.json() as Report).uncovered, [CA.cultivator]);
  });

  it('reports a key Metrc rejects as not accepted, with its diagnosis', async () => {
    const res = await check({ state: 'ca', apiKey: 'x'.repeat(48) });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal((res.json() as Report).keyAccepted, false);
  });

  it('refuses a malformed key and an unknown state with their codes', async () => {
    assert.equal(
      errorCode(await check({ state: 'ca', apiKey: 'short' })),
      'CREDENTIAL_KEY_MALFORMED',
    );
    assert.equal(errorCode(await check({ state: 'ca' })), 'REQUEST_INVALID');
  });
});
