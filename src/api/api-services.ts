import type { ApiTokenService, SessionService } from '../auth/index.ts';
import type { Config } from '../config/index.ts';
import type { IdempotencyService } from '../idempotency/index.ts';
import type { Logger } from '../lib/index.ts';
import type { AlertsRouteDeps } from './routes/alerts-routes.ts';
import type { AuditRouteDeps } from './routes/audit-routes.ts';
import type { AuthRouteDeps } from './routes/auth-routes.ts';
import type { CredentialsRouteDeps } from './routes/credentials-routes.ts';
import type { HealthRouteDeps } from './routes/health-routes.ts';
import type { InsightsRouteDeps } from './routes/insights-routes.ts';
import type { IntakeRouteDeps } from './routes/intake-routes.ts';
import type { LicensesRouteDeps } from './routes/licenses-routes.ts';
import type { MembersRouteDeps } from './routes/members-routes.ts';
import type { OrganizationRouteDeps } from './routes/organization-routes.ts';
import type { PlatformRouteDeps } from './routes/platform-routes.ts';
import type { SignupRouteDeps } from './routes/signup-routes.ts';
import type { SubmissionsRouteDeps } from './routes/submissions-routes.ts';
import type { SyncRouteDeps } from './routes/sync-routes.ts';
import type { TokensRouteDeps } from './routes/tokens-routes.ts';
import type { VendorKeysRouteDeps } from './routes/vendor-keys-routes.ts';
import type { WebhookEndpointsRouteDeps } from './routes/webhook-endpoints-routes.ts';

/**
 * What the HTTP app needs: the app's own settings, what authentication uses, and the union of
 * every route module's narrowed dependencies. `main`'s `AppServices` satisfies it structurally,
 * so `api` never imports `main`. A new route module adds its `XRouteDeps` here.
 */
export type ApiServices = {
  config: Pick<Config, 'bodyLimitBytes'>;
  logger: Logger;
  sessions: SessionService;
  apiTokens: ApiTokenService;
  idempotency: IdempotencyService;
} & AuthRouteDeps &
  HealthRouteDeps &
  OrganizationRouteDeps &
  MembersRouteDeps &
  TokensRouteDeps &
  LicensesRouteDeps &
  AuditRouteDeps &
  PlatformRouteDeps &
  VendorKeysRouteDeps &
  CredentialsRouteDeps &
  IntakeRouteDeps &
  SignupRouteDeps &
  SyncRouteDeps &
  AlertsRouteDeps &
  WebhookEndpointsRouteDeps &
  InsightsRouteDeps &
  SubmissionsRouteDeps;
