import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { IdentityService, SessionService } from '../../auth/index.ts';
import { csrfTokenFor } from '../../auth/index.ts';
import type { Config } from '../../config/index.ts';
import { principalOf, SESSION_COOKIE } from '../plugins/authenticate.ts';
import { errorResponses, organizationSchema, passwordString, roleSchema } from '../schemas.ts';
import type { ZodApp } from '../zod-app.ts';

const sessionResponse = z.object({
  user: z
    .object({
      id: z.number(),
      email: z.string(),
      name: z.string(),
      mustChangePassword: z.boolean(),
    })
    .nullable(),
  organization: organizationSchema,
  role: roleSchema,
  isPlatformAdmin: z.boolean(),
  via: z.enum(['session', 'token']),
  /** Send back as `x-csrf-token` on writes; null for API tokens, which need none. */
  csrfToken: z.string().nullable(),
});

/** Sign-in, sign-out and "who am I". */
/** What these routes use: only the services they call (style habit 3). */
export type AuthRouteDeps = {
  config: Pick<Config, 'env' | 'publicUrl' | 'sessionTtlMs'>;
  sessions: SessionService;
  identity: IdentityService;
};

export function registerAuthRoutes(app: ZodApp, services: AuthRouteDeps): void {
  const secureCookie =
    services.config.env === 'production' ||
    services.config.publicUrl?.startsWith('https:') === true;
  const setSessionCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookie,
      path: '/',
      maxAge: Math.floor(services.config.sessionTtlMs / 1000),
    });

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password; sets the session cookie',
        body: z.object({
          email: z.string().min(3).max(320),
          password: passwordString(),
          organization: z.string().min(1).max(64).optional(),
        }),
        response: { 200: sessionResponse, ...errorResponses, 429: errorResponses[401] },
      },
    },
    async (request, reply) => {
      const result = await services.sessions.login({
        email: request.body.email,
        password: request.body.password,
        organizationSlug: request.body.organization,
        clientAddress: request.ip,
      });
      setSessionCookie(reply, result.sessionToken);
      return {
        user: result.user,
        organization: result.organization,
        role: result.principal.role,
        isPlatformAdmin: result.principal.isPlatformAdmin,
        via: 'session' as const,
        csrfToken: result.csrfToken,
      };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'staff', allowedBeforePasswordChange: true },
      schema: {
        tags: ['auth'],
        summary: 'Sign out: ends this session and clears the cookie',
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      if (principal.sessionId !== null) await services.sessions.logout(principal.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/session',
    {
      config: { access: 'staff', allowedBeforePasswordChange: true },
      schema: {
        tags: ['auth'],
        summary: 'The caller: person (or token), organization, role and CSRF token',
        response: { 200: sessionResponse, ...errorResponses },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const { organization, user } = await services.sessions.describe(principal);
      const cookie = request.cookies[SESSION_COOKIE];
      return {
        user: user
          ? {
              id: user.id,
              email: user.email,
              name: user.name,
              mustChangePassword: user.must_change_password === 1,
            }
          : null,
        organization: organization ?? { id: principal.organizationId, name: '', slug: '' },
        role: principal.role,
        isPlatformAdmin: principal.isPlatformAdmin,
        via: principal.kind,
        csrfToken: principal.kind === 'session' && cookie ? csrfTokenFor(cookie) : null,
      };
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: 'staff', allowedBeforePasswordChange: true },
      schema: {
        tags: ['auth'],
        summary: 'Change your own password (signs out your other sessions)',
        body: z.object({ currentPassword: passwordString(), newPassword: passwordString() }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await services.identity.changePassword(
        principalOf(request),
        request.body.currentPassword,
        request.body.newPassword,
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/organizations',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['auth'],
        summary: 'Organizations you belong to, with your role in each (the organization switcher)',
        response: {
          200: z.object({
            organizations: z.array(organizationSchema.extend({ role: roleSchema })),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { userId } = principalOf(request);
      return {
        organizations: userId === null ? [] : await services.sessions.organizationsOf(userId),
      };
    },
  );

  app.post(
    '/api/auth/organization',
    {
      config: { access: 'staff' },
      schema: {
        tags: ['auth'],
        summary: 'Switch to another of your organizations: a new session there replaces this one',
        body: z.object({ organization: z.string().min(1).max(64) }),
        response: { 200: sessionResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await services.sessions.switchOrganization(
        principalOf(request),
        request.body.organization,
      );
      setSessionCookie(reply, result.sessionToken);
      return {
        user: result.user,
        organization: result.organization,
        role: result.principal.role,
        isPlatformAdmin: result.principal.isPlatformAdmin,
        via: 'session' as const,
        csrfToken: result.csrfToken,
      };
    },
  );
}
