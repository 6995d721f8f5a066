import { createHash } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { type Principal, SYSTEM_ACTOR } from '../../../src/auth/index.ts';
import { Secret } from '../../../src/lib/index.ts';
import { CA } from '../credentials-fixture.ts';
import {
  createPlatformAdmin,
  createTestApp,
  createTestOrganization,
  login,
  type TestApp,
} from '../test-app.ts';
import type { TestDatabase } from '../test-db.ts';
import { startTestMetrc, type TestMetrc } from '../test-metrc.ts';

export type CallerName =
  | 'anonymous'
  | 'staff'
  | 'manager'
  | 'admin'
  | 'platform'
  | 'other-org-admin'
  | 'admin-without-csrf';
export const CALLER_NAMES: readonly CallerName[] = [
  'anonymous',
  'staff',
  'manager',
  'admin',
  'platform',
  'other-org-admin',
  'admin-without-csrf',
];

interface Caller {
  organizationId: number | null;
  role: 'staff' | 'manager' | 'admin' | null;
  headers: Record<string, string>;
}

/**
 * Columns a refused request may legitimately move: "last used" stamps written when a caller
 * authenticates (before the body is validated), and counters of failed attempts, which exist to
 * count refusals.
 */
const VOLATILE_COLUMN = /^(last_used_at|last_seen_at|failed_attempts|locked_at|attempts)$/;
/** Tables that count refusals (login limiter and the like). */
const VOLATILE_TABLE = /(limit|attempt|kysely_)/;

/**
 * The fuzzer's world: the real app on a test database, the emulator with vendor keys, two
 * organizations with people, licenses, a facility key and a one-time link, and a caller per role.
 * `heal()` brings callers back after a fuzzed request removed, demoted or signed one out.
 */
export interface FuzzWorld {
  t: TestApp;
  metrc: TestMetrc;
  /** Values worth trying per field name: real ids, states, license numbers, keys, tokens. */
  hints: Record<string, readonly unknown[]>;
  headersFor(caller: CallerName): Record<string, string>;
  /** A digest of every row (volatile columns left out): equal digests, nothing changed. */
  snapshot(): Promise<string>;
  heal(): Promise<void>;
  close(): Promise<void>;
}

let people = 0;

export async function createFuzzWorld(database: TestDatabase): Promise<FuzzWorld> {
  const metrc = await startTestMetrc();
  const t = await createTestApp(database, { metrc: metrc.client });
  const { services } = t;
  for (const state of ['ca', 'co']) {
    await services.vendorKeys.set(SYSTEM_ACTOR, {
      state,
      environment: 'production',
      key: new Secret(metrc.vendorKey(state)),
    });
  }
  const orgA = await createTestOrganization(services, 'Fuzz A');
  const orgB = await createTestOrganization(services, 'Fuzz B');
  const platform = await createPlatformAdmin(services);

  const adminA: Principal = {
    kind: 'session',
    organizationId: orgA.id,
    role: 'admin',
    userId: orgA.admin.id,
    tokenId: null,
    sessionId: null,
    isPlatformAdmin: false,
  };
  await services.credentials.create(adminA, {
    state: 'ca',
    kind: 'facility',
    licenseNumbers: [CA.retailer],
    key: new Secret(metrc.userKey('ca-owner')),
  });
  const link = await services.intakeLinks.create(adminA, { userId: orgA.staff.id, state: 'ca' });

  const callers = new Map<CallerName, Caller>();
  const password = 'correct horse battery staple';
  async function signIn(
    name: CallerName,
    email: string,
    pw: string,
    organizationId: number,
    role: Caller['role'],
  ) {
    const session = await login(t.app, { email, password: pw });
    const headers: Record<string, string> = { ...session.headers };
    if (name === 'admin-without-csrf') delete headers['x-csrf-token'];
    callers.set(name, { organizationId, role, headers });
  }
  callers.set('anonymous', { organizationId: null, role: null, headers: {} });
  await signIn('staff', orgA.staff.email, password, orgA.id, 'staff');
  await signIn('manager', orgA.manager.email, password, orgA.id, 'manager');
  await signIn('admin', orgA.admin.email, password, orgA.id, 'admin');
  await signIn('admin-without-csrf', orgA.admin.email, password, orgA.id, 'admin');
  await signIn('other-org-admin', orgB.admin.email, password, orgB.id, 'admin');
  await signIn('platform', platform.email, platform.password, -1, 'admin');

  const { db } = database;
  const tables = (await db.introspection.getTables())
    .filter((table) => !VOLATILE_TABLE.test(table.name))
    .map((table) => ({
      name: table.name,
      columns: table.columns.map((c) => c.name).filter((c) => !VOLATILE_COLUMN.test(c)),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));

  async function snapshot(): Promise<string> {
    const hash = createHash('sha256');
    for (const table of tables) {
      const rows = await db
        .selectFrom(sql.table(table.name).as('t'))
        .select(table.columns.map((c) => sql.ref(`t.${c}`).as(c)))
        .execute();
      const lines = rows.map((row) => JSON.stringify(row)).sort();
      hash.update(`${table.name}\n${lines.join('\n')}\n`);
    }
    return hash.digest('hex');
  }

  async function heal(): Promise<void> {
    for (const [name, caller] of callers) {
      if (caller.role === null) continue;
      const res: LightMyRequestResponse = await t.app.inject({
        method: 'GET',
        url: '/api/auth/session',
        headers: caller.headers,
      });
      const body = res.statusCode === 200 ? (res.json() as { role: string }) : null;
      if (body && body.role === caller.role) continue;
      // Removed, demoted or signed out by a fuzzed request: a new person of that role.
      if (name === 'platform') {
        const root = await createPlatformAdmin(services);
        await signIn(name, root.email, root.password, -1, 'admin');
        continue;
      }
      const organizationId = caller.organizationId as number;
      const email = `fuzz-${process.pid}-${++people}@fuzz.test`;
      await services.identity.addMember(
        { organizationId, userId: null, tokenId: null },
        { email, name: `Fuzz ${people}`, role: caller.role, password: new Secret(password) },
      );
      await signIn(name, email, password, organizationId, caller.role);
    }
  }

  const emulatorKeys = ['ca-owner', 'ca-manager', 'ca-budtender', 'co-owner'].map((id) =>
    metrc.userKey(id),
  );
  const ids = [orgA.admin.id, orgA.staff.id, orgB.admin.id, orgB.staff.id, 1, 2, 3];
  const hints = {
    id: ids.map(String),
    before: ['1', '5'],
    limit: ['1', '500'],
    userId: ids,
    ownerUserId: ids,
    state: ['ca', 'co', 'CA', 'zz'],
    token: [link.token, `${link.token}x`, 'tgk_nope-nope-nope'],
    number: [CA.retailer, CA.retailer.toLowerCase(), CA.distributor],
    licenseNumbers: [[CA.retailer], [CA.distributor, CA.lab], []],
    apiKey: [...emulatorKeys, `  ${emulatorKeys[2]}\n`, 'not-a-real-metrc-key-000000'],
    email: [orgA.staff.email, orgB.admin.email, 'nobody@fuzz.test'],
    password: [password, 'wrong password'],
    organization: [orgA.slug, orgB.slug],
    confirm: ['0000', emulatorKeys[0]?.slice(-4) ?? ''],
  } satisfies Record<string, readonly unknown[]>;

  return {
    t,
    metrc,
    hints,
    headersFor: (name) => callers.get(name)?.headers ?? {},
    snapshot,
    heal,
    close: async () => {
      await t.close();
      await metrc.close();
    },
  };
}
