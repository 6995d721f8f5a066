import { z } from 'zod';
import type { IdentityService } from '../../auth/index.ts';
import { principalOf } from '../plugins/authenticate.ts';
import { errorResponses, idParams, memberSchema, passwordString, roleSchema } from '../schemas.ts';
import type { ZodApp } from '../zod-app.ts';

/** People of the organization and their roles. Managers can see; only admins change. */
/** What these routes use: only the services they call (style habit 3). */
export type MembersRouteDeps = { identity: IdentityService };

export function registerMembersRoutes(app: ZodApp, services: MembersRouteDeps): void {
  app.get(
    '/api/users',
    {
      config: { access: 'manager' },
      schema: {
        tags: ['users'],
        summary: 'Members of your organization',
        response: { 200: z.object({ users: z.array(memberSchema) }), ...errorResponses },
      },
    },
    async (request) => ({
      users: await services.identity.listMembers(principalOf(request).organizationId),
    }),
  );

  app.post(
    '/api/users',
    {
      config: { access: 'admin', responseCarriesSecret: true },
      schema: {
        tags: ['users'],
        summary: 'Add a person (a one-time password is returned once when none is given)',
        body: z.object({
          email: z.email().max(320),
          name: z.string().trim().min(1).max(200),
          role: roleSchema,
          password: passwordString().optional(),
        }),
        response: {
          201: z.object({ user: memberSchema, oneTimePassword: z.string().nullable() }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { member, oneTimePassword } = await services.identity.addMember(principalOf(request), {
        email: request.body.email,
        name: request.body.name,
        role: request.body.role,
        password: request.body.password,
      });
      // The one place a generated password leaves the server: once, to the admin who asked.
      return reply
        .status(201)
        .send({ user: member, oneTimePassword: oneTimePassword?.reveal() ?? null });
    },
  );

  app.get(
    '/api/users/:id',
    {
      config: { access: 'manager' },
      schema: {
        tags: ['users'],
        summary: 'One member',
        params: idParams,
        response: { 200: memberSchema, ...errorResponses },
      },
    },
    async (request) =>
      services.identity.getMember(principalOf(request).organizationId, request.params.id),
  );

  app.patch(
    '/api/users/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['users'],
        summary: "Change a member's role or name",
        params: idParams,
        body: z.object({
          role: roleSchema.optional(),
          name: z.string().trim().min(1).max(200).optional(),
        }),
        response: { 200: memberSchema, ...errorResponses },
      },
    },
    async (request) =>
      services.identity.updateMember(principalOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/users/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['users'],
        summary: 'Remove a member from your organization (signs them out)',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await services.identity.removeMember(principalOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
