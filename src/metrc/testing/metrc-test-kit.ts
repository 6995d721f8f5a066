/**
 * Tests of the Metrc client run against the emulator over real HTTP on 127.0.0.1. This kit
 * starts one, builds a client with short deadlines and quick retries, and hands out a
 * `MetrcApi` per scenario user.
 */
import { type EmulatorOptions, type RunningEmulator, startEmulator } from '../../emulator/index.ts';
import { Secret } from '../../lib/index.ts';
import type { MetrcApi, MetrcKeys } from '../metrc-api.ts';
import { createMetrcClient, type MetrcClient, type MetrcClientOptions } from '../metrc-client.ts';
import { MetrcNotFoundError } from '../metrc-errors.ts';

export interface MetrcTestKit {
  emulator: RunningEmulator;
  client: MetrcClient;
  /** Keys of a scenario user, with the active vendor key of the user's state. */
  keysOf(userId: string): MetrcKeys;
  /** `client.forKeys(keysOf(userId))`. */
  api(userId: string): MetrcApi;
  /** Requests the emulator saw since the kit started or since `mark()`. */
  requests(filter?: {
    method?: string;
    pathPrefix?: string;
  }): ReturnType<RunningEmulator['control']['requests']>;
  /** Forgets the request log and counters. */
  mark(): void;
  close(): Promise<void>;
}

/** Quick retries so failing-GET tests take milliseconds. */
export const TEST_RETRY = { maxAttempts: 4, baseDelayMs: 10, maxDelayMs: 50 };

export async function startMetrcTestKit(
  options: { emulator?: EmulatorOptions; client?: Partial<MetrcClientOptions> } = {},
): Promise<MetrcTestKit> {
  const emulator = await startEmulator({ port: 0, ...options.emulator });
  const client = createMetrcClient({
    baseUrlTemplate: emulator.baseUrlTemplate,
    timeoutMs: 5_000,
    retry: TEST_RETRY,
    ...options.client,
  });
  const keysOf = (userId: string): MetrcKeys => {
    const scenario = emulator.scenario();
    const user = scenario.users.find((u) => u.id === userId);
    if (!user) throw new Error(`no scenario user ${userId}`);
    const vendor = scenario.vendorKeys.find((k) => k.state === user.state && k.active);
    if (!vendor) throw new Error(`no vendor key for ${user.state}`);
    return {
      state: user.state,
      vendorKey: new Secret(vendor.key),
      userKey: new Secret(user.userKey),
    };
  };
  return {
    emulator,
    client,
    keysOf,
    api: (userId) => client.forKeys(keysOf(userId)),
    requests: (filter = {}) => emulator.control.requests(filter),
    mark: () => emulator.control.clearRequests(),
    async close() {
      // A test that reached a route the emulator lacks would pass here and fail against Metrc.
      const unimplemented = emulator.control.unimplemented();
      await client.close();
      await emulator.close();
      if (unimplemented.length > 0) {
        const list = unimplemented.map((hit) => `${hit.method} /${hit.state}${hit.path}`);
        throw new Error(`tests called routes the emulator does not implement: ${list.join(', ')}`);
      }
    },
  };
}

/** A lastModified window wide enough for everything the demo scenario seeded. */
export function wideWindow(days = 400): { lastModifiedStart: Date; lastModifiedEnd: Date } {
  const end = new Date();
  return { lastModifiedStart: new Date(end.getTime() - days * 86_400_000), lastModifiedEnd: end };
}

/** Licenses of the demo scenario, by role. */
export const DEMO = {
  ca: {
    cultivator: 'CCL18-0000101',
    manufacturer: 'CDPH-10003102',
    distributor: 'C11-0000103-LIC',
    transporter: 'C11-0000104-LIC',
    lab: 'C8-0000105-LIC',
    retailer: 'C10-0000106-LIC',
    microbusiness: 'C12-0000107-LIC',
  },
  co: { cultivator: '403R-00201', retailer: '402R-00205', medicalStore: '402-00206' },
} as const;

/**
 * Whether the emulator implements a route yet (it answers Metrc's 404 route miss for the
 * rest, flagged; a state lacking the route looks the same). Writes are probed with an empty array, which a served route refuses with 400
 * before changing anything. Tests of routes the emulator lacks skip with a note.
 */
export async function emulatorServes(
  api: MetrcApi,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  licenseNumber?: string,
): Promise<boolean> {
  try {
    if (method === 'GET') await api.getJson({ path, licenseNumber });
    else await api.write({ method, path, licenseNumber: licenseNumber ?? '', body: [] });
    return true;
  } catch (error) {
    // The emulator answers a route it lacks with Metrc's 404 (and flags it, failing `close()`).
    return !(error instanceof MetrcNotFoundError && error.kind === 'endpoint');
  }
}

/** `YYYY-MM-DDThh:mm:ss` on a facility's wall clock: how Metrc wants `SalesDateTime`. */
export function facilityLocalTime(timeZone: string, at: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:${part('second')}`;
}

/** Today's date (UTC), `YYYY-MM-DD`. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
