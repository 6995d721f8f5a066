import {
  type EmulatorOptions,
  type RunningEmulator,
  startEmulator,
} from '../../src/emulator/index.ts';
import { createMetrcClient, type MetrcApi, type MetrcClient } from '../../src/metrc/index.ts';

/** The emulator on an ephemeral port, and a real client (own in-memory limiter) pointed at it. */
export interface TestMetrc {
  emulator: RunningEmulator;
  client: MetrcClient;
  /** A user's key in the loaded scenario, by emulator user id (e.g. `ca-owner`). */
  userKey(userId: string): string;
  vendorKey(state: string): string;
  close(): Promise<void>;
}

export async function startTestMetrc(options: EmulatorOptions = {}): Promise<TestMetrc> {
  const emulator = await startEmulator({ port: 0, ...options });
  const client = createMetrcClient({
    baseUrlTemplate: emulator.baseUrlTemplate,
    timeoutMs: 10_000,
  });
  return {
    emulator,
    client,
    userKey(userId) {
      const user = emulator.scenario().users.find((u) => u.id === userId);
      if (!user) throw new Error(`no emulator user ${userId}`);
      return user.userKey;
    },
    vendorKey(state) {
      const key = emulator.scenario().vendorKeys.find((k) => k.state === state);
      if (!key) throw new Error(`no emulator vendor key for ${state}`);
      return key.key;
    },
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

/** A write as the outbox makes it, on the API it was made with. */
export type WriteThrough = (
  api: MetrcApi,
  request: Parameters<MetrcApi['write']>[0],
) => ReturnType<MetrcApi['write']>;

/** The client, with every write going through `write` (tests: a hook after an answer, a death). */
export function wrapWrites(client: MetrcClient, write: WriteThrough): MetrcClient {
  return Object.create(client, {
    forKeys: {
      value: (keys: Parameters<MetrcClient['forKeys']>[0]): MetrcApi => {
        const api = client.forKeys(keys);
        return Object.create(api, {
          write: { value: (request: Parameters<MetrcApi['write']>[0]) => write(api, request) },
        });
      },
    },
  });
}
