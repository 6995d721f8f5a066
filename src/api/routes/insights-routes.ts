import { z } from 'zod';
import type { InsightsService } from '../../insights/index.ts';
import { INSIGHT_METRICS } from '../../insights/index.ts';
import { principalOf } from '../plugins/authenticate.ts';
import { errorResponses } from '../schemas.ts';
import type { ZodApp } from '../zod-app.ts';

const participationSchema = z.object({ optedIn: z.boolean(), changedAt: z.string().nullable() });

export type InsightsRouteDeps = { insights: InsightsService };

/**
 * Cross-organization insights (rule 12). Anyone signed in may read the published groups; each
 * organization's admin decides whether it contributes.
 */
export function registerInsightsRoutes(app: ZodApp, services: InsightsRouteDeps): void {
  app.get(
    '/api/insights',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['insights'],
        summary:
          'Anonymous aggregates across organizations, each over at least INSIGHTS_MIN_ORGANIZATIONS',
        querystring: z.object({
          metric: z.enum(INSIGHT_METRICS).optional(),
          group: z.string().max(100).optional(),
        }),
        response: {
          200: z.object({
            minOrganizations: z.number(),
            groups: z.array(
              z.object({
                metric: z.enum(INSIGHT_METRICS),
                group: z.string(),
                organizations: z.number(),
                values: z.record(z.string(), z.number()),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => services.insights.published(request.query),
  );

  app.get(
    '/api/insights/participation',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['insights'],
        summary: 'Whether your organization contributes to insights',
        response: { 200: participationSchema, ...errorResponses },
      },
    },
    async (request) => services.insights.participation(principalOf(request).organizationId),
  );

  app.put(
    '/api/insights/participation',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['insights'],
        summary: 'Opt in to (or out of) contributing to anonymous insights',
        body: z.object({ optedIn: z.boolean() }),
        response: { 200: participationSchema, ...errorResponses },
      },
    },
    async (request) =>
      services.insights.setParticipation(principalOf(request), request.body.optedIn),
  );
}
