import { z } from 'zod';
import type { Clock } from '../../lib/index.ts';
import type { LicensesService } from '../../licenses/index.ts';
import type { MirrorQueries, SyncService } from '../../sync/index.ts';
import { SYNC_RESOURCES } from '../../sync/index.ts';
import { principalOf } from '../plugins/authenticate.ts';
import { errorResponses, idParams } from '../schemas.ts';
import type { ZodApp } from '../zod-app.ts';

const paging = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD');

const mirroredPackage = z.object({
  id: z.number(),
  licenseId: z.number(),
  metrcId: z.number(),
  label: z.string(),
  status: z.string(),
  itemId: z.number().nullable(),
  itemName: z.string().nullable(),
  category: z.string().nullable(),
  locationId: z.number().nullable(),
  locationName: z.string().nullable(),
  quantity: z.number().nullable(),
  unit: z.string().nullable(),
  expirationDate: z.string().nullable(),
  useByDate: z.string().nullable(),
  labTestingState: z.string().nullable(),
  packagedDate: z.string().nullable(),
  lastModified: z.string(),
  syncedAt: z.string(),
});

const mirroredRecord = z.object({
  licenseId: z.number(),
  metrcId: z.string(),
  status: z.string(),
  label: z.string().nullable(),
  lastModified: z.string().nullable(),
  syncedAt: z.string(),
  /** Metrc's JSON as stored. */
  record: z.unknown(),
});

const streamStatus = z.object({
  stream: z.string(),
  resource: z.string(),
  status: z.string(),
  watermark: z.string().nullable(),
  backfillFrom: z.string().nullable(),
  backfillDone: z.boolean(),
  progress: z.number(),
  recordsStored: z.number(),
  rejected: z.number(),
  pagesFetched: z.number(),
  lastRunAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  lastErrorCode: z.string().nullable(),
});

const syncStatus = z.object({
  licenses: z.array(
    z.object({
      licenseId: z.number(),
      licenseNumber: z.string(),
      hasFacilityKey: z.boolean(),
      keyStatus: z.string().nullable(),
      paused: z.boolean(),
      pausedReason: z.string().nullable(),
      refreshRequestedAt: z.string().nullable(),
      streams: z.array(streamStatus),
      gapsHealed: z.array(
        z.object({
          stream: z.string(),
          windowStart: z.string(),
          windowEnd: z.string(),
          metrcTotal: z.number(),
          localBefore: z.number(),
          localAfter: z.number(),
          healed: z.number(),
          detectedAt: z.string(),
        }),
      ),
    }),
  ),
});

/** The mirrored kinds the read API lists besides packages, by URL segment. */
const RECORD_KINDS = {
  plants: 'plants',
  harvests: 'harvests',
  receipts: 'receipts',
  transfers: 'transfers',
} as const;

export type SyncRouteDeps = {
  clock: Clock;
  licenses: LicensesService;
  mirror: MirrorQueries;
  sync: SyncService;
};

/** The mirror of Metrc (read), sync status and "refresh now". */
export function registerSyncRoutes(app: ZodApp, services: SyncRouteDeps): void {
  app.get(
    '/api/mirror/packages',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['mirror'],
        summary: 'Packages as last pulled from Metrc, filtered and paged',
        querystring: z.object({
          licenseId: z.coerce.number().int().positive().optional(),
          itemId: z.coerce.number().int().positive().optional(),
          itemName: z.string().min(1).max(200).optional(),
          category: z.string().min(1).max(200).optional(),
          locationId: z.coerce.number().int().positive().optional(),
          locationName: z.string().min(1).max(200).optional(),
          status: z.enum(['active', 'onhold', 'inactive', 'intransit']).optional(),
          expiringBefore: day.optional(),
          label: z.string().min(1).max(64).optional(),
          ...paging,
        }),
        response: {
          200: z.object({ total: z.number(), packages: z.array(mirroredPackage) }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { limit, offset, ...filter } = request.query;
      return services.mirror.packages(principalOf(request).organizationId, filter, {
        limit,
        offset,
      });
    },
  );

  for (const [segment, kind] of Object.entries(RECORD_KINDS)) {
    app.get(
      `/api/mirror/${segment}`,
      {
        config: { access: 'staff' },
        schema: {
          tags: ['mirror'],
          summary: `${segment[0]?.toUpperCase()}${segment.slice(1)} as last pulled from Metrc, paged`,
          querystring: z.object({
            licenseId: z.coerce.number().int().positive().optional(),
            status: z.string().min(1).max(32).optional(),
            ...paging,
          }),
          response: {
            200: z.object({ total: z.number(), records: z.array(mirroredRecord) }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const { limit, offset, ...filter } = request.query;
        return services.mirror.records(principalOf(request).organizationId, kind, filter, {
          limit,
          offset,
        });
      },
    );
  }

  app.get(
    '/api/licenses/:id/inventory',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['mirror'],
        summary: "A license's inventory summary from the mirror",
        params: idParams,
        response: {
          200: z.object({
            licenseId: z.number(),
            packagesByStatus: z.record(z.string(), z.number()),
            activeByCategory: z.array(
              z.object({
                category: z.string().nullable(),
                unit: z.string().nullable(),
                packages: z.number(),
                quantity: z.number(),
              }),
            ),
            expiringWithin30Days: z.number(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { organizationId } = principalOf(request);
      const license = await services.licenses.get(organizationId, request.params.id);
      const now = services.clock.now();
      const in30 = new Date(now.getTime() + 30 * 86_400_000);
      return services.mirror.inventorySummary(
        organizationId,
        license.id,
        now.toISOString().slice(0, 10),
        in30.toISOString().slice(0, 10),
      );
    },
  );

  app.get(
    '/api/sync/status',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['sync'],
        summary: 'Sync checkpoints per license and resource, backfill progress, gaps healed',
        querystring: z.object({ licenseId: z.coerce.number().int().positive().optional() }),
        response: { 200: syncStatus, ...errorResponses },
      },
    },
    async (request) =>
      services.sync.status(principalOf(request).organizationId, request.query.licenseId),
  );

  app.post(
    '/api/licenses/:id/sync',
    {
      config: { access: 'manager' },
      schema: {
        tags: ['sync'],
        summary: 'Refresh now: the worker pulls this license (or one resource) within seconds',
        params: idParams,
        body: z.object({ resource: z.enum(SYNC_RESOURCES).optional() }).optional(),
        response: { 202: z.object({ requestedAt: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await services.sync.requestRefresh(
        principalOf(request).organizationId,
        request.params.id,
        request.body?.resource,
      );
      return reply.status(202).send(result);
    },
  );
}
