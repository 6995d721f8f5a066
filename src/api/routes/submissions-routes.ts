import { z } from 'zod';
import type { Config } from '../../config/index.ts';
import type { Clock } from '../../lib/index.ts';
import type { OutboxService } from '../../outbox/index.ts';
import { ACTIONS } from '../../outbox/index.ts';
import { principalOf } from '../plugins/authenticate.ts';
import { countText, errorBody, errorResponses, idNumber, idParams, idText } from '../schemas.ts';
import type { ZodApp } from '../zod-app.ts';

const statusSchema = z.enum(['queued', 'held', 'sending', 'sent', 'failed', 'dismissed']);
const submissionErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  rows: z.array(z.object({ row: z.number().nullable(), message: z.string() })).optional(),
  httpStatus: z.number().optional(),
});

export const submissionSchema = z.object({
  id: z.number(),
  licenseId: z.number(),
  kind: z.string(),
  status: statusSchema,
  holdReason: z.string().nullable(),
  reference: z.string(),
  actorUserId: z.number().nullable(),
  occurredAt: z.string(),
  attempts: z.number(),
  nextAttemptAt: z.string().nullable(),
  attribution: z.enum(['own', 'facility']).nullable(),
  attributed: z.boolean().nullable(),
  credentialId: z.number().nullable(),
  keyFingerprint: z.string().nullable(),
  metrcIds: z.array(z.number()).nullable(),
  lastError: submissionErrorSchema.nullable(),
  releasedByUserId: z.number().nullable(),
  releasedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  sentAt: z.string().nullable(),
});
const submissionDetailSchema = submissionSchema.extend({
  payload: z.unknown(),
  metrcAnswer: z.unknown(),
});

const actorSchema = z
  .object({
    userId: idNumber.optional(),
    externalRef: z.string().trim().min(1).max(200).optional(),
  })
  .describe('Who acted. API tokens must name a member; signed-in people are the actor.');
const enqueueFields = {
  actor: actorSchema.optional(),
  occurredAt: z
    .string()
    .max(40)
    .optional()
    .describe(
      'When it happened, ISO-8601 with a zone; every Metrc date comes from it. Default: now.',
    ),
};
const licenseParams = z.object({
  id: z.string().trim().min(1).max(64).describe('License number or id'),
});
const idempotencyNote =
  'Accepts an `Idempotency-Key` header: the same key with the same body returns the first answer.';

/** The outbox over HTTP: submit, see, and steer what Tracegate reports to Metrc. */
export type SubmissionsRouteDeps = {
  outbox: { service: OutboxService };
  /** The overdue age: the one the `submission_overdue` alert uses (OUTBOX_OVERDUE_HOURS). */
  config: Pick<Config, 'outbox'>;
  clock: Clock;
};

export function registerSubmissionsRoutes(app: ZodApp, services: SubmissionsRouteDeps): void {
  const outbox = services.outbox.service;

  app.post(
    '/api/licenses/:id/submissions',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['submissions'],
        summary: 'Report an action to Metrc (accepted at once, sent in order by the outbox)',
        description: `\`kind\` is one of \`GET /api/submission-kinds\`. ${idempotencyNote}`,
        params: licenseParams,
        body: z.object({
          kind: z.string().min(1).max(100),
          payload: z.unknown(),
          ...enqueueFields,
        }),
        response: { 202: submissionSchema, 422: errorBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      const view = await outbox.enqueue(principalOf(request), {
        license: request.params.id,
        ...request.body,
      });
      return reply.status(202).send(view);
    },
  );

  app.post(
    '/api/licenses/:id/sales-receipts',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['submissions'],
        summary: 'Record a sales receipt (kind sales.receipt.create)',
        description: `SalesDateTime is \`occurredAt\` in the license's local time. ${idempotencyNote}`,
        params: licenseParams,
        body: z.object({ receipt: z.unknown(), ...enqueueFields }),
        response: { 202: submissionSchema, 422: errorBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { receipt, ...rest } = request.body;
      const view = await outbox.enqueue(principalOf(request), {
        license: request.params.id,
        kind: 'sales.receipt.create',
        payload: receipt,
        ...rest,
      });
      return reply.status(202).send(view);
    },
  );

  app.get(
    '/api/submission-kinds',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['submissions'],
        summary: 'Action kinds the outbox reports, with the license feature each needs',
        response: {
          200: z.object({
            kinds: z.array(
              z.object({
                kind: z.string(),
                family: z.string(),
                title: z.string(),
                feature: z.string(),
                batchable: z.boolean(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async () => ({
      kinds: [...ACTIONS.values()].map((action) => ({
        kind: action.kind,
        family: action.family,
        title: action.title,
        feature: action.feature,
        batchable: action.batch !== null,
      })),
    }),
  );

  app.get(
    '/api/submissions',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['submissions'],
        summary: 'The submissions log, newest first (rule 10)',
        querystring: z.object({
          license: z.string().max(64).optional(),
          user: idText.optional(),
          status: statusSchema.optional(),
          kind: z.string().max(100).optional(),
          attribution: z.enum(['own', 'facility']).optional(),
          from: z.iso.datetime().optional(),
          to: z.iso.datetime().optional(),
          beforeId: idText.optional(),
          overdue: z
            .enum(['true', 'false'])
            .optional()
            .describe(
              'Only overdue ones: still queued or sending `overdueAfterMs` after they were created (what the `submission_overdue` alert counts).',
            ),
          limit: countText(1, 500).optional(),
        }),
        response: {
          200: z.object({
            submissions: z.array(submissionSchema),
            overdueAfterMs: z
              .number()
              .describe("The server's overdue age (OUTBOX_OVERDUE_HOURS), in ms."),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { user, from, to, overdue, ...rest } = request.query;
      const overdueAfterMs = services.config.outbox.overdueAfterMs;
      const overdueBefore = new Date(services.clock.now().getTime() - overdueAfterMs);
      return {
        submissions: await outbox.list(principalOf(request).organizationId, {
          ...rest,
          actorUserId: user,
          from: from ? new Date(from).toISOString() : undefined,
          to: to ? new Date(to).toISOString() : undefined,
          overdueBefore: overdue === 'true' ? overdueBefore.toISOString() : undefined,
        }),
        overdueAfterMs,
      };
    },
  );

  app.get(
    '/api/submissions/:id',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['submissions'],
        summary: "One submission, with its payload and Metrc's answer",
        params: idParams,
        response: { 200: submissionDetailSchema, ...errorResponses },
      },
    },
    async (request) => outbox.get(principalOf(request).organizationId, request.params.id),
  );

  app.post(
    '/api/submissions/:id/retry',
    {
      config: { access: 'manager' },
      schema: {
        tags: ['submissions'],
        summary: 'Send a failed submission again, optionally with a fixed payload (audited)',
        params: idParams,
        body: z.object({ payload: z.unknown().optional() }),
        response: { 200: submissionDetailSchema, 422: errorBody, ...errorResponses },
      },
    },
    async (request) =>
      outbox.retry(principalOf(request), request.params.id, { payload: request.body.payload }),
  );

  app.post(
    '/api/submissions/:id/dismiss',
    {
      config: { access: 'manager' },
      schema: {
        tags: ['submissions'],
        summary: 'Give up on a failed or held submission: it is never sent (audited)',
        params: idParams,
        body: z.object({ reason: z.string().trim().max(500).optional() }),
        response: { 200: submissionDetailSchema, ...errorResponses },
      },
    },
    async (request) =>
      outbox.dismiss(principalOf(request), request.params.id, { reason: request.body.reason }),
  );

  app.post(
    '/api/submissions/:id/release',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['submissions'],
        summary:
          "Release a held submission: it goes out under the license's facility key, not attributed (rule 6, audited)",
        params: idParams,
        response: { 200: submissionDetailSchema, ...errorResponses },
      },
    },
    async (request) => outbox.release(principalOf(request), request.params.id),
  );

  app.post(
    '/api/licenses/:id/resume',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['submissions'],
        summary: 'Resume a paused license by hand (saving a verified key resumes it on its own)',
        params: licenseParams,
        response: { 200: z.object({ resumed: z.boolean() }), ...errorResponses },
      },
    },
    async (request) => ({
      resumed: await outbox.resumeLicense(principalOf(request), request.params.id),
    }),
  );

  const policySchema = z.object({ state: z.string(), required: z.boolean() });
  app.get(
    '/api/personal-key-policies/:state',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['submissions'],
        summary: "Whether uploads in a state must go out under the actor's own key (rule 6)",
        params: z.object({ state: z.string().min(2).max(2) }),
        response: { 200: policySchema, ...errorResponses },
      },
    },
    async (request) =>
      outbox.personalKeyPolicy(principalOf(request).organizationId, request.params.state),
  );

  app.put(
    '/api/personal-key-policies/:state',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['submissions'],
        summary: 'Require (or not) personal keys for uploads in a state (audited)',
        params: z.object({ state: z.string().min(2).max(2) }),
        body: z.object({ required: z.boolean() }),
        response: { 200: policySchema, ...errorResponses },
      },
    },
    async (request) =>
      outbox.setPersonalKeyPolicy(
        principalOf(request),
        request.params.state,
        request.body.required,
      ),
  );

  app.put(
    '/api/users/:id/external-ref',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['users'],
        summary: 'Your own reference for a member (POS staff id): API tokens name actors by it',
        params: idParams,
        body: z.object({ externalRef: z.string().trim().min(1).max(200).nullable() }),
        response: {
          200: z.object({ userId: z.number(), externalRef: z.string().nullable() }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      outbox.setMemberExternalRef(
        principalOf(request),
        request.params.id,
        request.body.externalRef,
      ),
  );
}
