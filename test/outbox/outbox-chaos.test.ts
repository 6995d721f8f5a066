/**
 * Chaos, bounded for `npm test`: receipts across licenses while the emulator injects 5xx,
 * dropped-after-commit answers, 429s and resets, and worker processes are SIGKILLed and
 * restarted. Afterwards every receipt is in Metrc exactly once, in SalesDateTime order per
 * license, and nothing is left unsent. Scale with OUTBOX_CHAOS_RECEIPTS / OUTBOX_CHAOS_LICENSES
 * (the full run: 5000 / 50).
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { after, before, it } from 'node:test';
import { SYSTEM_ACTOR } from '../../src/auth/index.ts';
import { Secret } from '../../src/lib/index.ts';
import {
  iterateWindowedRecords,
  listActivePackages,
  listActiveReceipts,
  type MetrcReceipt,
} from '../../src/metrc/index.ts';
import { createTestApp, createTestOrganization, type TestApp } from '../helpers/test-app.ts';
import { describeEachDialect } from '../helpers/test-db.ts';
import { startTestMetrc, type TestMetrc } from '../helpers/test-metrc.ts';

const RECEIPTS = Number(process.env.OUTBOX_CHAOS_RECEIPTS ?? 240);
const LICENSES = Number(process.env.OUTBOX_CHAOS_LICENSES ?? 8);
const CHAOS_MS = Number(process.env.OUTBOX_CHAOS_MS ?? 25_000);
const FINISH_MS = 90_000;
const KILL_EVERY_MS = 3_000;

describeEachDialect('outbox chaos: SIGKILLed workers, faults, exactly once and in order', (ctx) => {
  let metrc: TestMetrc;
  let t: TestApp;
  const workers = new Set<ChildProcess>();
  let retailers: string[] = [];

  before(async () => {
    metrc = await startTestMetrc({
      scenario: 'scale',
      scenarioParams: { licenses: LICENSES * 2, packages: 4, state: 'ca' },
    });
    t = await createTestApp(ctx.database, { metrc: metrc.client });
    await t.services.vendorKeys.set(SYSTEM_ACTOR, {
      state: 'ca',
      environment: 'production',
      key: new Secret(metrc.vendorKey('ca')),
    });
    retailers = metrc.emulator
      .scenario()
      .licenses.filter((l) => l.kind === 'retailer')
      .map((l) => l.number);
  });
  after(async () => {
    for (const worker of workers) worker.kill('SIGKILL');
    await t?.close();
    await metrc?.close();
  });

  function spawnWorker(): ChildProcess {
    const config = t.services.config;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'start', '--role', 'worker'],
      {
        env: {
          ...process.env,
          NODE_ENV: 'test',
          LOG_LEVEL: 'error',
          TRACEGATE_DATA_DIR: config.dataDir,
          DATABASE_URL:
            config.database.kind === 'sqlite'
              ? `sqlite:${config.database.path}`
              : config.database.url,
          METRC_BASE_URL_TEMPLATE: metrc.emulator.baseUrlTemplate,
          METRC_TIMEOUT_MS: '3000',
          OUTBOX_LEASE_TTL_MS: '3000',
          SEED_DEMO: 'false',
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    workers.add(child);
    child.once('exit', () => workers.delete(child));
    return child;
  }

  it('delivers every receipt exactly once, in order per license, through kills and faults', {
    timeout: 300_000,
  }, async (tc) => {
    const org = await createTestOrganization(t.services, 'Chaos Co');
    const principal = {
      organizationId: org.id,
      role: 'admin' as const,
      userId: org.admin.id,
      tokenId: null,
    };
    await t.services.credentials.create(principal, {
      state: 'ca',
      kind: 'facility',
      licenseNumbers: retailers,
      key: new Secret(metrc.userKey('ca-owner')),
    });
    const owner = metrc.client.forKeys({
      state: 'ca',
      vendorKey: new Secret(metrc.vendorKey('ca')),
      userKey: new Secret(metrc.userKey('ca-owner')),
    });
    const gramsPackage = new Map<string, string>();
    for (const license of retailers) {
      const page = await listActivePackages(owner, {
        licenseNumber: license,
        pageNumber: 1,
        pageSize: 20,
      });
      const pkg = page.data.find((p) => p.UnitOfMeasureName === 'Grams');
      assert.ok(pkg, `a package to sell from at ${license}`);
      gramsPackage.set(license, pkg.Label);
    }

    const started = Date.now();
    const base = started - 2 * 3_600_000;
    for (let i = 0; i < RECEIPTS; i++) {
      const license = retailers[i % retailers.length] ?? '';
      await t.services.outbox.service.enqueue(principal, {
        license,
        kind: 'sales.receipt.create',
        occurredAt: new Date(base + i * 1_000).toISOString(),
        payload: {
          externalNumber: `CHAOS-${ctx.dialect}-${i}`,
          lines: [
            {
              packageLabel: gramsPackage.get(license),
              quantity: 1,
              unitOfMeasure: 'Grams',
              totalAmount: 5,
            },
          ],
        },
      });
    }
    const control = metrc.emulator.control;
    const scope = { state: 'ca', path: '/sales/v2/receipts' };
    control.addFault({ kind: 'status', status: 503, probability: 0.05, ...scope });
    control.addFault({ kind: 'drop-after-commit', probability: 0.05, ...scope });
    control.addFault({ kind: 'rate-limit', probability: 0.02, ...scope });
    control.addFault({ kind: 'reset', probability: 0.02, ...scope });

    const processes = ctx.dialect === 'postgres' ? 3 : 1;
    for (let n = 0; n < processes; n++) spawnWorker();
    let kills = 0;
    const unsent = async () =>
      Number(
        (
          await ctx.database.db
            .selectFrom('submissions')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('status', '!=', 'sent')
            .executeTakeFirstOrThrow()
        ).n,
      );
    const chaosUntil = Date.now() + CHAOS_MS;
    while (Date.now() < chaosUntil && (await unsent()) > 0) {
      await new Promise((resolve) => setTimeout(resolve, KILL_EVERY_MS));
      const victim = [...workers][Math.floor(Math.random() * workers.size)];
      if (victim) {
        victim.kill('SIGKILL');
        kills++;
        spawnWorker();
      }
    }
    const faultsHit = Object.fromEntries(control.faults().map((rule) => [rule.kind, rule.hits]));
    control.clearFaults();
    const finishBy = Date.now() + FINISH_MS;
    while ((await unsent()) > 0 && Date.now() < finishBy) {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    for (const worker of workers) worker.kill('SIGTERM');

    const received: MetrcReceipt[] = [];
    const byLicense = new Map<string, MetrcReceipt[]>();
    for (const license of retailers) {
      byLicense.set(license, []);
      for await (const { record } of iterateWindowedRecords(
        (page) => listActiveReceipts(owner, { licenseNumber: license, ...page }),
        { start: new Date(started - 60_000), end: new Date(Date.now() + 60_000) },
        { maxWindowMs: 24 * 3_600_000, overlapMs: 0 },
      )) {
        if (record.ExternalReceiptNumber?.startsWith(`CHAOS-${ctx.dialect}-`)) {
          received.push(record);
          byLicense.get(license)?.push(record);
        }
      }
    }
    const perNumber = new Map<string, number>();
    for (const r of received)
      perNumber.set(
        r.ExternalReceiptNumber ?? '',
        (perNumber.get(r.ExternalReceiptNumber ?? '') ?? 0) + 1,
      );
    const duplicates = [...perNumber.values()].filter((n) => n > 1).length;
    const lost = RECEIPTS - perNumber.size;
    let orderViolations = 0;
    for (const mine of byLicense.values()) {
      mine.sort((a, b) => a.Id - b.Id);
      for (let i = 1; i < mine.length; i++) {
        if ((mine[i]?.SalesDateTime ?? '') < (mine[i - 1]?.SalesDateTime ?? '')) orderViolations++;
      }
    }
    const left = await unsent();
    const counts = {
      dialect: ctx.dialect,
      receipts: RECEIPTS,
      licenses: retailers.length,
      workerProcesses: processes,
      kills,
      inMetrc: received.length,
      distinct: perNumber.size,
      duplicates,
      lost,
      orderViolations,
      unsent: left,
      faultsHit,
      seconds: Math.round((Date.now() - started) / 1000),
    };
    tc.diagnostic(JSON.stringify(counts));
    process.stderr.write(`outbox chaos: ${JSON.stringify(counts)}\n`);
    assert.equal(left, 0, 'nothing left unsent');
    assert.equal(duplicates, 0, 'no receipt twice');
    assert.equal(lost, 0, 'no receipt lost');
    assert.equal(orderViolations, 0, 'in SalesDateTime order per license');
  });
});
