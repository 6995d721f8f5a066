/**
 * Helpers for the emulator's own tests (and later for Metrc-facing tests): call a running
 * emulator over real HTTP as a given user, in a given state.
 */
import { type EmulatorOptions, type RunningEmulator, startEmulator } from '../index.ts';

export interface HttpAnswer {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined for an empty body. */
  body: unknown;
  text: string;
}

export type Query = Record<string, string | number | undefined>;

export interface MetrcCaller {
  get(path: string, query?: Query): Promise<HttpAnswer>;
  post(path: string, body: unknown, query?: Query): Promise<HttpAnswer>;
  put(path: string, body: unknown, query?: Query): Promise<HttpAnswer>;
  delete(path: string, query?: Query, body?: unknown): Promise<HttpAnswer>;
}

export function basicAuth(vendorKey: string, userKey: string): string {
  return `Basic ${Buffer.from(`${vendorKey}:${userKey}`).toString('base64')}`;
}

/** Sends one request and reads the whole answer. */
export async function send(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<HttpAnswer> {
  const headers: Record<string, string> = { ...init.headers };
  let body: string | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(url, { method: init.method ?? 'GET', headers, body });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    body: text === '' ? undefined : JSON.parse(text),
  };
}

function withQuery(base: string, query: Query = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query))
    if (value !== undefined) search.set(name, String(value));
  const text = search.toString();
  return text ? `${base}?${text}` : base;
}

/** Calls `/{state}/…` with HTTP Basic (vendor key, user key). */
export function metrcCaller(
  emulator: RunningEmulator,
  state: string,
  vendorKey: string,
  userKey: string,
): MetrcCaller {
  const authorization = basicAuth(vendorKey, userKey);
  const call = (method: string, path: string, query?: Query, body?: unknown) =>
    send(withQuery(`${emulator.url}/${state}${path}`, query), {
      method,
      headers: { authorization },
      body,
    });
  return {
    get: (path, query) => call('GET', path, query),
    post: (path, body, query) => call('POST', path, query, body),
    put: (path, body, query) => call('PUT', path, query, body),
    delete: (path, query, body) => call('DELETE', path, query, body),
  };
}

/** The caller for a scenario user (by id), with the first vendor key of the user's state. */
export function callerFor(emulator: RunningEmulator, userId: string): MetrcCaller {
  const summary = emulator.scenario();
  const user = summary.users.find((u) => u.id === userId);
  if (!user) throw new Error(`no user ${userId}`);
  const vendorKey = summary.vendorKeys.find((k) => k.state === user.state && k.active);
  if (!vendorKey) throw new Error(`no vendor key for ${user.state}`);
  return metrcCaller(emulator, user.state, vendorKey.key, user.userKey);
}

/** Calls the control API. */
export function controlCall(
  emulator: RunningEmulator,
  method: string,
  path: string,
  body?: unknown,
): Promise<HttpAnswer> {
  return send(`${emulator.url}/_emulator${path}`, { method, body });
}

/**
 * Fails when the emulator answered any request with "unimplemented" (a route it lacks): a test
 * that hits one would pass here and break against Metrc. Call before closing.
 */
export function assertNoUnimplementedRoutes(emulator: RunningEmulator): void {
  const hits = emulator.control.unimplemented();
  if (hits.length === 0) return;
  const list = hits.map((hit) => `${hit.method} /${hit.state}${hit.path}`).join(', ');
  throw new Error(`the tests called routes the emulator does not implement: ${list}`);
}

export interface TestEmulatorOptions extends EmulatorOptions {
  /** Only for tests of the unimplemented-route answer itself. */
  allowUnimplemented?: boolean;
}

/**
 * Starts an emulator on an ephemeral port of 127.0.0.1 (demo scenario unless told); `close()`
 * fails if any request hit a route the emulator does not implement. The emulator's own tests
 * call it unpaced, so the GET bucket is a second deep here unless `limits` say otherwise;
 * rate-limits.test.ts tests the strict default.
 */
export async function startTestEmulator(
  options: TestEmulatorOptions = {},
): Promise<RunningEmulator> {
  const { allowUnimplemented, ...rest } = options;
  const emulator = await startEmulator({
    port: 0,
    host: '127.0.0.1',
    ...rest,
    limits: { burstSeconds: 1, ...rest.limits },
  });
  if (allowUnimplemented) return emulator;
  return {
    ...emulator,
    async close() {
      const hits = emulator.control.unimplemented();
      await emulator.close();
      if (hits.length > 0) assertNoUnimplementedRoutes(emulator);
    },
  };
}

/** The demo scenario's license numbers, by role. */
export const DEMO = {
  caCultivator: 'CCL18-0000101',
  caManufacturer: 'CDPH-10003102',
  caDistributor: 'C11-0000103-LIC',
  caTransporter: 'C11-0000104-LIC',
  caLab: 'C8-0000105-LIC',
  caStore: 'C10-0000106-LIC',
  caMicro: 'C12-0000107-LIC',
  coCultivator: '403R-00201',
  coManufacturer: '404R-00202',
  coTransporter: '406R-00203',
  coLab: '405R-00204',
  coStore: '402R-00205',
  coMedical: '402-00206',
} as const;

/** A same-day window around now, in Metrc's query format. */
export function windowAround(now: Date, hoursBack = 23, hoursAhead = 1): Query {
  const iso = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;
  return {
    lastModifiedStart: iso(now.getTime() - hoursBack * 3_600_000),
    lastModifiedEnd: iso(now.getTime() + hoursAhead * 3_600_000),
  };
}

/** The `Data` rows of an envelope answer. */
export function rows(answer: HttpAnswer): Record<string, unknown>[] {
  const body = answer.body as { Data?: Record<string, unknown>[] } | undefined;
  if (!body || !Array.isArray(body.Data))
    throw new Error(`not an envelope: ${answer.status} ${answer.text.slice(0, 200)}`);
  return body.Data;
}
