import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { SYSTEM_ACTOR } from '../../src/auth/index.ts';
import { Secret } from '../../src/lib/index.ts';
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

/** The demo scenario's CA licenses by type (see docs/emulator.md). */
export const CA = {
  cultivator: 'CCL18-0000101',
  manufacturer: 'CDPH-10003102',
  distributor: 'C11-0000103-LIC',
  transporter: 'C11-0000104-LIC',
  lab: 'C8-0000105-LIC',
  retailer: 'C10-0000106-LIC',
  microbusiness: 'C12-0000107-LIC',
} as const;

/** Tracegate on a test database, the emulator (demo scenario) with its vendor keys set, and an organization. */
export interface CredentialsFixture {
  t: TestApp;
  metrc: TestMetrc;
  org: TestOrganization;
  admin: TestSession;
  manager: TestSession;
  staff: TestSession;
  /** Calls the API as one of the sessions. */
  call(session: TestSession, options: InjectOptions): Promise<LightMyRequestResponse>;
  /** Verify & Save as the admin; returns the response. */
  saveKey(body: Record<string, unknown>, session?: TestSession): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function createCredentialsFixture(
  ctx: DialectContext,
  name: string,
): Promise<CredentialsFixture> {
  const metrc = await startTestMetrc();
  const t = await createTestApp(ctx.database, { metrc: metrc.client });
  for (const state of ['ca', 'co']) {
    await t.services.vendorKeys.set(SYSTEM_ACTOR, {
      state,
      environment: 'production',
      key: new Secret(metrc.vendorKey(state)),
    });
  }
  const org = await createTestOrganization(t.services, name);
  const [admin, manager, staff] = [
    await login(t.app, org.admin),
    await login(t.app, org.manager),
    await login(t.app, org.staff),
  ];
  const call = (session: TestSession, options: InjectOptions) =>
    t.app.inject({ ...options, headers: { ...session.headers, ...(options.headers ?? {}) } });
  return {
    t,
    metrc,
    org,
    admin,
    manager,
    staff,
    call,
    saveKey: (body, session = admin) =>
      call(session, { method: 'POST', url: '/api/credentials', payload: body }),
    close: async () => {
      await t.close();
      await metrc.close();
    },
  };
}
