import { SYSTEM_ACTOR } from '../../src/auth/index.ts';
import type { Config } from '../../src/config/index.ts';
import type { EmulatorOptions } from '../../src/emulator/index.ts';
import { Secret } from '../../src/lib/index.ts';
import {
  createTestApp,
  createTestOrganization,
  type TestApp,
  type TestOrganization,
} from '../helpers/test-app.ts';
import type { DialectContext } from '../helpers/test-db.ts';
import { startTestMetrc, type TestMetrc } from '../helpers/test-metrc.ts';

/** Tracegate with the emulator (the `scale` scenario by default) and a saved facility key. */
export interface SyncFixture {
  t: TestApp;
  metrc: TestMetrc;
  org: TestOrganization;
  licenses: { id: number; number: string }[];
  close(): Promise<void>;
}

export async function createSyncFixture(
  ctx: DialectContext,
  options: { emulator?: EmulatorOptions; config?: Partial<Config> } = {},
): Promise<SyncFixture> {
  const metrc = await startTestMetrc({
    scenario: 'scale',
    scenarioParams: { licenses: 1, packages: 200 },
    ...options.emulator,
  });
  const t = await createTestApp(ctx.database, { metrc: metrc.client, config: options.config });
  await t.services.vendorKeys.set(SYSTEM_ACTOR, {
    state: 'ca',
    environment: 'production',
    key: new Secret(metrc.vendorKey('ca')),
  });
  const org = await createTestOrganization(t.services, 'Sync Co');
  const owner = metrc.emulator.scenario().users[0];
  if (!owner) throw new Error('the scenario has no user');
  await t.services.credentials.create(
    { organizationId: org.id, role: 'admin', userId: org.admin.id, tokenId: null },
    { state: 'ca', kind: 'facility', key: new Secret(owner.userKey) },
  );
  const licenses = (await t.services.licenses.list(org.id)).map((l) => ({
    id: l.id,
    number: l.number,
  }));
  return {
    t,
    metrc,
    org,
    licenses,
    close: async () => {
      await t.close();
      await metrc.close();
    },
  };
}
