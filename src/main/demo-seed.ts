import type { RunningEmulator } from '../emulator/index.ts';
import { Secret } from '../lib/index.ts';
import type { AppServices } from './services.ts';

export const DEMO_ORGANIZATION = { name: 'Demo Dispensary Group', slug: 'demo' } as const;
export const DEMO_ADMIN_EMAIL = 'admin@demo.tracegate.local';

/**
 * On a fresh deployment, creates the demo organization with a platform admin and returns the
 * one-time password to print. Does nothing (returns null) once any organization exists.
 */
export async function seedDemo(services: AppServices): Promise<DemoAdmin | null> {
  if ((await services.organizations.count()) > 0) return null;
  const created = await services.identity.createOrganization(
    { userId: null, tokenId: null },
    {
      ...DEMO_ORGANIZATION,
      admin: { email: DEMO_ADMIN_EMAIL, name: 'Demo Admin', isPlatformAdmin: true },
    },
  );
  if (!created.oneTimePassword) return null;
  return {
    email: DEMO_ADMIN_EMAIL,
    password: created.oneTimePassword,
    organizationId: created.organization.id,
    userId: created.admin.id,
  };
}

export interface DemoAdmin {
  email: string;
  password: Secret;
  organizationId: number;
  userId: number;
}

export interface DemoMetrcSummary {
  vendorKeyStates: string[];
  facilityKeys: Array<{ state: string; licenses: number; owner: string }>;
  /** A member with a personal key, and one without (whose uploads would go out unattributed). */
  withKey: string;
  withoutKey: string;
  /**
   * Demo people's Metrc keys, to try Verify & Save at once. They are the emulator's fake keys,
   * worthless outside it, so printing them on the console is fine (they never reach a log).
   */
  tryKeys: Array<{ person: string; email: string; state: string; key: string }>;
}

/**
 * First start with the built-in emulator (rule 8 of the demo): the scenario's vendor keys, a
 * verified facility key per state from each license owner, a manager with a personal key and a
 * budtender without one — so a newcomer sees licenses, green checks and a missing key at once.
 * Everything goes through Verify & Save, as a person would do it.
 */
export async function seedDemoMetrc(
  services: AppServices,
  emulator: RunningEmulator,
  admin: DemoAdmin,
): Promise<DemoMetrcSummary> {
  const scenario = emulator.scenario();
  const actor = {
    organizationId: admin.organizationId,
    role: 'admin' as const,
    userId: admin.userId,
    tokenId: null,
  };
  for (const vendorKey of scenario.vendorKeys) {
    await services.vendorKeys.set(actor, {
      state: vendorKey.state,
      environment: 'production',
      key: new Secret(vendorKey.key),
    });
  }
  const user = (id: string) => {
    const found = scenario.users.find((u) => u.id === id);
    if (!found) throw new Error(`demo scenario has no user ${id}`);
    return found;
  };
  const facilityKeys: DemoMetrcSummary['facilityKeys'] = [];
  for (const ownerId of ['ca-owner', 'co-owner']) {
    const owner = user(ownerId);
    const saved = await services.credentials.create(actor, {
      state: owner.state,
      kind: 'facility',
      key: new Secret(owner.userKey),
    });
    facilityKeys.push({ state: owner.state, licenses: saved.licenses.length, owner: owner.name });
  }
  const manager = user('ca-manager');
  const { member: jordan } = await services.identity.addMember(actor, {
    email: 'jordan@demo.tracegate.local',
    name: manager.name,
    role: 'manager',
  });
  await services.credentials.create(actor, {
    state: manager.state,
    kind: 'user',
    ownerUserId: jordan.id,
    key: new Secret(manager.userKey),
  });
  const budtender = user('ca-budtender');
  await services.identity.addMember(actor, {
    email: 'casey@demo.tracegate.local',
    name: budtender.name,
    role: 'staff',
  });
  return {
    vendorKeyStates: scenario.vendorKeys.map((k) => k.state),
    facilityKeys,
    withKey: manager.name,
    withoutKey: budtender.name,
    tryKeys: [
      {
        person: budtender.name,
        email: 'casey@demo.tracegate.local',
        state: budtender.state,
        key: budtender.userKey,
      },
    ],
  };
}
