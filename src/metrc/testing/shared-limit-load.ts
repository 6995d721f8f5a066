/**
 * The load both processes of the shared-limit test run: `concurrency` callers issuing cheap
 * GETs round-robin over licenses for `durationMs`, through a client on a PostgreSQL store.
 */
import { Secret } from '../../lib/index.ts';
import { createMetrcClient } from '../metrc-client.ts';
import { MetrcError } from '../metrc-errors.ts';
import { createUndiciTransport, type MetrcTransport } from '../metrc-transport.ts';
import { listActivePackages } from '../packages-endpoints.ts';
import { createPostgresRateLimitStore } from '../postgres-rate-limit-store.ts';

export interface SharedLoadInput {
  baseUrlTemplate: string;
  state: string;
  vendorKey: string;
  userKey: string;
  /** A migrated Tracegate database (the store's tables come from migration 0004). */
  pgUrl: string;
  licenses: string[];
  concurrency: number;
}

export interface SharedLoadResult {
  ok: number;
  errors: Record<string, number>;
  /** Wall-clock time each GET was handed to the socket layer (comparable across processes). */
  sentAt: number[];
}

/** Opens the client (store set up), then returns a function that runs the load. */
export async function prepareSharedLoad(
  input: SharedLoadInput,
): Promise<{ run(durationMs: number): Promise<SharedLoadResult>; close(): Promise<void> }> {
  const store = await createPostgresRateLimitStore({ connectionString: input.pgUrl });
  const sentAt: number[] = [];
  const undici = createUndiciTransport();
  const transport: MetrcTransport = {
    send(request) {
      sentAt.push(Date.now());
      return undici.send(request);
    },
    close: () => undici.close(),
  };
  const client = createMetrcClient({
    baseUrlTemplate: input.baseUrlTemplate,
    store,
    transport,
    timeoutMs: 10_000,
  });
  const api = client.forKeys({
    state: input.state,
    vendorKey: new Secret(input.vendorKey),
    userKey: new Secret(input.userKey),
  });
  return {
    async run(durationMs) {
      sentAt.length = 0;
      const result: SharedLoadResult = { ok: 0, errors: {}, sentAt };
      const until = performance.now() + durationMs;
      let n = 0;
      const caller = async () => {
        while (performance.now() < until) {
          const licenseNumber = input.licenses[n++ % input.licenses.length] ?? '';
          try {
            await listActivePackages(api, { licenseNumber, pageNumber: 1, pageSize: 1 });
            result.ok++;
          } catch (error) {
            const code = error instanceof MetrcError ? error.code : String(error);
            result.errors[code] = (result.errors[code] ?? 0) + 1;
          }
        }
      };
      await Promise.all(Array.from({ length: input.concurrency }, caller));
      return result;
    },
    async close() {
      await client.close();
      await transport.close();
    },
  };
}
