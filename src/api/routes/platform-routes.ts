import { z } from 'zod';
import type { AuditService } from '../../audit/index.ts';
import type { IdentityService, OrganizationsRepo } from '../../auth/index.ts';
import type { Config } from '../../config/index.ts';
import type { OnboardingService } from '../../credentials/index.ts';
import type { LicensesService } from '../../licenses/index.ts';
import { principalOf } from '../plugins/authenticate.ts';
import {
  credentialSchema,
  environmentSchema,
  errorResponses,
  organizationSchema,
  secretString,
} from '../schemas.ts';
import type { ZodApp } from '../zod-app.ts';

/** Deployment-wide operations, for platform admins only. */
/** What these routes use: only the services they call (style habit 3). */
export type PlatformRouteDeps = {
  config: Pick<Config, 'insightsMinOrganizations'>;
  organizations: OrganizationsRepo;
  identity: IdentityService;
  onboarding: OnboardingService;
  licenses: LicensesService;
  audit: AuditService;
};

export function registerPlatformRoutes(app: ZodApp, services: PlatformRouteDeps): void {
  app.get(
    '/api/platform/organizations',
    {
      config: { access: 'platform' },
      schema: {
        tags: ['platform'],
        summary: 'Every organization of this deployment',
        response: {
          200: z.object({ organizations: z.array(organizationSchema) }),
          ...errorResponses,
        },
      },
    },
    async () => ({ organizations: await services.organizations.list() }),
  );

  app.post(
    '/api/platform/organizations',
    {
      config: { access: 'platform', responseCarriesSecret: true },
      schema: {
        tags: ['platform'],
        summary:
          'Create an organization with its first admin (one-time password returned once); with `metrc`, only if the key holds an active license (rule 11)',
        body: z.object({
          name: z.string().trim().min(1).max(200),
          slug: z
            .string()
            .regex(/^[a-z0-9][a-z0-9-]{0,47}$/)
            .optional(),
          admin: z.object({ email: z.email().max(320), name: z.string().trim().min(1).max(200) }),
          metrc: z
            .object({
              state: z.string().length(2),
              environment: environmentSchema.default('production'),
              apiKey: secretString(200),
            })
            .optional(),
        }),
        response: {
          201: z.object({
            organization: organizationSchema,
            adminUserId: z.number(),
            oneTimePassword: z.string().nullable(),
            credential: credentialSchema.nullable(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const { metrc, ...organization } = request.body;
      const created = metrc
        ? await services.onboarding.onboard(principal, {
            ...organization,
            metrc: { state: metrc.state, environment: metrc.environment, key: metrc.apiKey },
          })
        : {
            ...(await services.identity.createOrganization(principal, organization)),
            credential: null,
          };
      return reply.status(201).send({
        organization: created.organization,
        adminUserId: created.admin.id,
        oneTimePassword: created.oneTimePassword?.reveal() ?? null,
        credential: created.credential,
      });
    },
  );

  app.get(
    '/api/platform/insights/license-types',
    {
      config: { access: 'platform' },
      schema: {
        tags: ['platform'],
        summary:
          'How many organizations hold each license type per state, published only for groups of at least INSIGHTS_MIN_ORGANIZATIONS (rule 12)',
        response: {
          200: z.object({
            minOrganizations: z.number(),
            groups: z.array(
              z.object({ state: z.string(), licenseType: z.string(), organizations: z.number() }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async () => services.licenses.licenseTypeInsights(services.config.insightsMinOrganizations),
  );

  app.get(
    '/api/platform/audit/verify',
    {
      config: { access: 'platform' },
      schema: {
        tags: ['platform'],
        summary: 'Recompute every audit hash chain (one per organization); reports tampered rows',
        response: {
          200: z.object({
            ok: z.boolean(),
            count: z.number(),
            chains: z.array(
              z.object({
                chain: z.string(),
                organizationId: z.number().nullable(),
                count: z.number(),
                headHash: z.string(),
                ok: z.boolean(),
                brokenAtId: z.number().optional(),
                reason: z.string().optional(),
              }),
            ),
            brokenAtId: z.number().optional(),
            brokenChain: z.string().optional(),
            reason: z.string().optional(),
          }),
          ...errorResponses,
        },
      },
    },
    async () => services.audit.verify(),
  );
}
