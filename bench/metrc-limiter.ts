/**
 * `npm run bench -- metrc-limiter`: how close the Metrc limiter gets to Metrc's limits, against
 * the emulator over real HTTP. The tests only assert what must never happen (never above a
 * limit, zero 429s); the speeds they used to assert live here. Prints ONE JSON line:
 *   { pacedGets, pacedSeconds, getsPerSecond, boundGetsPerSecond, fractionOfBound,
 *     twoKeysAloneSeconds, twoKeysTogetherSeconds, twoKeysRatio, otherLicenseMs, busyLicenseMs,
 *     http429 }
 * Targets: fractionOfBound ≥ 0.8; twoKeysRatio < 1.5 (each key its own budget); otherLicenseMs
 * well under busyLicenseMs / 2 (a busy license does not hold up another). Progress on stderr.
 */
import { performance } from 'node:perf_hooks';
import { createMetrcClient, listActivePackages, listFacilities } from '../src/metrc/index.ts';
import { startMetrcTestKit } from '../src/metrc/testing/metrc-test-kit.ts';

const LICENSES = Array.from({ length: 6 }, (_, i) => `CA-SCALE-${String(i + 1).padStart(4, '0')}`);
const license = (n: number) => LICENSES[n % LICENSES.length] ?? '';
const page = (n: number) => ({ licenseNumber: license(n), pageNumber: 1, pageSize: 1 });
const timed = async (work: () => Promise<unknown>) => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};

const kit = await startMetrcTestKit({
  emulator: { scenario: 'scale', scenarioParams: { licenses: 6, packages: 40 } },
});
let http429 = 0;
try {
  // 1. 300 GETs, 40 callers, 6 licenses: paced by the vendor key's 150/s (× 0.95 utilization).
  process.stderr.write('pacing 300 GETs…\n');
  const api = kit.api('ca-owner');
  const PACED = 300;
  let next = 0;
  const pacedMs = await timed(() =>
    Promise.all(
      Array.from({ length: 40 }, async () => {
        while (next < PACED) await listActivePackages(api, page(next++));
      }),
    ),
  );
  http429 += kit.emulator.control.counters().byStatus['429'] ?? 0;

  // 2. A busy license (1 in flight, 100 ms latency) beside an idle one.
  process.stderr.write('busy license beside an idle one…\n');
  const client = createMetrcClient({
    baseUrlTemplate: kit.emulator.baseUrlTemplate,
    limits: { licenseGetsInFlight: 1 },
  });
  const fault = kit.emulator.control.addFault({ kind: 'latency', ms: 100, path: '/packages' });
  let otherLicenseMs = 0;
  let busyLicenseMs = 0;
  try {
    const own = client.forKeys(kit.keysOf('ca-owner'));
    const started = performance.now();
    const busy = Array.from({ length: 5 }, () => listActivePackages(own, page(0)));
    otherLicenseMs = await timed(() => listActivePackages(own, page(1)));
    await Promise.all(busy);
    busyLicenseMs = performance.now() - started;
  } finally {
    kit.emulator.control.removeFault(fault.id);
    await client.close();
  }
  await kit.close();

  // 3. Two vendor keys on one host, 20 GET/s each.
  process.stderr.write('two vendor keys…\n');
  const keys = await startMetrcTestKit({
    emulator: { limits: { vendorGetsPerSecond: 20, burstSeconds: 1 } },
    client: { limits: { vendorGetsPerSecond: 20 } },
  });
  let aloneMs = 0;
  let togetherMs = 0;
  try {
    const ca = keys.api('ca-owner');
    const co = keys.api('co-owner');
    const many = (a: typeof ca, n: number) => Array.from({ length: n }, () => listFacilities(a));
    aloneMs = await timed(() => Promise.all(many(ca, 30)));
    togetherMs = await timed(() => Promise.all([...many(ca, 30), ...many(co, 30)]));
    http429 += keys.emulator.control.counters().byStatus['429'] ?? 0;
  } finally {
    await keys.close();
  }

  const getsPerSecond = PACED / (pacedMs / 1000);
  const bound = 150 * 0.95;
  const round = (x: number) => Math.round(x * 100) / 100;
  process.stdout.write(
    `${JSON.stringify({
      pacedGets: PACED,
      pacedSeconds: round(pacedMs / 1000),
      getsPerSecond: round(getsPerSecond),
      boundGetsPerSecond: bound,
      fractionOfBound: round(getsPerSecond / bound),
      twoKeysAloneSeconds: round(aloneMs / 1000),
      twoKeysTogetherSeconds: round(togetherMs / 1000),
      twoKeysRatio: round(togetherMs / aloneMs),
      otherLicenseMs: round(otherLicenseMs),
      busyLicenseMs: round(busyLicenseMs),
      http429,
    })}\n`,
  );
} catch (error) {
  await kit.close().catch(() => {});
  throw error;
}
