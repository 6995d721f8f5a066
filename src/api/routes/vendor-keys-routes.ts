import { z } from 'zod';
import type { VendorKeysService } from '../../credentials/index.ts';
import { principalOf } from '../plugins/authenticate.ts';
import { environmentSchema, errorResponses, secretString } from '../schemas.ts';
import type { ZodApp } from '../zod-app.ts';

const vendorKeySchema = z.object({
  state: z.string(),
  environment: environmentSchema,
  fingerprint: z.string(),
  updatedAt: z.string(),
});
const stateParams = z.object({ state: z.string().length(2) });

/** The deployment's Metrc vendor keys (one per state and environment); platform admins only. */
/** What these routes use: only the services they call (style habit 3). */
export type VendorKeysRouteDeps = { vendorKeys: VendorKeysService };

export function registerVendorKeysRoutes(app: ZodApp, services: VendorKeysRouteDeps): void {
  app.get(
    '/api/platform/vendor-keys',
    {
      config: { access: 'platform' },
      schema: {
        tags: ['platform'],
        summary: 'Vendor keys set, by state and environment (fingerprints only)',
        response: { 200: z.object({ vendorKeys: z.array(vendorKeySchema) }), ...errorResponses },
      },
    },
    async () => ({ vendorKeys: await services.vendorKeys.list() }),
  );

  app.put(
    '/api/platform/vendor-keys/:state',
    {
      config: { access: 'platform' },
      schema: {
        tags: ['platform'],
        summary: 'Set or replace the vendor key of a state',
        params: stateParams,
        body: z.object({
          environment: environmentSchema.default('production'),
          apiKey: secretString(200),
        }),
        response: {
          200: vendorKeySchema.extend({ verified: z.boolean(), message: z.string() }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      services.vendorKeys.set(principalOf(request), {
        state: request.params.state,
        environment: request.body.environment,
        key: request.body.apiKey,
      }),
  );

  app.delete(
    '/api/platform/vendor-keys/:state',
    {
      config: { access: 'platform' },
      schema: {
        tags: ['platform'],
        summary: 'Remove the vendor key of a state (destroys it); confirm with its fingerprint',
        params: stateParams,
        querystring: z.object({ environment: environmentSchema.default('production') }),
        body: z.object({ confirm: z.string().max(16).optional() }).optional(),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await services.vendorKeys.remove(
        principalOf(request),
        request.params.state,
        request.query.environment,
        request.body?.confirm,
      );
      return reply.status(204).send(null);
    },
  );
}
