/**
 * The drain's plan reads the set-aside list and the line as of one moment: a row that is held
 * from the start, enqueued while a plan is between its reads, still holds back the later rows
 * that touch its objects (rule 7's step-aside, design §3).
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import {
  createTestApp,
  createTestOrganization,
  type TestApp,
} from '../../test/helpers/test-app.ts';
import { describeEachDialect } from '../../test/helpers/test-db.ts';
import { createCredentialsRepo } from '../credentials/index.ts';
import { createSilentLogger, Secret, systemClock } from '../lib/index.ts';
import { createLicensesRepo } from '../licenses/index.ts';
import { openMemoryVault } from '../vault/index.ts';
import { createLicenseDrainer } from './license-drain.ts';
import { createLicenseLeasesRepo } from './license-leases-repo.ts';
import { DEFAULT_OUTBOX_SETTINGS } from './outbox-settings.ts';
import { createSubmissionSettler } from './submission-settler.ts';
import { createSubmissionsRepo, type SubmissionsRepo } from './submissions-repo.ts';

describeEachDialect(
  'license drain: one snapshot of what is set aside and what is in line',
  (ctx) => {
    let t: TestApp;
    let organizationId = 0;
    let adminId = 0;
    let next = 0;

    before(async () => {
      t = await createTestApp(ctx.database);
      const org = await createTestOrganization(t.services, 'Snapshot Co');
      organizationId = org.id;
      adminId = org.admin.id;
    });

    const repos = () => ({
      submissions: createSubmissionsRepo(ctx.database.db, { dialect: ctx.database.dialect }),
      leases: createLicenseLeasesRepo({ ...ctx.database, clock: systemClock }),
      licenses: createLicensesRepo(ctx.database.db),
    });

    async function newLicense(name: string) {
      next++;
      const license = await t.services.licenses.create(
        { organizationId, userId: adminId, tokenId: null },
        { number: `C10-000077${next}-LIC`, state: 'ca', licenseType: 'Retailer', name },
      );
      return license.id;
    }

    /** A sale touching one package, as enqueue writes it: the row, then the work counter bumped. */
    async function enqueue(licenseId: number, status: 'queued' | 'held', label: string) {
      const { submissions, leases } = repos();
      const at = new Date().toISOString();
      next++;
      const [row] = await submissions.insertMany([
        {
          organization_id: organizationId,
          license_id: licenseId,
          kind: 'sales.receipt.create',
          payload: '{}',
          reference: `TG-SNAP-${ctx.dialect}-${next}`,
          touches: JSON.stringify([`package:${label}`]),
          occurred_at: at,
          status,
          next_attempt_at: at,
          created_at: at,
          updated_at: at,
        },
      ]);
      await leases.wake({ licenseId, organizationId }, new Date(Date.now() - 1_000));
      return row?.id ?? 0;
    }

    /** Plans the license's next step over `submissions`; nothing is ever sent. */
    async function planWith(licenseId: number, submissions: SubmissionsRepo) {
      const { db, dialect } = ctx.database;
      const { leases, licenses } = repos();
      const credentials = createCredentialsRepo(db);
      const key = {
        credentialId: 1,
        attribution: 'facility' as const,
        fingerprint: 'fp',
        environment: 'production' as const,
        userKey: new Secret('user-key'),
        vendorKey: new Secret('vendor-key'),
      };
      const drainer = createLicenseDrainer({
        submissions,
        leases,
        licenses,
        credentials,
        router: { route: async () => ({ use: 'send', key }) } as never,
        vault: (await openMemoryVault()).vault,
        metrc: { forKeys: () => assert.fail('nothing is sent here') } as never,
        health: { reportUnauthorized: async () => {} } as never,
        audit: t.services.audit,
        settle: createSubmissionSettler({
          db,
          dialect,
          submissions: repos().submissions,
          leases,
          credentials,
          audit: t.services.audit,
          clock: systemClock,
          leaseTtlMs: 60_000,
        }),
        writeCap: { acquire: async () => () => {}, inFlight: () => 0 },
        circuits: { admit: () => null } as never,
        clock: systemClock,
        logger: createSilentLogger(),
        settings: DEFAULT_OUTBOX_SETTINGS,
      });
      const license = await licenses.find(organizationId, licenseId);
      assert.ok(license);
      const plan = await drainer.plan(license);
      assert.equal(plan.kind, 'batch');
      return plan.kind === 'batch' ? plan.rows.map((row) => row.id) : [];
    }

    it('a held row enqueued between the reads still holds back a later sale of its package', async () => {
      const licenseId = await newLicense('Race');
      const first = await enqueue(licenseId, 'queued', 'PKG-A');
      // Right after the set-aside list is read, a sale is held (its actor has no key in a strict
      // state), and another person sells from the same package.
      const { submissions } = repos();
      let later = 0;
      const racing: SubmissionsRepo = {
        ...submissions,
        asideTouches: async (id) => {
          const touches = await submissions.asideTouches(id);
          if (later === 0) {
            await enqueue(licenseId, 'held', 'PKG-B');
            later = await enqueue(licenseId, 'queued', 'PKG-B');
          }
          return touches;
        },
      };
      assert.deepEqual(
        await planWith(licenseId, racing),
        [first],
        'the later sale of PKG-B waits behind the held one',
      );
      assert.ok(later > first);
    });

    it('when new work keeps arriving between the reads, both are read in one transaction', async () => {
      const licenseId = await newLicense('Busy');
      const first = await enqueue(licenseId, 'queued', 'PKG-C');
      const held = await enqueue(licenseId, 'held', 'PKG-D');
      const blocked = await enqueue(licenseId, 'queued', 'PKG-D');
      const { submissions } = repos();
      let reads = 0;
      const busy: SubmissionsRepo = {
        ...submissions,
        // Every read of the set-aside list sees the counter move again before the line is read.
        asideTouches: async (id) => {
          reads++;
          const touches = await submissions.asideTouches(id);
          await enqueue(licenseId, 'queued', `PKG-E${reads}`);
          return touches;
        },
      };
      const planned = await planWith(licenseId, busy);
      assert.equal(reads, 3, 'three tries, then one transaction');
      assert.equal(planned[0], first);
      assert.ok(!planned.includes(blocked), 'the sale behind the held one still waits');
      assert.ok(held < blocked);
    });
  },
);
