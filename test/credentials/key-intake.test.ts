import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import QRCode from 'qrcode';
import {
  CA,
  type CredentialsFixture,
  createCredentialsFixture,
} from '../helpers/credentials-fixture.ts';
import { errorCode } from '../helpers/test-app.ts';
import { describeEachDialect } from '../helpers/test-db.ts';

describeEachDialect('keys arrive safely (rule 13)', (ctx) => {
  let f: CredentialsFixture;
  before(async () => {
    f = await createCredentialsFixture(ctx, 'Intake Co');
    const facility = await f.saveKey({
      state: 'ca',
      kind: 'facility',
      apiKey: f.metrc.userKey('ca-owner'),
    });
    assert.equal(facility.statusCode, 201, facility.body);
  });
  after(() => f.close());

  it('reads a key from a screenshot of its QR code, decoded here', async () => {
    const png = await QRCode.toBuffer(f.metrc.userKey('ca-manager'), { type: 'png', scale: 6 });
    const res = await f.saveKey({
      state: 'ca',
      kind: 'user',
      ownerUserId: f.org.manager.id,
      qrImage: `data:image/png;base64,${png.toString('base64')}`,
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().fingerprint, `…${f.metrc.userKey('ca-manager').slice(-4)}`);
    const blank = await f.saveKey({
      state: 'ca',
      kind: 'user',
      ownerUserId: f.org.staff.id,
      qrImage: Buffer.from('not an image').toString('base64'),
    });
    assert.equal(errorCode(blank), 'CREDENTIAL_QR_UNREADABLE');
    const both = await f.saveKey({
      state: 'ca',
      kind: 'user',
      apiKey: 'AAAAAAAAAAAAAAAAAAAA',
      qrImage: 'AAAA',
    });
    assert.equal(errorCode(both), 'REQUEST_INVALID');
  });

  it('lets a staff member enter their own key through a one-time link, once', async () => {
    const created = await f.call(f.admin, {
      method: 'POST',
      url: '/api/intake-links',
      payload: { userId: f.org.staff.id, state: 'ca' },
    });
    assert.equal(created.statusCode, 201, created.body);
    const { token, url } = created.json();
    assert.ok(url.endsWith(`/key/${token}`));

    const described = await f.t.app.inject({ method: 'GET', url: `/api/intake/${token}` });
    assert.deepEqual(
      { person: described.json().person, state: described.json().state },
      { person: 'Intake Co staff', state: 'ca' },
    );

    const typo = await f.t.app.inject({
      method: 'POST',
      url: `/api/intake/${token}`,
      payload: { apiKey: 'TypoKey0123456789abcdefghij' },
    });
    assert.equal(errorCode(typo), 'CREDENTIAL_KEY_REJECTED', 'a typo does not spend the link');

    const saved = await f.t.app.inject({
      method: 'POST',
      url: `/api/intake/${token}`,
      payload: { apiKey: f.metrc.userKey('ca-budtender') },
    });
    assert.equal(saved.statusCode, 201, saved.body);
    assert.equal(saved.json().ownerUserId, f.org.staff.id);
    assert.deepEqual(
      saved.json().licenses.map((l: { number: string }) => l.number),
      [CA.retailer],
    );

    const again = await f.t.app.inject({
      method: 'POST',
      url: `/api/intake/${token}`,
      payload: { apiKey: f.metrc.userKey('ca-budtender') },
    });
    assert.equal(again.statusCode, 410);
    assert.equal(errorCode(again), 'INTAKE_LINK_USED');
    const links = (await f.call(f.admin, { method: 'GET', url: '/api/intake-links' })).json().links;
    assert.ok(links[0].usedAt);
  });

  it('refuses expired, revoked and unknown links with their own codes', async () => {
    const make = async () =>
      (
        await f.call(f.admin, {
          method: 'POST',
          url: '/api/intake-links',
          payload: { userId: f.org.admin.id, state: 'ca' },
        })
      ).json();
    const expired = await make();
    await ctx.database.db
      .updateTable('credential_intake_links')
      .set({ expires_at: '2020-01-01T00:00:00.000Z' })
      .where('id', '=', expired.link.id)
      .execute();
    assert.equal(
      errorCode(await f.t.app.inject({ method: 'GET', url: `/api/intake/${expired.token}` })),
      'INTAKE_LINK_EXPIRED',
    );
    const revoked = await make();
    const del = await f.call(f.admin, {
      method: 'DELETE',
      url: `/api/intake-links/${revoked.link.id}`,
    });
    assert.equal(del.statusCode, 204);
    assert.equal(
      errorCode(await f.t.app.inject({ method: 'GET', url: `/api/intake/${revoked.token}` })),
      'INTAKE_LINK_INVALID',
    );
    assert.equal(
      errorCode(
        await f.t.app.inject({ method: 'GET', url: '/api/intake/tgk_0000000000000000000000' }),
      ),
      'INTAKE_LINK_INVALID',
    );
  });

  it('stores only the hash of a link token', async () => {
    const { token } = (
      await f.call(f.admin, {
        method: 'POST',
        url: '/api/intake-links',
        payload: { userId: f.org.admin.id, state: 'ca' },
      })
    ).json();
    const rows = await ctx.database.db
      .selectFrom('credential_intake_links')
      .select('token_hash')
      .execute();
    assert.equal(JSON.stringify(rows).includes(token), false);
  });
});
