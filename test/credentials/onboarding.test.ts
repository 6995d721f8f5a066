import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { isActiveLicense } from '../../src/credentials/index.ts';
import {
  CA,
  type CredentialsFixture,
  createCredentialsFixture,
} from '../helpers/credentials-fixture.ts';
import { createPlatformAdmin, errorCode, login, type TestSession } from '../helpers/test-app.ts';
import { describeEachDialect } from '../helpers/test-db.ts';

describeEachDialect('know your customer and insights (rules 11, 12)', (ctx) => {
  let f: CredentialsFixture;
  let platform: TestSession;
  before(async () => {
    f = await createCredentialsFixture(ctx, 'Platform Host');
    platform = await login(f.t.app, await createPlatformAdmin(f.t.services));
  });
  after(() => f.close());

  const signUp = (slug: string, apiKey: string, state = 'ca') =>
    f.call(platform, {
      method: 'POST',
      url: '/api/platform/organizations',
      payload: {
        name: `Shop ${slug}`,
        slug,
        admin: { email: `owner@${slug}.test`, name: 'Owner' },
        metrc: { state, apiKey },
      },
    });

  it('creates an organization only with a key that holds a license, and records what each can do', async () => {
    const res = await signUp('kyc-retail', f.metrc.userKey('ca-budtender'));
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json();
    assert.equal(body.credential.kind, 'facility');
    assert.deepEqual(
      body.credential.licenses.map((l: { number: string }) => l.number),
      [CA.retailer],
    );
    const owner = await login(f.t.app, {
      email: 'owner@kyc-retail.test',
      password: body.oneTimePassword,
    });
    // A one-time password opens only its own change (issue 10 item 9).
    const changed = await f.t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: owner.headers,
      payload: { currentPassword: body.oneTimePassword, newPassword: 'the owner chose this one' },
    });
    assert.equal(changed.statusCode, 204, changed.body);
    const licenses = (
      await f.t.app.inject({ method: 'GET', url: '/api/licenses', headers: owner.headers })
    ).json().licenses;
    assert.equal(licenses.length, 1);
    assert.equal(licenses[0].licenseType, 'Adult-Use Retailer');
    assert.deepEqual(
      Object.entries(licenses[0].features)
        .filter(([, on]) => on)
        .map(([feature]) => feature)
        .sort(),
      ['packages', 'sales', 'salesDelivery', 'transfers'],
      'a store shows sales, not plants',
    );
  });

  it('creates nothing for a key without licenses or a key Metrc rejects', async () => {
    f.metrc.emulator.control.createUser({
      state: 'ca',
      id: 'nobody',
      name: 'Nobody',
      userKey: 'NoLicensesKey0123456789abcd',
    });
    const none = await signUp('kyc-none', 'NoLicensesKey0123456789abcd');
    assert.equal(errorCode(none), 'CREDENTIAL_NO_LICENSES');
    const rejected = await signUp('kyc-bad', 'RejectedKey0123456789abcdef');
    assert.equal(errorCode(rejected), 'CREDENTIAL_KEY_REJECTED');
    const slugs = await ctx.database.db.selectFrom('organizations').select('slug').execute();
    assert.equal(
      slugs.some((o) => o.slug.startsWith('kyc-none') || o.slug.startsWith('kyc-bad')),
      false,
    );
  });

  it('judges a license active until its end date passes', () => {
    const facility = {
      number: 'X',
      name: 'X',
      licenseType: 'T',
      facilityType: {},
      licenseEndDate: '2026-06-30',
    };
    assert.equal(isActiveLicense(facility, '2026-06-30'), true);
    assert.equal(isActiveLicense(facility, '2026-07-01'), false);
    assert.equal(isActiveLicense({ ...facility, licenseEndDate: null }, '2030-01-01'), true);
  });

  it('publishes license-type counts only for groups of at least k organizations', async () => {
    await signUp('kyc-retail-2', f.metrc.userKey('ca-manager'));
    const insights = (
      await f.call(platform, { method: 'GET', url: '/api/platform/insights/license-types' })
    ).json();
    assert.equal(insights.minOrganizations, 5);
    assert.deepEqual(
      insights.groups,
      [],
      'fewer than 5 organizations per group: nothing published',
    );
    const all = await f.t.services.licenses.licenseTypeInsights(2);
    const retailers = all.groups.find((g) => g.licenseType === 'Adult-Use Retailer');
    assert.equal(retailers?.organizations, 2);
    assert.equal(
      all.groups.every((g) => g.organizations >= 2),
      true,
    );
  });
});
