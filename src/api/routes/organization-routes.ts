import { z } from 'zod';
import type { IdentityService, OrganizationsRepo } from '../../auth/index.ts';
import { commonErrors } from '../../lib/index.ts';
import { principalOf } from '../plugins/authenticate.ts';
import { errorResponses, organizationSchema } from '../schemas.ts';
import type { ZodApp } from '../zod-app.ts';

/** The caller's own organization. */
/** What these routes use: only the services they call (style habit 3). */
export type OrganizationRouteDeps = { organizations: OrganizationsRepo; identity: IdentityService };

export function registerOrganizationRoutes(app: ZodApp, services: OrganizationRouteDeps): void {
  app.get(
    '/api/organization',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['organization'],
        summary: 'Your organization',
        response: { 200: organizationSchema, ...errorResponses },
      },
    },
    async (request) => {
      const organization = await services.organizations.findById(
        principalOf(request).organizationId,
      );
      if (!organization) throw commonErrors.NOT_FOUND();
      return organization;
    },
  );

  app.patch(
    '/api/organization',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['organization'],
        summary: 'Rename your organization',
        body: z.object({ name: z.string().trim().min(1).max(200) }),
        response: { 200: organizationSchema, ...errorResponses },
      },
    },
    async (request) =>
      services.identity.renameOrganization(principalOf(request), request.body.name),
  );
}
