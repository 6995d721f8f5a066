import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import {
  createInsightsRepo,
  createInsightsService,
  type InsightGroup,
  type InsightsService,
  type OrganizationFacts,
} from '../../src/insights/index.ts';
import {
  createTestApp,
  createTestOrganization,
  login,
  type TestApp,
  type TestOrganization,
} from '../helpers/test-app.ts';
import { describeEachDialect } from '../helpers/test-db.ts';

const K = 5;

/** Each organization's mirror, distinct enough that one organization's share would show. */
function factsFor(index: number): OrganizationFacts {
  return {
    inventory: [
      { category: 'Flower', ageDays: 10 + index * 7 },
      { category: 'Flower', ageDays: 12 + index * 7 },
    ],
    sales: [
      { state: 'CA', category: 'Flower', amount: 100 + index * 50 },
      { state: 'CA', category: 'Vape', amount: 100 },
    ],
    labResults: [
      { state: 'CA', passed: true },
      { state: 'CA', passed: index % 2 === 0 },
    ],
  };
}

/**
 * Rule 12's promise, attacked: an observer records every answer while organizations opt in
 * and out and while asking with and without filters, then tries to single out one organization
 * by differencing two answers. Every pair of answers either agrees or differs by at least k
 * organizations, so no difference isolates one.
 */
describeEachDialect('insights: no organization can be singled out (rule 12)', (ctx) => {
  let t: TestApp;
  let orgs: TestOrganization[];
  let insights: InsightsService;
  const observed: InsightGroup[][] = [];
  const indexOf = new Map<number, number>();

  before(async () => {
    t = await createTestApp(ctx.database);
    orgs = [];
    for (let i = 0; i < 11; i++) {
      const org = await createTestOrganization(t.services, `Insight ${i}`);
      orgs.push(org);
      indexOf.set(org.id, i);
    }
    insights = createInsightsService({
      db: ctx.database.db,
      repo: createInsightsRepo(ctx.database.db),
      source: async (organizationId) => factsFor(indexOf.get(organizationId) ?? 0),
      audit: t.services.audit,
      clock: t.services.clock,
      minOrganizations: K,
    });
  });
  after(() => t.close());

  const actor = (org: TestOrganization) => ({
    kind: 'session' as const,
    organizationId: org.id,
    role: 'admin' as const,
    userId: org.admin.id,
    tokenId: null,
    sessionId: null,
    isPlatformAdmin: false,
  });
  const optIn = (i: number, optedIn = true) =>
    insights.setParticipation(actor(orgs[i] as TestOrganization), optedIn);
  const look = async (query = {}) => {
    const { groups } = await insights.published(query);
    observed.push(groups);
    return groups;
  };
  const flower = (groups: InsightGroup[]) =>
    groups.find((g) => g.metric === 'inventory_age' && g.group === 'Flower');

  it('publishes nothing for fewer than k organizations, and only opted-in ones count', async () => {
    for (const i of [0, 1, 2, 3]) await optIn(i);
    assert.deepEqual(await look(), []);
    assert.equal((await insights.participation(orgs[4]?.id ?? 0)).optedIn, false);
  });

  it('publishes every metric once k organizations contribute', async () => {
    await optIn(4);
    const groups = await look();
    assert.deepEqual(
      groups.map((g) => [g.metric, g.group, g.organizations]),
      [
        ['inventory_age', 'Flower', 5],
        ['lab_pass_rate', 'CA', 5],
        ['sales_mix', 'CA', 5],
      ],
    );
  });

  it('one more organization opting in changes nothing an observer can difference', async () => {
    const before = await look();
    await optIn(5);
    const after = await look();
    assert.deepEqual(after, before, 'the newcomer waits until k newcomers have gathered');
  });

  it('a filter selects whole groups: the same figures with and without it', async () => {
    const all = await look();
    const filtered = await look({ metric: 'inventory_age', group: 'Flower' });
    assert.deepEqual(filtered, [flower(all)]);
    assert.deepEqual(
      await look({ group: 'CA' }),
      all.filter((g) => g.group === 'CA'),
    );
  });

  it('one organization opting out withholds the group instead of revealing it', async () => {
    await optIn(0, false);
    assert.deepEqual(await look(), []);
  });

  it('republishes only once the cohort can move by at least k organizations', async () => {
    for (const i of [6, 7]) {
      await optIn(i);
      assert.deepEqual(await look(), [], 'still fewer than k changes');
    }
    await optIn(8);
    const groups = await look();
    // Left: 0; joined: 5, 6, 7, 8 → five changes at once.
    assert.equal(flower(groups)?.organizations, 8);
  });

  it('across every pair of answers, no difference isolates a single organization', () => {
    // Count × mean differencing yields one organization's figure only when two answers for the
    // same group differ by exactly one organization, or when a figure moved silently.
    for (const a of observed.flat()) {
      for (const b of observed.flat()) {
        if (a.metric !== b.metric || a.group !== b.group) continue;
        assert.notEqual(Math.abs(a.organizations - b.organizations), 1, `${a.metric}/${a.group}`);
        if (a.organizations === b.organizations) assert.deepEqual(a.values, b.values);
      }
    }
    assert.ok(observed.length >= 10, 'the observer saw every step');
  });

  it('opting in and out goes through the API, admins only, and is audited', async () => {
    const org = orgs[10] as TestOrganization;
    const admin = await login(t.app, org.admin);
    const staff = await login(t.app, org.staff);
    const refused = await t.app.inject({
      method: 'PUT',
      url: '/api/insights/participation',
      headers: staff.headers,
      payload: { optedIn: true },
    });
    assert.equal(refused.statusCode, 403);
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/insights/participation',
      headers: admin.headers,
      payload: { optedIn: true },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().optedIn, true);
    const published = await t.app.inject({
      method: 'GET',
      url: '/api/insights',
      headers: staff.headers,
    });
    assert.equal(published.json().minOrganizations, t.services.config.insightsMinOrganizations);
    const events = await ctx.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('organization_id', '=', org.id)
      .where('action', 'like', 'insights.%')
      .execute();
    assert.deepEqual(
      events.map((e) => e.action),
      ['insights.opted_in'],
    );
  });
});
