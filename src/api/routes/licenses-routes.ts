import { z } from 'zod';
import type { CredentialsService } from '../../credentials/index.ts';
import { NOT_SYNCING } from '../../credentials/index.ts';
import type { LicensesService, LicenseView } from '../../licenses/index.ts';
import type { OutboxService } from '../../outbox/index.ts';
import { principalOf } from '../plugins/authenticate.ts';
import { errorResponses, flagsObject, idParams, licenseSchema } from '../schemas.ts';
import type { ZodApp } from '../zod-app.ts';

const licenseFields = {
  licenseType: z.string().trim().min(1).max(100),
  name: z.string().trim().min(1).max(200),
  facilityType: flagsObject.optional(),
  timeZone: z.string().min(1).max(64).optional(),
};

const EMPTY_QUEUE = {
  depth: 0,
  byStatus: {},
  oldestUnsentAt: null,
  oldestUnsentAgeSeconds: null,
  paused: false,
  pauseCode: null,
  pauseMessage: null,
};

/** The organization's Metrc licenses. Everyone reads; admins change. */
/** What these routes use: only the services they call (style habit 3). */
export type LicensesRouteDeps = {
  licenses: LicensesService;
  credentials: CredentialsService;
  outbox: { service: Pick<OutboxService, 'queueByLicense'> };
};

export function registerLicensesRoutes(app: ZodApp, services: LicensesRouteDeps): void {
  /** Adds whether each license syncs with the state (from its facility key). */
  async function withSync(organizationId: number, views: LicenseView[]) {
    const sync = await services.credentials.syncByLicense(organizationId);
    const queues = await services.outbox.service.queueByLicense(organizationId);
    return views.map((view) => {
      const { licenseId: _, ...queue } = queues.get(view.id) ?? { ...EMPTY_QUEUE, licenseId: 0 };
      return { ...view, sync: sync.get(view.id) ?? NOT_SYNCING, outbox: queue };
    });
  }
  const one = async (organizationId: number, view: LicenseView) =>
    (await withSync(organizationId, [view]))[0] as LicenseView & {
      sync: typeof NOT_SYNCING;
      outbox: typeof EMPTY_QUEUE;
    };

  app.get(
    '/api/licenses',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['licenses'],
        summary: 'Licenses of your organization',
        response: { 200: z.object({ licenses: z.array(licenseSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const { organizationId } = principalOf(request);
      return {
        licenses: await withSync(organizationId, await services.licenses.list(organizationId)),
      };
    },
  );

  app.get(
    '/api/licenses/:id',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['licenses'],
        summary: 'One license',
        params: idParams,
        response: { 200: licenseSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { organizationId } = principalOf(request);
      return one(organizationId, await services.licenses.get(organizationId, request.params.id));
    },
  );

  app.post(
    '/api/licenses',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['licenses'],
        summary: 'Add a license by hand (verifying a facility key adds them from Metrc)',
        body: z.object({
          number: z.string().trim().min(1).max(64),
          state: z.string().length(2),
          ...licenseFields,
        }),
        response: { 201: licenseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const created = await services.licenses.create(principal, request.body);
      return reply.status(201).send(await one(principal.organizationId, created));
    },
  );

  app.patch(
    '/api/licenses/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['licenses'],
        summary: "Change a license's name, type, flags or time zone",
        params: idParams,
        body: z.object({
          licenseType: licenseFields.licenseType.optional(),
          name: licenseFields.name.optional(),
          facilityType: licenseFields.facilityType,
          timeZone: licenseFields.timeZone,
        }),
        response: { 200: licenseSchema, ...errorResponses },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const updated = await services.licenses.update(principal, request.params.id, request.body);
      return one(principal.organizationId, updated);
    },
  );

  app.delete(
    '/api/licenses/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['licenses'],
        summary: 'Remove a license',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await services.licenses.remove(principalOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
