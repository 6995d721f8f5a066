/**
 * `npm run bench -- verify`: Verify & Save of one facility key covering 10 licenses, through the
 * real services (database, vault, Metrc client and its limiter) against the emulator with 50 ms
 * latency and Metrc's limits. Every license gets one GET per section, all at once; the limiter
 * paces them. Prints ONE JSON line:
 *   { licenses, sections, requests, seconds, boundSeconds, ratio, http429 }
 * `boundSeconds` is what Metrc's limits allow at best: the facilities call, then the probes no
 * faster than the per-vendor-key and per-license rates and in-flight caps, plus one latency.
 * Target: seconds ≤ 1.2 × boundSeconds, http429 = 0.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SYSTEM_ACTOR } from '../src/auth/index.ts';
import { loadConfig } from '../src/config/index.ts';
import { createMetrcKeyProbe, PROBED_SECTIONS } from '../src/credentials/index.ts';
import { createDatabase, migrateToLatest } from '../src/db/index.ts';
import { DEFAULT_LIMITS, startEmulator } from '../src/emulator/index.ts';
import { createSilentLogger, Secret, systemClock } from '../src/lib/index.ts';
import { openServices } from '../src/main/services.ts';
import { createMetrcClient } from '../src/metrc/index.ts';

const { values: args } = parseArgs({
  options: {
    licenses: { type: 'string', default: '10' },
    'latency-ms': { type: 'string', default: '50' },
  },
});
const LICENSES = Number(args.licenses);
const LATENCY_S = Number(args['latency-ms']) / 1000;
const progress = (text: string) => process.stderr.write(`[bench verify] ${text}\n`);

const emulator = await startEmulator({
  port: 0,
  scenario: 'scale',
  scenarioParams: { licenses: LICENSES, packages: 0 },
});
emulator.control.addFault({ kind: 'latency', ms: LATENCY_S * 1000 });
const scenario = emulator.scenario();
const owner = scenario.users[0];
const vendorKey = scenario.vendorKeys[0];
if (!owner || !vendorKey) throw new Error('the scale scenario has no user or vendor key');

const dataDir = mkdtempSync(join(tmpdir(), 'tg-bench-verify-'));
const config = loadConfig({
  env: { TRACEGATE_DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
  cwd: dataDir,
});
const database = createDatabase(config.database);
await migrateToLatest(database.db, database.dialect);
const logger = createSilentLogger();
const metrc = createMetrcClient({ baseUrlTemplate: emulator.baseUrlTemplate });
const services = await openServices({
  config,
  database,
  clock: systemClock,
  logger,
  metrcProbe: createMetrcKeyProbe(metrc),
});
await services.vendorKeys.set(SYSTEM_ACTOR, {
  state: owner.state,
  environment: 'production',
  key: new Secret(vendorKey.key),
});
const { organization, admin } = await services.identity.createOrganization(SYSTEM_ACTOR, {
  name: 'Bench',
  admin: { email: 'bench@bench.test', name: 'Bench' },
});

progress(
  `Verify & Save: ${LICENSES} licenses × ${PROBED_SECTIONS.length} sections, ${LATENCY_S * 1000} ms latency`,
);
emulator.control.clearRequests();
const started = performance.now();
const saved = await services.credentials.create(
  { organizationId: organization.id, role: 'admin', userId: admin.id, tokenId: null },
  { state: owner.state, kind: 'facility', key: new Secret(owner.userKey) },
);
const seconds = (performance.now() - started) / 1000;

const sections = PROBED_SECTIONS.length;
const probes = LICENSES * sections;
const limits = DEFAULT_LIMITS;
const probeSeconds = Math.max(
  (probes - 1) / limits.vendorGetsPerSecond,
  (sections - 1) / limits.licenseGetsPerSecond,
  Math.ceil(probes / limits.vendorGetsInFlight) * LATENCY_S,
  Math.ceil(sections / limits.licenseGetsInFlight) * LATENCY_S,
);
const boundSeconds = LATENCY_S + probeSeconds + LATENCY_S;
const counters = emulator.control.counters();

console.log(
  JSON.stringify({
    bench: 'verify',
    licenses: saved.licenses.length,
    sections,
    requests: counters.total,
    seconds: Number(seconds.toFixed(3)),
    boundSeconds: Number(boundSeconds.toFixed(3)),
    ratio: Number((seconds / boundSeconds).toFixed(3)),
    http429: counters.byStatus['429'] ?? 0,
    latencyMs: LATENCY_S * 1000,
    target: 'seconds <= 1.2 * boundSeconds',
    met: seconds <= 1.2 * boundSeconds,
  }),
);

await metrc.close();
await emulator.close();
await database.close();
rmSync(dataDir, { recursive: true, force: true });
