import { z } from 'zod';
import type { SignupLimiter } from '../../auth/index.ts';
import type { Config } from '../../config/index.ts';
import type { OnboardingService } from '../../credentials/index.ts';
import { credentialsErrors } from '../../credentials/index.ts';
import {
  credentialSchema,
  environmentSchema,
  errorResponses,
  organizationSchema,
  secretString,
} from '../schemas.ts';
import type { ZodApp } from '../zod-app.ts';

export type SignupRouteDeps = {
  config: Pick<Config, 'signupOpen'>;
  onboarding: OnboardingService;
  signupLimiter: SignupLimiter;
};

/**
 * Public sign-up with a Metrc key (rule 11): the organization exists only if the key holds an
 * active license; the console then shows the license types found and only what they can do.
 */
export function registerSignupRoutes(app: ZodApp, services: SignupRouteDeps): void {
  app.get(
    '/api/signup',
    {
      config: { access: 'public' },
      schema: {
        tags: ['onboarding'],
        summary: 'Whether this deployment lets anyone sign up an organization',
        response: { 200: z.object({ open: z.boolean() }), ...errorResponses },
      },
    },
    async () => ({ open: services.config.signupOpen }),
  );

  app.post(
    '/api/signup',
    {
      config: { access: 'public' },
      schema: {
        tags: ['onboarding'],
        summary:
          'Sign up: an organization, its first admin and a verified facility key; created only if the key holds an active license',
        body: z.object({
          organization: z.string().trim().min(1).max(200),
          name: z.string().trim().min(1).max(200),
          email: z.email().max(320),
          password: secretString(),
          state: z.string().length(2),
          environment: environmentSchema.default('production'),
          apiKey: secretString(200),
        }),
        response: {
          201: z.object({ organization: organizationSchema, credential: credentialSchema }),
          ...errorResponses,
          422: errorResponses[400],
          429: errorResponses[400],
          503: errorResponses[400],
        },
      },
    },
    async (request, reply) => {
      if (!services.config.signupOpen) throw credentialsErrors.SIGNUP_CLOSED();
      // Before the Metrc call and the password hash: an address cannot make us do either in bulk.
      await services.signupLimiter.consume(request.ip);
      const body = request.body;
      const created = await services.onboarding.signUp({
        name: body.organization,
        admin: { email: body.email, name: body.name, password: body.password },
        metrc: { state: body.state, environment: body.environment, key: body.apiKey },
      });
      return reply
        .status(201)
        .send({ organization: created.organization, credential: created.credential });
    },
  );
}
