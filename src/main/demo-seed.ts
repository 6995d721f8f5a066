import type { Secret } from '../lib/index.ts';
import type { AppServices } from './services.ts';

export const DEMO_ORGANIZATION = { name: 'Demo Dispensary Group', slug: 'demo' } as const;
export const DEMO_ADMIN_EMAIL = 'admin@demo.tracegate.local';

/**
 * On a fresh deployment, creates the demo organization with a platform admin and returns the
 * one-time password to print. Does nothing (returns null) once any organization exists.
 */
export async function seedDemo(
  services: AppServices,
): Promise<{ email: string; password: Secret; organizationId: number } | null> {
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
  };
}
