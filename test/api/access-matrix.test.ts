import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Access } from '../../src/api/index.ts';
import {
  createPlatformAdmin,
  createTestApp,
  createTestOrganization,
  login,
  type TestApp,
  type TestOrganization,
} from '../helpers/test-app.ts';
import { describeEachDialect } from '../helpers/test-db.ts';

/**
 * Who may call what, written out independently of the route code. A new route without a row
 * here fails the first test, so every route is covered.
 */
const EXPECTED: Record<string, Access> = {
  'GET /': 'public',
  'GET /healthz': 'public',
  'GET /readyz': 'public',
  'GET /api/openapi.json': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'staff',
  'GET /api/auth/session': 'staff',
  'POST /api/auth/password': 'staff',
  'GET /api/organization': 'staff',
  'PATCH /api/organization': 'admin',
  'GET /api/users': 'manager',
  'POST /api/users': 'admin',
  'GET /api/users/:id': 'manager',
  'PATCH /api/users/:id': 'admin',
  'DELETE /api/users/:id': 'admin',
  'GET /api/tokens': 'admin',
  'POST /api/tokens': 'admin',
  'DELETE /api/tokens/:id': 'admin',
  'GET /api/licenses': 'staff',
  'GET /api/licenses/:id': 'staff',
  'POST /api/licenses': 'admin',
  'PATCH /api/licenses/:id': 'admin',
  'DELETE /api/licenses/:id': 'admin',
  'GET /api/audit-events': 'admin',
  'GET /api/platform/organizations': 'platform',
  'POST /api/platform/organizations': 'platform',
  'GET /api/platform/audit/verify': 'platform',
  'GET /api/platform/vendor-keys': 'platform',
  'GET /api/platform/insights/license-types': 'platform',
  'PUT /api/platform/vendor-keys/:state': 'platform',
  'DELETE /api/platform/vendor-keys/:state': 'platform',
  // Who may set which key is decided per credential (rule 7), tested in test/credentials.
  'GET /api/credentials': 'staff',
  'GET /api/credentials/:id': 'staff',
  'POST /api/credentials': 'staff',
  'PATCH /api/credentials/:id': 'staff',
  'DELETE /api/credentials/:id': 'staff',
  'POST /api/credentials/:id/verify': 'manager',
  'POST /api/intake-links': 'admin',
  'GET /api/intake-links': 'admin',
  'DELETE /api/intake-links/:id': 'admin',
  // The one-time link itself is the permission (rule 13).
  'GET /api/intake/:token': 'public',
  'POST /api/intake/:token': 'public',
  'GET /api/alerts': 'staff',
  'GET /api/alerts/:id': 'staff',
  'POST /api/alerts/:id/acknowledge': 'staff',
  'POST /api/alerts/evaluate': 'manager',
  'GET /api/alerts/preferences': 'manager',
  'PUT /api/alerts/preferences': 'admin',
  'GET /api/alerts/deliveries': 'manager',
  'GET /api/webhook-endpoints': 'admin',
  'POST /api/webhook-endpoints': 'admin',
  'PATCH /api/webhook-endpoints/:id': 'admin',
  'POST /api/webhook-endpoints/:id/rotate-secret': 'admin',
  'DELETE /api/webhook-endpoints/:id': 'admin',
  'GET /api/insights': 'staff',
  'GET /api/insights/participation': 'staff',
  'PUT /api/insights/participation': 'admin',
  // The console: built files and index.html for deep links; /api/* never falls back.
  'GET /*': 'public',
  'POST /api/credentials/check': 'staff',
  'GET /api/auth/organizations': 'staff',
  'POST /api/auth/organization': 'staff',
  'GET /api/signup': 'public',
  'POST /api/signup': 'public',
  // Pull sync: everyone reads the mirror and its status; managers ask for a refresh.
  'GET /api/mirror/packages': 'staff',
  'GET /api/mirror/plants': 'staff',
  'GET /api/mirror/harvests': 'staff',
  'GET /api/mirror/receipts': 'staff',
  'GET /api/mirror/transfers': 'staff',
  'GET /api/licenses/:id/inventory': 'staff',
  'GET /api/sync/status': 'staff',
  'POST /api/licenses/:id/sync': 'manager',
  // The outbox (src/outbox).
  'POST /api/licenses/:id/submissions': 'staff',
  'POST /api/licenses/:id/sales-receipts': 'staff',
  'GET /api/submission-kinds': 'staff',
  'GET /api/submissions': 'staff',
  'GET /api/submissions/:id': 'staff',
  'POST /api/submissions/:id/retry': 'manager',
  'POST /api/submissions/:id/dismiss': 'manager',
  'POST /api/submissions/:id/release': 'admin',
  'POST /api/licenses/:id/resume': 'admin',
  'GET /api/personal-key-policies/:state': 'staff',
  'PUT /api/personal-key-policies/:state': 'admin',
  'PUT /api/users/:id/external-ref': 'admin',
};

type Caller =
  | 'anonymous'
  | 'staff'
  | 'manager'
  | 'admin'
  | 'platform'
  | 'staff-token'
  | 'admin-token';
const CALLERS: Caller[] = [
  'anonymous',
  'staff',
  'manager',
  'admin',
  'platform',
  'staff-token',
  'admin-token',
];

function allowed(access: Access, caller: Caller): boolean {
  if (access === 'public') return true;
  if (caller === 'anonymous') return false;
  if (access === 'platform') return caller === 'platform';
  const role = caller === 'platform' ? 'admin' : caller.replace('-token', '');
  const rank = { staff: 0, manager: 1, admin: 2 } as const;
  return rank[role as keyof typeof rank] >= rank[access];
}

describeEachDialect('role × route matrix', (ctx) => {
  let t: TestApp;
  let org: TestOrganization;
  let platform: Awaited<ReturnType<typeof createPlatformAdmin>>;
  const tokens: Record<string, string> = {};

  before(async () => {
    t = await createTestApp(ctx.database);
    org = await createTestOrganization(t.services, 'Matrix Co');
    platform = await createPlatformAdmin(t.services);
    const admin = {
      organizationId: org.id,
      role: 'admin' as const,
      userId: org.admin.id,
      tokenId: null,
    };
    tokens.staff = (await t.services.apiTokens.create(admin, { name: 's', role: 'staff' })).token;
    tokens.admin = (await t.services.apiTokens.create(admin, { name: 'a', role: 'admin' })).token;
  });
  after(() => t.close());

  async function headersFor(caller: Caller): Promise<Record<string, string>> {
    switch (caller) {
      case 'anonymous':
        return {};
      case 'staff-token':
        return { authorization: `Bearer ${tokens.staff}` };
      case 'admin-token':
        return { authorization: `Bearer ${tokens.admin}` };
      case 'platform':
        return (await login(t.app, platform)).headers;
      default:
        return (await login(t.app, org[caller])).headers;
    }
  }

  it('covers every route the app serves', () => {
    const served = t.app.routeCatalogue
      .filter((r) => !r.url.startsWith('/api/docs'))
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    assert.deepEqual(served, Object.keys(EXPECTED).sort());
  });

  for (const caller of CALLERS) {
    it(`allows and denies exactly as expected for ${caller}`, async () => {
      const sessionHeaders = await headersFor(caller);
      for (const [route, access] of Object.entries(EXPECTED)) {
        const [method, path] = route.split(' ') as [string, string];
        // Logging out ends the session, so it gets a fresh one.
        const headers =
          route === 'POST /api/auth/logout' ? await headersFor(caller) : sessionHeaders;
        const res = await t.app.inject({
          method: method as 'GET',
          url: path
            .replace(':id', '999999')
            .replace(':state', 'ca')
            .replace(':token', 'tgk_not-a-real-link'),
          headers,
          ...(['POST', 'PATCH', 'PUT'].includes(method) ? { payload: {} } : {}),
        });
        const denied = res.statusCode === 401 || res.statusCode === 403;
        const code = denied ? (res.json() as { code: string }).code : '';
        const expectAllowed = allowed(access, caller);
        if (expectAllowed) {
          // A token may reach the password route but is told a person is needed.
          const personOnly = code === 'AUTH_USER_REQUIRED' && caller.endsWith('-token');
          assert.ok(
            !denied || personOnly,
            `${caller} should reach ${route}, got ${res.statusCode} ${code}`,
          );
        } else {
          assert.ok(denied, `${caller} should be refused ${route}, got ${res.statusCode}`);
          assert.match(code, /^AUTH_(REQUIRED|FORBIDDEN)$/, `${caller} ${route}`);
        }
      }
    });
  }
});
