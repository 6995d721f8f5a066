/**
 * Tests of the Metrc client run against the emulator over real HTTP on 127.0.0.1. This kit
 * starts one, builds a client with short deadlines and quick retries, and hands out a
 * `MetrcApi` per scenario user.
 */
import { type EmulatorOptions, type RunningEmulator, startEmulator } from '../../emulator/index.ts';
import { Secret } from '../../lib/index.ts';
import type { MetrcApi, MetrcKeys } from '../metrc-api.ts';
import { createMetrcClient, type MetrcClient, type MetrcClientOptions } from '../metrc-client.ts';

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
  /**
   * The same, once the emulator has logged every exchange: it logs when the socket closes,
   * which after a reset or a drop can come a moment after the client saw the failure.
   */
  settledRequests(filter?: {
    method?: string;
    pathPrefix?: string;
  }): Promise<ReturnType<RunningEmulator['control']['requests']>>;
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
    async settledRequests(filter = {}) {
      let count = -1;
      for (let i = 0; i < 50; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        const now = emulator.control.counters().total;
        if (now === count) break;
        count = now;
      }
      return emulator.control.requests(filter);
    },
    mark: () => emulator.control.clearRequests(),
    async close() {
      await client.close();
      await emulator.close();
    },
  };
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
  co: { cultivator: '403R-00201', retailer: '402R-00205' },
} as const;
