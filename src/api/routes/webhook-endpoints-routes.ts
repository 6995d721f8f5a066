import { z } from 'zod';
import type { Alerts } from '../../alerts/index.ts';
import { ALERT_KINDS } from '../../alerts/index.ts';
import { principalOf } from '../plugins/authenticate.ts';
import { errorResponses, idParams } from '../schemas.ts';
import type { ZodApp } from '../zod-app.ts';

const endpointSchema = z.object({
  id: z.number(),
  url: z.string(),
  description: z.string(),
  kinds: z.array(z.string()),
  onResolve: z.boolean(),
  enabled: z.boolean(),
  secretFingerprint: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** Shown once, like an API token: the receiver needs it to verify signatures. */
const withSecret = z.object({
  endpoint: endpointSchema,
  secret: z.string().describe('The Standard Webhooks signing secret (whsec_…); shown only now'),
});

const fields = {
  url: z.string().max(2_000),
  description: z.string().max(200).optional(),
  kinds: z.array(z.enum(ALERT_KINDS)).max(ALERT_KINDS.length).optional(),
  onResolve: z.boolean().optional(),
  enabled: z.boolean().optional(),
};

export type WebhookEndpointsRouteDeps = { webhookEndpoints: Alerts['endpoints'] };

/** Webhook endpoints that receive alerts signed per Standard Webhooks. Admins only. */
export function registerWebhookEndpointsRoutes(
  app: ZodApp,
  services: WebhookEndpointsRouteDeps,
): void {
  app.get(
    '/api/webhook-endpoints',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['alerts'],
        summary: 'Webhook endpoints of your organization (never their signing secrets)',
        response: { 200: z.object({ endpoints: z.array(endpointSchema) }), ...errorResponses },
      },
    },
    async (request) => ({
      endpoints: await services.webhookEndpoints.list(principalOf(request).organizationId),
    }),
  );

  app.post(
    '/api/webhook-endpoints',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['alerts'],
        summary: 'Add an endpoint; the answer holds its signing secret, shown this once',
        body: z.object(fields),
        response: { 201: withSecret, ...errorResponses },
      },
    },
    async (request, reply) => {
      const created = await services.webhookEndpoints.create(principalOf(request), request.body);
      return reply
        .status(201)
        .send({ endpoint: created.endpoint, secret: created.secret.reveal() });
    },
  );

  app.patch(
    '/api/webhook-endpoints/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['alerts'],
        summary: 'Change the URL, kinds, resolve notices or enable/disable an endpoint',
        params: idParams,
        body: z.object({ ...fields, url: fields.url.optional() }),
        response: { 200: endpointSchema, ...errorResponses },
      },
    },
    async (request) =>
      services.webhookEndpoints.update(principalOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/webhook-endpoints/:id/rotate-secret',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['alerts'],
        summary: 'Replace the signing secret (shown this once); the old one stops at once',
        params: idParams,
        response: { 200: withSecret, ...errorResponses },
      },
    },
    async (request) => {
      const rotated = await services.webhookEndpoints.rotateSecret(
        principalOf(request),
        request.params.id,
      );
      return { endpoint: rotated.endpoint, secret: rotated.secret.reveal() };
    },
  );

  app.delete(
    '/api/webhook-endpoints/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['alerts'],
        summary: 'Remove an endpoint and destroy its signing secret',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await services.webhookEndpoints.remove(principalOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
