import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { SYSTEM_ACTOR } from '../../src/auth/index.ts';
import { createManualClock, Secret } from '../../src/lib/index.ts';
import { CA } from '../helpers/credentials-fixture.ts';
import {
  createTestApp,
  createTestOrganization,
  login,
  type TestApp,
  type TestOrganization,
  type TestSession,
} from '../helpers/test-app.ts';
import { describeEachDialect } from '../helpers/test-db.ts';
import { startTestMetrc, type TestMetrc } from '../helpers/test-metrc.ts';

const DAY_MS = 86_400_000;

/**
 * Key invalid, key expiring (day 330) and license not syncing, against real keys in the
 * emulator: raised once, deduplicated while the condition holds, resolved when it clears, and
 * every raise and resolution audited.
 */
describeEachDialect('alert lifecycle: keys and license sync', (ctx) => {
  let t: TestApp;
  let metrc: TestMetrc;
  let org: TestOrganization;
  let admin: TestSession;
  let manager: TestSession;
  let credentialId: number;
  let retailerId: number;
  const clock = createManualClock(new Date());

  before(async () => {
    metrc = await startTestMetrc();
    t = await createTestApp(ctx.database, { metrc: metrc.client, clock });
    await t.services.vendorKeys.set(SYSTEM_ACTOR, {
      state: 'ca',
      environment: 'production',
      key: new Secret(metrc.vendorKey('ca')),
    });
    org = await createTestOrganization(t.services, 'Alerting Co');
    admin = await login(t.app, org.admin);
    manager = await login(t.app, org.manager);
    const saved = await t.app.inject({
      method: 'POST',
      url: '/api/credentials',
      headers: admin.headers,
      payload: {
        state: 'ca',
        kind: 'facility',
        licenseNumbers: [CA.retailer],
        apiKey: metrc.userKey('ca-owner'),
      },
    });
    assert.equal(saved.statusCode, 201, saved.body);
    credentialId = saved.json().id;
    const licenses = (await t.services.licenses.list(org.id)) as Array<{
      id: number;
      number: string;
    }>;
    retailerId = licenses.find((l) => l.number === CA.retailer)?.id ?? 0;
  });
  after(async () => {
    await t.close();
    await metrc.close();
  });

  const evaluate = async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/alerts/evaluate',
      headers: manager.headers,
    });
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as { raised: number; resolved: number; failedSources: string[] };
  };
  const openAlerts = async () =>
    (
      await t.app.inject({ method: 'GET', url: '/api/alerts?status=open', headers: admin.headers })
    ).json().alerts as Array<{ id: number; kind: string; subjectKey: string; severity: string }>;
  const rows = (kind: string, subject: string) =>
    ctx.database.db
      .selectFrom('alerts')
      .selectAll()
      .where('organization_id', '=', org.id)
      .where('kind', '=', kind)
      .where('subject_key', '=', subject)
      .execute();
  const audited = async (action: string) =>
    (
      await ctx.database.db
        .selectFrom('audit_events')
        .select('details')
        .where('organization_id', '=', org.id)
        .where('action', '=', action)
        .execute()
    ).map((e) => JSON.parse(e.details) as { kind: string; subject: string });

  it('raises nothing for a valid, young key on a syncing license', async () => {
    await evaluate();
    const open = await openAlerts();
    assert.deepEqual(
      open.filter((a) => a.subjectKey === `credential:${credentialId}`),
      [],
    );
    assert.equal(
      open.some((a) => a.subjectKey === `license:${retailerId}`),
      false,
      'the retailer license syncs',
    );
  });

  it('raises key invalid and license not syncing once when Metrc rejects the key, however often it is evaluated', async () => {
    metrc.emulator.control.regenerateUserKey('ca-owner');
    await t.services.credentialHealth.reverify(org.id, credentialId);
    const first = await evaluate();
    assert.ok(first.raised >= 2);
    const again = await evaluate();
    assert.equal(again.raised, 0, 'deduplicated');
    const open = await openAlerts();
    const invalid = open.find((a) => a.kind === 'key_invalid');
    assert.equal(invalid?.subjectKey, `credential:${credentialId}`);
    assert.equal(invalid?.severity, 'critical');
    const license = open.find(
      (a) => a.kind === 'license_not_syncing' && a.subjectKey === `license:${retailerId}`,
    );
    assert.equal(license?.severity, 'critical');
    assert.equal((await rows('key_invalid', `credential:${credentialId}`)).length, 1);
    const raised = await audited('alert.raised');
    assert.equal(
      raised.filter((d) => d.kind === 'key_invalid').length,
      1,
      'one audit event per raise',
    );
  });

  it('resolves both by itself when a valid key is entered, and audits it', async () => {
    const newKey = metrc.emulator.scenario().users.find((u) => u.id === 'ca-owner')?.userKey;
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/credentials/${credentialId}`,
      headers: admin.headers,
      payload: { apiKey: newKey },
    });
    assert.equal(res.statusCode, 200, res.body);
    const report = await evaluate();
    assert.ok(report.resolved >= 2);
    const open = await openAlerts();
    assert.equal(open.filter((a) => a.kind === 'key_invalid').length, 0);
    assert.equal(
      open.some((a) => a.subjectKey === `license:${retailerId}`),
      false,
    );
    const [row] = await rows('key_invalid', `credential:${credentialId}`);
    assert.equal(row?.status, 'resolved');
    assert.ok(row?.resolved_at);
    const resolved = await audited('alert.resolved');
    assert.ok(resolved.some((d) => d.kind === 'key_invalid'));
    const resolvedList = (
      await t.app.inject({
        method: 'GET',
        url: '/api/alerts?status=resolved&kind=key_invalid',
        headers: admin.headers,
      })
    ).json().alerts;
    assert.equal(resolvedList.length, 1);
  });

  it('warns from day 330 that a key will expire, once, and clears when a new key is saved', async () => {
    clock.advance(329 * DAY_MS);
    // Sessions expire on the same clock; sign in again on the new day.
    [admin, manager] = [await login(t.app, org.admin), await login(t.app, org.manager)];
    assert.equal((await evaluate()).raised, 0, 'day 329: not yet');
    clock.advance(1 * DAY_MS);
    [admin, manager] = [await login(t.app, org.admin), await login(t.app, org.manager)];
    await evaluate();
    await evaluate();
    const expiring = (await openAlerts()).filter((a) => a.kind === 'key_expiring');
    assert.equal(expiring.length, 1);
    assert.match(JSON.stringify(expiring[0]), /330 days old/);
    // Regenerating in Metrc and saving the new key starts a new year.
    metrc.emulator.control.regenerateUserKey('ca-owner');
    const newKey = metrc.emulator.scenario().users.find((u) => u.id === 'ca-owner')?.userKey;
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/credentials/${credentialId}`,
      headers: admin.headers,
      payload: { apiKey: newKey },
    });
    assert.equal(res.statusCode, 200, res.body);
    await evaluate();
    assert.equal((await openAlerts()).filter((a) => a.kind === 'key_expiring').length, 0);
    assert.equal((await rows('key_expiring', `credential:${credentialId}`)).length, 1);
  });

  it('lets a person acknowledge an alert; the alert stays open until the condition clears', async () => {
    metrc.emulator.control.regenerateUserKey('ca-owner');
    await t.services.credentialHealth.reverify(org.id, credentialId);
    await evaluate();
    const invalid = (await openAlerts()).find((a) => a.kind === 'key_invalid');
    assert.ok(invalid);
    const staff = await login(t.app, org.staff);
    const ack = await t.app.inject({
      method: 'POST',
      url: `/api/alerts/${invalid.id}/acknowledge`,
      headers: staff.headers,
    });
    assert.equal(ack.statusCode, 200, ack.body);
    assert.equal(ack.json().status, 'open');
    assert.equal(ack.json().acknowledgedByUserId, org.staff.id);
    const other = await createTestOrganization(t.services, 'Nosy Co');
    const nosy = await login(t.app, other.admin);
    const peek = await t.app.inject({
      method: 'GET',
      url: `/api/alerts/${invalid.id}`,
      headers: nosy.headers,
    });
    assert.equal(peek.statusCode, 404, 'another organization cannot see it');
    assert.equal(peek.json().code, 'ALERT_NOT_FOUND');
  });
});
