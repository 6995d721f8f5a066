import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import {
  type AlertKind,
  createAlerts,
  createPackageExpirySource,
  createPackageHoldSource,
  createQuantityDriftSource,
  createSubmissionSource,
  type MirroredLabResult,
  type MirroredPackage,
  type MirrorSignals,
  type OutboxSignals,
  type PackageQuantity,
  type QuantitySignals,
  type SubmissionSignal,
} from '../../src/alerts/index.ts';
import { createManualClock } from '../../src/lib/index.ts';
import {
  createTestApp,
  createTestOrganization,
  type TestApp,
  type TestOrganization,
} from '../helpers/test-app.ts';
import { describeEachDialect } from '../helpers/test-db.ts';

const DAY_MS = 86_400_000;

/** Plain fakes of the narrow ports the outbox and sync features will satisfy. */
function createFakes() {
  const state = {
    attention: [] as SubmissionSignal[],
    pending: [] as SubmissionSignal[],
    onHold: [] as MirroredPackage[],
    expiring: [] as MirroredPackage[],
    failedLabs: [] as MirroredLabResult[],
    expected: [] as PackageQuantity[],
    mirrored: [] as PackageQuantity[],
  };
  const outbox: OutboxSignals = {
    listNeedingAttention: async () => state.attention,
    listOverdue: async ({ olderThan }) =>
      state.pending.filter((s) => new Date(s.createdAt) < olderThan),
  };
  const mirror: MirrorSignals = {
    packagesOnHold: async () => state.onHold,
    packagesExpiringBefore: async (_org, before) =>
      state.expiring.filter((p) => !!p.expirationDate && new Date(p.expirationDate) < before),
    failedLabResults: async () => state.failedLabs,
  };
  const quantities: QuantitySignals = {
    expectedQuantities: async () => state.expected,
    mirroredQuantities: async (_org, labels) =>
      state.mirrored.filter((m) => labels.includes(m.label)),
  };
  return { state, outbox, mirror, quantities };
}

describeEachDialect('alert lifecycle: submissions and mirror (through the narrow ports)', (ctx) => {
  let t: TestApp;
  let org: TestOrganization;
  let licenseId: number;
  const clock = createManualClock(new Date('2026-11-27T08:00:00.000Z'));
  const fakes = createFakes();

  before(async () => {
    t = await createTestApp(ctx.database, { clock });
    org = await createTestOrganization(t.services, 'Ports Co');
    const license = await t.services.licenses.create(
      { organizationId: org.id, userId: org.admin.id, tokenId: null },
      { number: 'C10-0000999-LIC', state: 'ca', licenseType: 'Retailer', name: 'Shop' },
    );
    licenseId = license.id;
  });
  after(() => t.close());

  /** The engine over the adapters only (the credential sources are tested elsewhere). */
  async function engine() {
    return createAlerts({
      db: ctx.database.db,
      vault: t.services.vault,
      audit: t.services.audit,
      clock,
      logger: t.services.logger,
      sources: [
        createSubmissionSource({ outbox: fakes.outbox, overdueAfterMs: 3_600_000 }),
        createPackageHoldSource({ mirror: fakes.mirror }),
        createPackageExpirySource({ mirror: fakes.mirror, withinDays: 30 }),
        createQuantityDriftSource({ quantities: fakes.quantities }),
      ],
      organizationIds: async () => [org.id],
      members: async () => [],
      mailer: null,
      webhooks: { allowPrivate: false },
      consoleUrl: 'http://127.0.0.1',
    }).engine;
  }

  const openOf = (kind: AlertKind) =>
    ctx.database.db
      .selectFrom('alerts')
      .selectAll()
      .where('organization_id', '=', org.id)
      .where('kind', '=', kind)
      .where('status', '=', 'open')
      .execute();

  const submission = (id: number, status: string, ageMs: number): SubmissionSignal => ({
    id,
    licenseId,
    status,
    action: 'sale',
    createdAt: new Date(clock.now().getTime() - ageMs).toISOString(),
    lastError: status === 'failed' ? 'Package 1A4… has insufficient quantity' : null,
  });

  const cases: Array<{ kind: AlertKind; set: () => void; clear: () => void; subject: string }> = [
    {
      kind: 'submission_failed',
      set: () => {
        fakes.state.attention = [submission(1, 'failed', 1_000), submission(2, 'failed', 2_000)];
      },
      clear: () => {
        fakes.state.attention = [];
      },
      subject: 'license:LICENSE',
    },
    {
      kind: 'submission_held',
      set: () => {
        fakes.state.attention = [submission(3, 'held', 1_000)];
      },
      clear: () => {
        fakes.state.attention = [];
      },
      subject: 'license:LICENSE',
    },
    {
      kind: 'submission_overdue',
      set: () => {
        fakes.state.pending = [submission(4, 'pending', 2 * 3_600_000)];
      },
      clear: () => {
        fakes.state.pending = [];
      },
      subject: 'license:LICENSE',
    },
    {
      kind: 'package_on_hold',
      set: () => {
        fakes.state.onHold = [
          { licenseId, label: '1A4000000000000000000001', holdReason: 'Recalled' },
        ];
      },
      clear: () => {
        fakes.state.onHold = [];
      },
      subject: 'package:1A4000000000000000000001',
    },
    {
      kind: 'lab_test_failed',
      set: () => {
        fakes.state.failedLabs = [
          {
            licenseId,
            packageLabel: '1A4000000000000000000002',
            resultId: '77',
            testName: 'Pesticides',
          },
        ];
      },
      clear: () => {
        fakes.state.failedLabs = [];
      },
      subject: 'lab:77',
    },
    {
      kind: 'package_expiring',
      set: () => {
        fakes.state.expiring = [
          {
            licenseId,
            label: '1A4000000000000000000003',
            expirationDate: new Date(clock.now().getTime() + 10 * DAY_MS)
              .toISOString()
              .slice(0, 10),
          },
        ];
      },
      clear: () => {
        fakes.state.expiring = [];
      },
      subject: 'package:1A4000000000000000000003',
    },
    {
      kind: 'quantity_drift',
      set: () => {
        fakes.state.expected = [{ licenseId, label: '1A4000000000000000000004', quantity: 10 }];
        fakes.state.mirrored = [{ licenseId, label: '1A4000000000000000000004', quantity: 9.5 }];
      },
      clear: () => {
        fakes.state.mirrored = [{ licenseId, label: '1A4000000000000000000004', quantity: 10 }];
      },
      subject: 'package:1A4000000000000000000004',
    },
  ];

  for (const c of cases) {
    it(`${c.kind}: raised once, deduplicated, resolved when it clears`, async () => {
      const e = await engine();
      const subject = c.subject.replace('LICENSE', String(licenseId));
      c.set();
      assert.equal((await e.evaluate(org.id)).raised, 1);
      const second = await e.evaluate(org.id);
      assert.equal(second.raised, 0, 'deduplicated');
      const open = await openOf(c.kind);
      assert.equal(open.length, 1);
      assert.equal(open[0]?.subject_key, subject);
      assert.equal(open[0]?.license_id, licenseId);
      c.clear();
      assert.equal((await e.evaluate(org.id)).resolved, 1);
      assert.equal((await openOf(c.kind)).length, 0);
    });
  }

  it('a failing source resolves nothing: an outage is not an all-clear', async () => {
    const e = await engine();
    fakes.state.onHold = [{ licenseId, label: '1A4000000000000000000009', holdReason: 'Hold' }];
    await e.evaluate(org.id);
    const broken = fakes.mirror.packagesOnHold;
    fakes.mirror.packagesOnHold = async () => {
      throw new Error('mirror unavailable');
    };
    try {
      const report = await e.evaluate(org.id);
      assert.deepEqual(report.failedSources, ['mirror-holds']);
      assert.equal(report.resolved, 0);
      assert.equal((await openOf('package_on_hold')).length, 1);
    } finally {
      fakes.mirror.packagesOnHold = broken;
    }
    fakes.state.onHold = [];
    await e.evaluate(org.id);
    assert.equal((await openOf('package_on_hold')).length, 0);
  });

  it('a condition that returns after it cleared is a new alert (and so a new notification)', async () => {
    const e = await engine();
    const hold = { licenseId, label: '1A4000000000000000000010', holdReason: 'Hold' };
    fakes.state.onHold = [hold];
    await e.evaluate(org.id);
    fakes.state.onHold = [];
    await e.evaluate(org.id);
    fakes.state.onHold = [hold];
    assert.equal((await e.evaluate(org.id)).raised, 1);
    const all = await ctx.database.db
      .selectFrom('alerts')
      .select('status')
      .where('subject_key', '=', `package:${hold.label}`)
      .execute();
    assert.deepEqual(all.map((r) => r.status).sort(), ['open', 'resolved']);
    fakes.state.onHold = [];
    await e.evaluate(org.id);
  });

  it('two engines evaluating at once still keep one open alert per subject', async () => {
    const [a, b] = [await engine(), await engine()];
    fakes.state.failedLabs = [
      { licenseId, packageLabel: '1A4000000000000000000011', resultId: '99' },
    ];
    const reports = await Promise.all([a.evaluate(org.id), b.evaluate(org.id)]);
    assert.equal(reports[0].raised + reports[1].raised, 1);
    assert.equal((await openOf('lab_test_failed')).length, 1);
    fakes.state.failedLabs = [];
    await a.evaluate(org.id);
  });

  it('two workers delivering at once send each webhook once', async () => {
    const posts: string[] = [];
    const workers = [0, 1].map(() =>
      createAlerts({
        db: ctx.database.db,
        vault: t.services.vault,
        audit: t.services.audit,
        clock,
        logger: t.services.logger,
        sources: [createPackageHoldSource({ mirror: fakes.mirror })],
        organizationIds: async () => [org.id],
        members: async () => [],
        mailer: null,
        post: async (_url, _body, headers) => {
          posts.push(headers['webhook-id'] ?? '');
          return { status: 204 };
        },
        webhooks: { allowPrivate: true },
        consoleUrl: 'http://127.0.0.1',
      }),
    );
    const [a, b] = workers as [ReturnType<typeof createAlerts>, ReturnType<typeof createAlerts>];
    await a.endpoints.create(
      {
        kind: 'session',
        organizationId: org.id,
        role: 'admin',
        userId: org.admin.id,
        tokenId: null,
        sessionId: null,
        isPlatformAdmin: false,
      },
      { url: 'http://127.0.0.1:9/never-called', kinds: ['package_on_hold'] },
    );
    fakes.state.onHold = [{ licenseId, label: '1A4000000000000000000012', holdReason: 'Hold' }];
    await a.engine.evaluate(org.id);
    const results = await Promise.all([a.delivery.deliverDue(), b.delivery.deliverDue()]);
    assert.equal(results[0].delivered + results[1].delivered, 1);
    assert.equal(posts.length, 1, 'sent once');
    assert.match(posts[0] ?? '', /^msg_/);
    fakes.state.onHold = [];
    await a.engine.evaluate(org.id);
  });
});
