import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { INTAKE_MAX_WRONG_KEYS } from '../../src/credentials/index.ts';
import {
  type CredentialsFixture,
  createCredentialsFixture,
} from '../helpers/credentials-fixture.ts';
import { errorCode } from '../helpers/test-app.ts';
import { describeEachDialect } from '../helpers/test-db.ts';

/** The public one-time link route (issue 10, item 4): no decoding, guessing or race at the door. */
describeEachDialect('the intake door', (ctx) => {
  let f: CredentialsFixture;
  before(async () => {
    f = await createCredentialsFixture(ctx, 'Door Co');
    const facility = await f.saveKey({
      state: 'ca',
      kind: 'facility',
      apiKey: f.metrc.userKey('ca-owner'),
    });
    assert.equal(facility.statusCode, 201, facility.body);
  });
  after(() => f.close());

  const newLink = async (userId: number) => {
    const res = await f.call(f.admin, {
      method: 'POST',
      url: '/api/intake-links',
      payload: { userId, state: 'ca' },
    });
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as { token: string; link: { id: number } };
  };
  const submit = (token: string, payload: Record<string, unknown>) =>
    f.t.app.inject({ method: 'POST', url: `/api/intake/${token}`, payload });
  const userCredentials = async () =>
    (await f.call(f.admin, { method: 'GET', url: '/api/credentials' }))
      .json()
      .credentials.filter((c: { kind: string }) => c.kind === 'user').length;

  it('checks the token before it decodes an uploaded image', async () => {
    const res = await submit('tgk_not-a-real-link-token-000', {
      qrImage: Buffer.from('not an image, never decoded').toString('base64'),
    });
    assert.equal(res.statusCode, 404, res.body);
    assert.equal(errorCode(res), 'INTAKE_LINK_INVALID');
  });

  it('locks a link after a few wrong keys; a right key is then refused too', async () => {
    const { token } = await newLink(f.org.manager.id);
    for (let i = 0; i < INTAKE_MAX_WRONG_KEYS; i++) {
      const wrong = await submit(token, { apiKey: `WrongKey${i}0123456789abcdefgh` });
      assert.equal(errorCode(wrong), 'CREDENTIAL_KEY_REJECTED');
    }
    const right = await submit(token, { apiKey: f.metrc.userKey('ca-manager') });
    assert.equal(right.statusCode, 410, right.body);
    assert.equal(errorCode(right), 'INTAKE_LINK_LOCKED');
    const described = await f.t.app.inject({ method: 'GET', url: `/api/intake/${token}` });
    assert.equal(errorCode(described), 'INTAKE_LINK_LOCKED');
    assert.equal(await userCredentials(), 0);
  });

  it('lets only one of two concurrent submits write', async () => {
    const { token } = await newLink(f.org.staff.id);
    const key = f.metrc.userKey('ca-budtender');
    const answers = await Promise.all([
      submit(token, { apiKey: key }),
      submit(token, { apiKey: key }),
    ]);
    const statuses = answers.map((a) => a.statusCode).sort();
    assert.deepEqual(statuses, [201, 410], answers.map((a) => a.body).join('\n'));
    const loser = answers.find((a) => a.statusCode === 410);
    assert.equal(loser && errorCode(loser), 'INTAKE_LINK_USED');
    assert.equal(await userCredentials(), 1);
    const audit = await ctx.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'credential.added')
      .execute();
    assert.equal(audit.length, 2, 'the facility key and one personal key, not two');
  });
});
