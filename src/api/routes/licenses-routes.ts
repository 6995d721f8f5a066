import { z } from 'zod';
import type { AppServices } from '../../main/services.ts';
import { principalOf } from '../plugins/authenticate.ts';
import { errorResponses, idParams, licenseSchema } from '../schemas.ts';
import type { ZodApp } from '../zod-app.ts';

const licenseFields = {
  licenseType: z.string().trim().min(1).max(100),
  name: z.string().trim().min(1).max(200),
  facilityType: z.record(z.string(), z.union([z.boolean(), z.number(), z.null()])).optional(),
  timeZone: z.string().min(1).max(64).optional(),
};

/** The organization's Metrc licenses. Everyone reads; admins change. */
export function registerLicensesRoutes(app: ZodApp, services: AppServices): void {
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
    async (request) => ({
      licenses: await services.licenses.list(principalOf(request).organizationId),
    }),
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
    async (request) =>
      services.licenses.get(principalOf(request).organizationId, request.params.id),
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
    async (request, reply) =>
      reply.status(201).send(await services.licenses.create(principalOf(request), request.body)),
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
    async (request) =>
      services.licenses.update(principalOf(request), request.params.id, request.body),
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
