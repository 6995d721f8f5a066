import type { Actor, IdentityService, NewPerson, UsersRepo } from '../auth/index.ts';
import type { MetrcEnvironment } from '../db/index.ts';
import { type Clock, type Secret, toTimestamp } from '../lib/index.ts';
import { requireMetrcState } from '../licenses/index.ts';
import { normaliseKey } from './credential-rules-fns.ts';
import type { CredentialView } from './credential-views.ts';
import { credentialsErrors } from './credentials-errors.ts';
import type { CredentialsService } from './credentials-service.ts';
import type { MetrcFacilitySummary } from './verification-types.ts';

/** A license is active when Metrc gives no end date or one not yet past. */
export function isActiveLicense(facility: MetrcFacilitySummary, today: string): boolean {
  return !facility.licenseEndDate || facility.licenseEndDate.slice(0, 10) >= today;
}

/**
 * Know your customer (rule 11): an organization created with a Metrc key exists only if the key
 * holds at least one active license in that state; its licenses, their types and what each type
 * can do are recorded from Metrc, and the key is saved as their facility key.
 */
export function createOnboardingService(deps: {
  credentials: CredentialsService;
  identity: IdentityService;
  clock: Clock;
  /** Only sign-up needs it, to refuse an e-mail that already has an account. */
  users?: Pick<UsersRepo, 'findByEmail'>;
}) {
  const { credentials, identity, clock } = deps;

  async function onboard(
    actor: Actor,
    input: {
      name: string;
      slug?: string;
      admin: NewPerson;
      metrc: { state: string; environment?: MetrcEnvironment; key: Secret };
    },
  ) {
    const state = requireMetrcState(input.metrc.state);
    const environment = input.metrc.environment ?? 'production';
    const key = normaliseKey(input.metrc.key);
    const verified = await credentials.verifyForSave({
      organizationId: 0,
      state,
      environment,
      kind: 'facility',
      licenseNumbers: [],
      key,
    });
    const today = toTimestamp(clock.now()).slice(0, 10);
    if (!verified.facilities.some((f) => isActiveLicense(f, today))) {
      throw credentialsErrors.CREDENTIAL_NO_ACTIVE_LICENSE();
    }
    const created = await identity.createOrganization(actor, {
      name: input.name,
      slug: input.slug,
      admin: input.admin,
    });
    const credential: CredentialView = await credentials.saveVerified(
      {
        organizationId: created.organization.id,
        role: 'admin',
        userId: created.admin.id,
        tokenId: null,
      },
      {
        state,
        environment,
        kind: 'facility',
        ownerUserId: null,
        key,
        report: verified.report,
        facilities: verified.facilities,
      },
    );
    return { ...created, credential };
  }

  /**
   * Public sign-up (rule 11): a newcomer creates an organization with their own password and a
   * Metrc key. An existing account is never attached to a stranger's organization.
   */
  async function signUp(input: {
    name: string;
    admin: { email: string; name: string; password: Secret };
    metrc: { state: string; environment?: MetrcEnvironment; key: Secret };
  }) {
    if (await deps.users?.findByEmail(input.admin.email.trim().toLowerCase())) {
      throw credentialsErrors.SIGNUP_EMAIL_TAKEN();
    }
    return onboard({ userId: null, tokenId: null }, input);
  }

  return { onboard, signUp };
}

export type OnboardingService = ReturnType<typeof createOnboardingService>;
