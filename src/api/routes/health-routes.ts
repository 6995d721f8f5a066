import { sql } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/index.ts';
import { pendingMigrations } from '../../db/index.ts';
import { commonErrors } from '../../lib/index.ts';
import { errorBody } from '../schemas.ts';
import type { ZodApp } from '../zod-app.ts';

/** Liveness and readiness, for load balancers and orchestrators. */
/** What these routes use: only the services they call (style habit 3). */
export type HealthRouteDeps = { database: Pick<Database, 'db' | 'dialect'> };

export function registerHealthRoutes(app: ZodApp, services: HealthRouteDeps): void {
  app.get(
    '/healthz',
    {
      config: { access: 'public' },
      schema: {
        tags: ['health'],
        summary: 'The process is up',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      config: { access: 'public' },
      schema: {
        tags: ['health'],
        summary: 'The database is reachable and migrated',
        response: { 200: z.object({ status: z.literal('ready') }), 503: errorBody },
      },
    },
    async () => {
      const { db, dialect } = services.database;
      try {
        await sql`select 1`.execute(db);
      } catch {
        throw commonErrors.SERVICE_UNAVAILABLE({ message: 'The database is unreachable.' });
      }
      const pending = await pendingMigrations(db, dialect);
      if (pending.length > 0) {
        throw commonErrors.SERVICE_UNAVAILABLE({
          message: 'Database migrations are pending. Run `tracegate migrate`.',
          details: { pending },
        });
      }
      return { status: 'ready' as const };
    },
  );
}
