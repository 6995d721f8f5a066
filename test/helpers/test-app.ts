import { Writable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, SESSION_COOKIE } from '../../src/api/index.ts';
import { type Config, loadConfig } from '../../src/config/index.ts';
import { createMetrcKeyProbe, NO_METRC_PROBE } from '../../src/credentials/index.ts';
import { type Clock, createLogger, Secret, systemClock } from '../../src/lib/index.ts';
import { type AppServices, openServices } from '../../src/main/services.ts';
import type { MetrcClient } from '../../src/metrc/index.ts';
import { tempDirPerKey } from './temp-dirs.ts';
import type { TestDatabase } from './test-db.ts';

/** Collects every log line the app writes, so tests can search them. */
export function createLogCollector() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      callback();
    },
  });
  return { lines, stream };
}

/** One data dir (and so one vault key file) per test database, however many apps use it. */
const dataDirFor = tempDirPerKey('tg-app-');

export function testConfig(database: TestDatabase, overrides: Partial<Config> = {}): Config {
  const base = loadConfig({ env: { NODE_ENV: 'test', LOG_LEVEL: 'debug' }, cwd: '/nonexistent' });
  return {
    ...base,
    dataDir: dataDirFor(database.location),
    database:
      database.dialect === 'sqlite'
        ? { kind: 'sqlite', path: database.location }
        : { kind: 'postgres', url: database.location },
    ...overrides,
  };
}

export interface TestApp {
  app: FastifyInstance;
  services: AppServices;
  logLines: string[];
  close(): Promise<void>;
}

/** The real app on a test database, with logs captured at debug level. */
export async function createTestApp(
  database: TestDatabase,
  options: { config?: Partial<Config>; clock?: Clock; metrc?: MetrcClient } = {},
): Promise<TestApp> {
  const logs = createLogCollector();
  const logger = createLogger({ level: 'debug', destination: logs.stream });
  const config = testConfig(database, options.config);
  const clock = options.clock ?? systemClock;
  const metrcProbe = options.metrc ? createMetrcKeyProbe(options.metrc) : NO_METRC_PROBE;
  const services = await openServices({
    config,
    database,
    clock,
    logger,
    metrcProbe,
    metrc: options.metrc ?? null,
  });
  const app = await buildApp(services);
  return { app, services, logLines: logs.lines, close: () => app.close() };
}

/** A member with a known password, and how to call the API as them. */
export interface TestMember {
  id: number;
  email: string;
  password: string;
  role: 'admin' | 'manager' | 'staff';
}

export interface TestOrganization {
  id: number;
  slug: string;
  admin: TestMember;
  manager: TestMember;
  staff: TestMember;
}

let counter = 0;

/** An organization with one admin, one manager and one staff member. */
export async function createTestOrganization(
  services: AppServices,
  name = `Org ${++counter}`,
): Promise<TestOrganization> {
  const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${process.pid}-${counter++}`;
  const password = 'correct horse battery staple';
  const adminEmail = `admin@${slug}.test`;
  const created = await services.identity.createOrganization(
    { userId: null, tokenId: null },
    {
      name,
      slug,
      admin: { email: adminEmail, name: `${name} Admin`, password: new Secret(password) },
    },
  );
  const actor = {
    organizationId: created.organization.id,
    userId: created.admin.id,
    tokenId: null,
  };
  const member = async (role: 'manager' | 'staff'): Promise<TestMember> => {
    const email = `${role}@${slug}.test`;
    const { member } = await services.identity.addMember(actor, {
      email,
      name: `${name} ${role}`,
      role,
      password: new Secret(password),
    });
    return { id: member.id, email, password, role };
  };
  return {
    id: created.organization.id,
    slug,
    admin: { id: created.admin.id, email: adminEmail, password, role: 'admin' },
    manager: await member('manager'),
    staff: await member('staff'),
  };
}

/** A California retailer license of the organization, created by its admin. */
export function createTestLicense(
  services: AppServices,
  org: Pick<TestOrganization, 'id' | 'admin'>,
  number: string,
) {
  return services.licenses.create(
    { organizationId: org.id, userId: org.admin.id, tokenId: null },
    { number, state: 'ca', licenseType: 'Retailer', name: 'Shop' },
  );
}

/** A signed-in console session: the cookie and the CSRF header to send. */
export interface TestSession {
  headers: { cookie: string; 'x-csrf-token': string };
  body: Record<string, unknown>;
}

export async function login(
  app: FastifyInstance,
  member: Pick<TestMember, 'email' | 'password'>,
  organization?: string,
): Promise<TestSession> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: member.email, password: member.password, organization },
  });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error('login set no session cookie');
  const body = res.json() as Record<string, unknown>;
  return {
    headers: {
      cookie: `${SESSION_COOKIE}=${cookie.value}`,
      'x-csrf-token': String(body.csrfToken),
    },
    body,
  };
}

/** Parses an error response and returns its code (fails loudly if the body is not our shape). */
export function errorCode(res: LightMyRequestResponse): string {
  const body = res.json() as { code?: unknown; requestId?: unknown };
  if (typeof body.code !== 'string' || typeof body.requestId !== 'string') {
    throw new Error(`not an error body: ${res.body}`);
  }
  return body.code;
}

/** A platform admin (deployment-wide rights), admin of their own organization. */
export async function createPlatformAdmin(
  services: AppServices,
): Promise<TestMember & { slug: string }> {
  const slug = `platform-${process.pid}-${counter++}`;
  const email = `root@${slug}.test`;
  const password = 'platform admin passphrase';
  const created = await services.identity.createOrganization(
    { userId: null, tokenId: null },
    {
      name: 'Platform',
      slug,
      admin: {
        email,
        name: 'Platform Admin',
        password: new Secret(password),
        isPlatformAdmin: true,
      },
    },
  );
  return { id: created.admin.id, email, password, role: 'admin', slug };
}
