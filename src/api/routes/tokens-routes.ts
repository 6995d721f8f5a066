import { z } from 'zod';
import type { ApiTokenService } from '../../auth/index.ts';
import { principalOf } from '../plugins/authenticate.ts';
import { apiTokenSchema, errorResponses, idParams, roleSchema } from '../schemas.ts';
import type { ZodApp } from '../zod-app.ts';

/** API tokens for machine clients (POS, ERP). Admins only. */
/** What these routes use: only the services they call (style habit 3). */
export type TokensRouteDeps = { apiTokens: ApiTokenService };

export function registerTokensRoutes(app: ZodApp, services: TokensRouteDeps): void {
  app.get(
    '/api/tokens',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['tokens'],
        summary: 'API tokens of your organization (never their values)',
        response: { 200: z.object({ tokens: z.array(apiTokenSchema) }), ...errorResponses },
      },
    },
    async (request) => ({
      tokens: await services.apiTokens.list(principalOf(request).organizationId),
    }),
  );

  app.post(
    '/api/tokens',
    {
      config: { access: 'admin', responseCarriesSecret: true },
      schema: {
        tags: ['tokens'],
        summary: 'Create an API token; its value is shown in this response only',
        body: z.object({
          name: z.string().trim().min(1).max(100),
          role: roleSchema.default('staff'),
        }),
        response: {
          201: z.object({ token: z.string(), apiToken: apiTokenSchema }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const created = await services.apiTokens.create(principalOf(request), request.body);
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/api/tokens/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['tokens'],
        summary: 'Revoke an API token (idempotent)',
        params: idParams,
        response: { 200: apiTokenSchema, ...errorResponses },
      },
    },
    async (request) => services.apiTokens.revoke(principalOf(request), request.params.id),
  );
}
