import { z } from 'zod';
import type { AlertsService } from '../../alerts/index.ts';
import { ALERT_KINDS } from '../../alerts/index.ts';
import { principalOf } from '../plugins/authenticate.ts';
import { errorResponses, idParams, roleSchema } from '../schemas.ts';
import type { ZodApp } from '../zod-app.ts';

const kindSchema = z.enum(ALERT_KINDS);

const alertSchema = z.object({
  id: z.number(),
  kind: kindSchema,
  subjectKey: z.string(),
  licenseId: z.number().nullable(),
  severity: z.enum(['info', 'warning', 'critical']),
  title: z.string(),
  details: z.record(z.string(), z.unknown()),
  status: z.enum(['open', 'resolved']),
  raisedAt: z.string(),
  lastSeenAt: z.string(),
  resolvedAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedByUserId: z.number().nullable(),
});

const preferenceSchema = z.object({
  role: roleSchema,
  kind: kindSchema,
  console: z.boolean(),
  email: z.boolean(),
  onResolve: z.boolean(),
});

const deliverySchema = z.object({
  id: z.number(),
  alertId: z.number(),
  event: z.enum(['raised', 'resolved']),
  channel: z.enum(['email', 'webhook']),
  target: z.string(),
  messageId: z.string(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
  log: z.array(
    z.object({
      attempt: z.number(),
      attemptedAt: z.string(),
      outcome: z.enum(['delivered', 'failed']),
      statusCode: z.number().nullable(),
      error: z.string().nullable(),
      durationMs: z.number(),
    }),
  ),
});

export type AlertsRouteDeps = { alerts: AlertsService };

/**
 * The alerts inbox (everyone, filtered by their role's console preferences), "check now"
 * (managers), notification preferences (managers read, admins change) and the delivery log.
 */
export function registerAlertsRoutes(app: ZodApp, services: AlertsRouteDeps): void {
  app.get(
    '/api/alerts',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['alerts'],
        summary: 'Alerts of your organization, newest first (open, resolved, or both)',
        querystring: z.object({
          status: z.enum(['open', 'resolved']).optional(),
          kind: kindSchema.optional(),
          licenseId: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
          before: z.coerce.number().int().positive().optional(),
        }),
        response: { 200: z.object({ alerts: z.array(alertSchema) }), ...errorResponses },
      },
    },
    async (request) => ({
      alerts: await services.alerts.list(principalOf(request), {
        status: request.query.status,
        kind: request.query.kind,
        licenseId: request.query.licenseId,
        limit: request.query.limit,
        beforeId: request.query.before,
      }),
    }),
  );

  app.get(
    '/api/alerts/preferences',
    {
      config: { access: 'manager' },
      schema: {
        tags: ['alerts'],
        summary: 'Which alert kinds reach which role, in the console and by e-mail',
        response: {
          200: z.object({ preferences: z.array(preferenceSchema) }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({
      preferences: await services.alerts.getPreferences(principalOf(request).organizationId),
    }),
  );

  app.put(
    '/api/alerts/preferences',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['alerts'],
        summary: 'Change preferences for some (role, kind) pairs; the others keep theirs',
        body: z.object({ preferences: z.array(preferenceSchema).min(1).max(100) }),
        response: {
          200: z.object({ preferences: z.array(preferenceSchema) }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({
      preferences: await services.alerts.setPreferences(
        principalOf(request),
        request.body.preferences,
      ),
    }),
  );

  app.get(
    '/api/alerts/deliveries',
    {
      config: { access: 'manager' },
      schema: {
        tags: ['alerts'],
        summary: 'The delivery log: each e-mail and webhook, its status and every attempt',
        querystring: z.object({
          alertId: z.coerce.number().int().positive().optional(),
          status: z.enum(['pending', 'delivered', 'failed']).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ deliveries: z.array(deliverySchema) }), ...errorResponses },
      },
    },
    async (request) => ({
      deliveries: await services.alerts.deliveryLog(
        principalOf(request).organizationId,
        request.query,
      ),
    }),
  );

  app.post(
    '/api/alerts/evaluate',
    {
      config: { access: 'manager' },
      schema: {
        tags: ['alerts'],
        summary: 'Check every alert condition now and send what became due',
        response: {
          200: z.object({
            raised: z.number(),
            refreshed: z.number(),
            resolved: z.number(),
            failedSources: z.array(z.string()),
            delivered: z.number(),
            failed: z.number(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => services.alerts.evaluateNow(principalOf(request).organizationId),
  );

  app.get(
    '/api/alerts/:id',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['alerts'],
        summary: 'One alert',
        params: idParams,
        response: { 200: alertSchema, ...errorResponses },
      },
    },
    async (request) => services.alerts.get(principalOf(request), request.params.id),
  );

  app.post(
    '/api/alerts/:id/acknowledge',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['alerts'],
        summary: 'Mark an alert as seen (it still resolves by itself when the condition clears)',
        params: idParams,
        response: { 200: alertSchema, ...errorResponses },
      },
    },
    async (request) => services.alerts.acknowledge(principalOf(request), request.params.id),
  );
}
