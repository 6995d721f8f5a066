import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { SYSTEM_ACTOR } from '../../src/auth/index.ts';
import type { EmulatorOptions } from '../../src/emulator/index.ts';
import { createManualClock, Secret } from '../../src/lib/index.ts';
import {
  iterateWindowedRecords,
  listActivePackages,
  listActiveReceipts,
  listInactiveReceipts,
  type MetrcApi,
  type MetrcReceipt,
} from '../../src/metrc/index.ts';
import type { Dispatcher, OutboxSettings } from '../../src/outbox/index.ts';
import { CA } from './credentials-fixture.ts';
import {
  createTestApp,
  createTestOrganization,
  login,
  type TestApp,
  type TestOrganization,
  type TestSession,
} from './test-app.ts';
import type { DialectContext } from './test-db.ts';
import { startTestMetrc, type TestMetrc } from './test-metrc.ts';

export { CA };

/**
 * Tracegate (manual clock) + the emulator (demo scenario) + an organization whose CA retailer
 * has a verified facility key, and a dispatcher (not started: tests call `drain()`).
 */
export interface OutboxFixture {
  t: TestApp;
  metrc: TestMetrc;
  org: TestOrganization;
  admin: TestSession;
  staff: TestSession;
  clock: ReturnType<typeof createManualClock>;
  dispatcher: Dispatcher;
  facilityCredentialId: number;
  /** Active package labels of the CA retailer in the emulator. */
  labels: string[];
  call(session: TestSession, options: InjectOptions): Promise<LightMyRequestResponse>;
  /** `POST /api/licenses/{license}/submissions` as a session. */
  submit(
    session: TestSession,
    body: Record<string, unknown>,
    license?: string,
  ): Promise<LightMyRequestResponse>;
  /** A receipt body for the retailer. */
  receipt(extra?: Record<string, unknown>): Record<string, unknown>;
  /** Runs the dispatcher until nothing is due now. */
  drain(): Promise<void>;
  /** Moves the clock past every backoff, then drains. */
  drainLater(ms?: number): Promise<void>;
  /** Metrc as the license owner sees it (for checks). */
  ownerApi(): MetrcApi;
  /** Every receipt of a license in Metrc (active and archived). */
  metrcReceipts(license?: string): Promise<MetrcReceipt[]>;
  close(): Promise<void>;
}

export async function createOutboxFixture(
  ctx: DialectContext,
  name: string,
  options: { emulator?: EmulatorOptions; settings?: Partial<OutboxSettings> } = {},
): Promise<OutboxFixture> {
  const clock = createManualClock(new Date());
  const metrc = await startTestMetrc(options.emulator);
  const base = await import('./test-app.ts');
  const config = base.testConfig(ctx.database);
  const t = await createTestApp(ctx.database, {
    metrc: metrc.client,
    clock,
    config: { outbox: { ...config.outbox, ...options.settings } },
  });
  for (const state of ['ca', 'co']) {
    await t.services.vendorKeys.set(SYSTEM_ACTOR, {
      state,
      environment: 'production',
      key: new Secret(metrc.vendorKey(state)),
    });
  }
  const org = await createTestOrganization(t.services, name);
  const admin = await login(t.app, org.admin);
  const staff = await login(t.app, org.staff);
  const call = (session: TestSession, opts: InjectOptions) =>
    t.app.inject({ ...opts, headers: { ...session.headers, ...(opts.headers ?? {}) } });
  const saved = await call(admin, {
    method: 'POST',
    url: '/api/credentials',
    payload: {
      state: 'ca',
      kind: 'facility',
      licenseNumbers: [CA.retailer],
      apiKey: metrc.userKey('ca-owner'),
    },
  });
  if (saved.statusCode !== 201) throw new Error(`facility key not saved: ${saved.body}`);
  const dispatcher = t.services.outbox.createDispatcher({
    metrc: metrc.client,
    health: t.services.credentialHealth,
    random: () => 0.5,
  });
  const ownerApi = () =>
    metrc.client.forKeys({
      state: 'ca',
      vendorKey: new Secret(metrc.vendorKey('ca')),
      userKey: new Secret(
        metrc.emulator.scenario().users.find((u) => u.id === 'ca-owner')?.userKey ?? '',
      ),
    });
  const packages = await listActivePackages(ownerApi(), {
    licenseNumber: CA.retailer,
    pageSize: 20,
    pageNumber: 1,
  });
  const labels = packages.data
    .filter((p) => (p.Quantity ?? 0) >= 50 && p.UnitOfMeasureName === 'Each')
    .map((p) => p.Label);
  const started = new Date(Date.now() - 3_600_000);
  let serial = 0;
  return {
    t,
    metrc,
    org,
    admin,
    staff,
    clock,
    dispatcher,
    facilityCredentialId: saved.json().id,
    labels,
    call,
    submit: (session, body, license = CA.retailer) =>
      call(session, { method: 'POST', url: `/api/licenses/${license}/submissions`, payload: body }),
    receipt: (extra = {}) => ({
      // Real time, a minute ago: the emulator refuses sales in the future, and the manual clock
      // runs ahead once tests skip backoffs.
      occurredAt: new Date(Date.now() - 60_000).toISOString(),
      kind: 'sales.receipt.create',
      payload: {
        externalNumber: `POS-${process.pid}-${++serial}`,
        lines: [{ packageLabel: labels[0], quantity: 1, unitOfMeasure: 'Each', totalAmount: 10 }],
      },
      ...extra,
    }),
    drain: () => dispatcher.runUntilIdle(),
    async drainLater(ms = 10 * 60_000) {
      clock.advance(ms);
      await dispatcher.runUntilIdle();
    },
    ownerApi,
    async metrcReceipts(license = CA.retailer) {
      const found = new Map<number, MetrcReceipt>();
      for (const list of [listActiveReceipts, listInactiveReceipts]) {
        const records = iterateWindowedRecords(
          (page) => list(ownerApi(), { licenseNumber: license, ...page }),
          { start: started, end: new Date(Date.now() + 60_000) },
          { maxWindowMs: 24 * 3_600_000, overlapMs: 0 },
        );
        for await (const { record } of records) found.set(record.Id, record);
      }
      return [...found.values()];
    },
    async close() {
      await dispatcher.stop();
      await t.close();
      await metrc.close();
    },
  };
}
