import { z } from 'zod';
import type { AuditService } from '../../audit/index.ts';
import { principalOf } from '../plugins/authenticate.ts';
import { countText, errorResponses, idText } from '../schemas.ts';
import type { ZodApp } from '../zod-app.ts';

const auditEventSchema = z.object({
  id: z.number(),
  action: z.string(),
  actorUserId: z.number().nullable(),
  actorTokenId: z.number().nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  hash: z.string(),
});

/** The organization's audit trail (admins). */
/** What these routes use: only the services they call (style habit 3). */
export type AuditRouteDeps = { audit: AuditService };

export function registerAuditRoutes(app: ZodApp, services: AuditRouteDeps): void {
  app.get(
    '/api/audit-events',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['audit'],
        summary: 'Audit events of your organization, newest first',
        querystring: z.object({
          limit: countText(1, 500).default(100),
          before: idText.optional(),
        }),
        response: { 200: z.object({ events: z.array(auditEventSchema) }), ...errorResponses },
      },
    },
    async (request) => ({
      events: await services.audit.list(principalOf(request).organizationId, {
        limit: request.query.limit,
        beforeId: request.query.before,
      }),
    }),
  );
}
