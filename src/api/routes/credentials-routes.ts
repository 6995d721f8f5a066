import { z } from 'zod';
import type {
  CredentialHealthService,
  CredentialsService,
  KeyCheck,
} from '../../credentials/index.ts';
import { KEY_ROUTE_BODY_LIMIT, keyFromInput } from '../key-input.ts';
import { principalOf } from '../plugins/authenticate.ts';
import {
  credentialSchema,
  environmentSchema,
  errorResponses,
  idNumber,
  idParams,
  keyInputFields,
  verificationReportSchema,
} from '../schemas.ts';
import type { ZodApp } from '../zod-app.ts';

const licenseNumbers = z.array(z.string().trim().min(1).max(64)).max(500);

/**
 * Traceability credentials. Everyone sees key health; who may set what is decided by the
 * service (rule 7: admins any key, managers none, staff their own), each refusal with its code.
 */
/** What these routes use: only the services they call (style habit 3). */
export type CredentialsRouteDeps = {
  credentials: CredentialsService;
  credentialHealth: CredentialHealthService;
  keyCheck: KeyCheck;
};

export function registerCredentialsRoutes(app: ZodApp, services: CredentialsRouteDeps): void {
  app.get(
    '/api/credentials',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['credentials'],
        summary: 'Metrc keys of your organization: status, licenses, report (never the key)',
        response: { 200: z.object({ credentials: z.array(credentialSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ credentials: await services.credentials.list(principalOf(request)) }),
  );

  app.get(
    '/api/credentials/:id',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['credentials'],
        summary: 'One credential with its last verification report',
        params: idParams,
        response: { 200: credentialSchema, ...errorResponses },
      },
    },
    async (request) => services.credentials.getVisible(principalOf(request), request.params.id),
  );

  app.post(
    '/api/credentials',
    {
      config: { access: 'staff' },
      bodyLimit: KEY_ROUTE_BODY_LIMIT,
      schema: {
        tags: ['credentials'],
        summary:
          'Verify & Save a Metrc key: saved only if Metrc accepts it for every selected license',
        body: z.object({
          state: z.string().length(2),
          environment: environmentSchema.default('production'),
          kind: z.enum(['facility', 'user']),
          ownerUserId: idNumber.optional(),
          licenseNumbers: licenseNumbers.optional(),
          ...keyInputFields,
        }),
        response: {
          201: credentialSchema,
          ...errorResponses,
          422: errorResponses[400],
          503: errorResponses[400],
        },
      },
    },
    async (request, reply) => {
      const key = await keyFromInput(request.body, true);
      const created = await services.credentials.create(principalOf(request), {
        state: request.body.state,
        environment: request.body.environment,
        kind: request.body.kind,
        ownerUserId: request.body.ownerUserId,
        licenseNumbers: request.body.licenseNumbers,
        key: key as NonNullable<typeof key>,
      });
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/api/credentials/:id',
    {
      config: { access: 'staff' },
      bodyLimit: KEY_ROUTE_BODY_LIMIT,
      schema: {
        tags: ['credentials'],
        summary: 'Replace the key and/or change the licenses; re-verified before anything changes',
        params: idParams,
        body: z.object({ licenseNumbers: licenseNumbers.optional(), ...keyInputFields }),
        response: {
          200: credentialSchema,
          ...errorResponses,
          422: errorResponses[400],
          503: errorResponses[400],
        },
      },
    },
    async (request) => {
      const key = await keyFromInput(request.body, false);
      return services.credentials.update(principalOf(request), request.params.id, {
        key,
        licenseNumbers: request.body.licenseNumbers,
      });
    },
  );

  app.delete(
    '/api/credentials/:id',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['credentials'],
        summary: 'Delete a credential and destroy its key; confirm with its fingerprint',
        params: idParams,
        body: z.object({ confirm: z.string().max(16).optional() }).optional(),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await services.credentials.remove(
        principalOf(request),
        request.params.id,
        request.body?.confirm,
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/credentials/:id/verify',
    {
      config: { access: 'manager' },
      schema: {
        tags: ['credentials'],
        summary: 'Re-verify a saved key now and update its status and diagnosis',
        params: idParams,
        response: { 200: credentialSchema, ...errorResponses },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      await services.credentials.getVisible(principal, request.params.id);
      await services.credentialHealth.reverify(principal.organizationId, request.params.id);
      return services.credentials.getVisible(principal, request.params.id);
    },
  );

  app.post(
    '/api/credentials/check',
    {
      config: { access: 'staff' },
      bodyLimit: KEY_ROUTE_BODY_LIMIT,
      schema: {
        tags: ['credentials'],
        summary:
          'Check a key without saving it: what it may do at each license (writes nothing, never replaces a saved key)',
        body: z.object({
          state: z.string().length(2),
          environment: environmentSchema.default('production'),
          licenseNumbers: licenseNumbers.optional(),
          ...keyInputFields,
        }),
        response: {
          200: verificationReportSchema,
          ...errorResponses,
          422: errorResponses[400],
          503: errorResponses[400],
        },
      },
    },
    async (request) => {
      const key = await keyFromInput(request.body, true);
      return services.keyCheck.check({
        state: request.body.state,
        environment: request.body.environment,
        licenseNumbers: request.body.licenseNumbers ?? [],
        key: key as NonNullable<typeof key>,
      });
    },
  );
}
