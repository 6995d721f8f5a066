import { z } from 'zod';
import type { IntakeLinksService } from '../../credentials/index.ts';
import { KEY_ROUTE_BODY_LIMIT, keyFromInput } from '../key-input.ts';
import { principalOf } from '../plugins/authenticate.ts';
import {
  credentialSchema,
  environmentSchema,
  errorResponses,
  idNumber,
  idParams,
  keyInputFields,
} from '../schemas.ts';
import type { ZodApp } from '../zod-app.ts';

const linkSchema = z.object({
  id: z.number(),
  userId: z.number(),
  state: z.string(),
  environment: environmentSchema,
  createdAt: z.string(),
  expiresAt: z.string(),
  usedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
const tokenParams = z.object({ token: z.string().min(10).max(100) });

/** One-time links for staff to enter their own key (rule 13). */
/** What these routes use: only the services they call (style habit 3). */
export type IntakeRouteDeps = { intakeLinks: IntakeLinksService };

export function registerIntakeRoutes(app: ZodApp, services: IntakeRouteDeps): void {
  app.post(
    '/api/intake-links',
    {
      config: { access: 'admin', responseCarriesSecret: true },
      schema: {
        tags: ['credentials'],
        summary: 'Create a 24-hour one-time link for a member to enter their own Metrc key',
        body: z.object({
          userId: idNumber,
          state: z.string().length(2),
          environment: environmentSchema.default('production'),
        }),
        response: {
          201: z.object({ url: z.string(), token: z.string(), link: linkSchema }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await services.intakeLinks.create(principalOf(request), request.body)),
  );

  app.get(
    '/api/intake-links',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['credentials'],
        summary: 'One-time key links of your organization',
        response: { 200: z.object({ links: z.array(linkSchema) }), ...errorResponses },
      },
    },
    async (request) => ({
      links: await services.intakeLinks.list(principalOf(request).organizationId),
    }),
  );

  app.delete(
    '/api/intake-links/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['credentials'],
        summary: 'Revoke a one-time key link',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await services.intakeLinks.revoke(principalOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/intake/:token',
    {
      config: { access: 'public' },
      schema: {
        tags: ['credentials'],
        summary: 'What a one-time key link is for (no sign-in needed; the link is the permission)',
        params: tokenParams,
        response: {
          200: z.object({
            organization: z.string(),
            person: z.string(),
            state: z.string(),
            expiresAt: z.string(),
          }),
          ...errorResponses,
          410: errorResponses[404],
        },
      },
    },
    async (request) => services.intakeLinks.describe(request.params.token),
  );

  app.post(
    '/api/intake/:token',
    {
      config: { access: 'public' },
      bodyLimit: KEY_ROUTE_BODY_LIMIT,
      schema: {
        tags: ['credentials'],
        summary: 'Verify & Save your own key through a one-time link',
        params: tokenParams,
        body: z.object(keyInputFields),
        response: {
          201: credentialSchema,
          ...errorResponses,
          410: errorResponses[404],
          422: errorResponses[400],
        },
      },
    },
    async (request, reply) => {
      // The token is checked first; only then is a photo decoded (item 4).
      const saved = await services.intakeLinks.submit(request.params.token, async () => {
        const key = await keyFromInput(request.body, true);
        return key as NonNullable<typeof key>;
      });
      return reply.status(201).send(saved);
    },
  );
}
