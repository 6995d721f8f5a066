/**
 * `npm run bench -- emulator`: prints ONE JSON line with
 * - the time to load the `scale` scenario (20 licenses × 5,000 packages; target < 5 s),
 * - page latency p50/p99 for `GET /packages/v2/active` pages of 20 (target p50 < 5 ms),
 * - the GET rate a flood achieves against one license and against one vendor key, versus the
 *   configured limits (target within ±5 %).
 * The emulator runs in a child process so the flood does not share its event loop. Progress
 * goes to stderr.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Pool } from 'undici';
import { DEFAULT_LIMITS, type ScenarioSummary, startEmulator } from '../src/emulator/index.ts';

const LICENSES = 20;
const PACKAGES = 5000;
const LATENCY_REQUESTS = 2000;
const LATENCY_WARMUP = 200;
/** Flood length; the first second is the bucket's burst, so rates are measured after it. */
const FLOOD_MS = 7000;
const MEASURE_FROM_MS = 1500;
const MEASURE_TO_MS = 6500;

const progress = (text: string) => process.stderr.write(`[bench emulator] ${text}\n`);

if (process.argv.includes('--serve')) {
  // Child: an emulator on a free port of 127.0.0.1, announced on stdout.
  const emulator = await startEmulator({ port: 0, scenario: 'empty' });
  process.stdout.write(`${JSON.stringify({ url: emulator.url })}\n`);
  process.once('SIGTERM', () => void emulator.close().then(() => process.exit(0)));
} else {
  await main();
}

async function main(): Promise<void> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  try {
    const url = await firstLine(child.stdout).then(
      (line) => (JSON.parse(line) as { url: string }).url,
    );
    progress(`emulator at ${url}`);
    const control = new Pool(url, { connections: 2 });
    const call = async (method: string, path: string, body?: unknown) => {
      const answer = await control.request({
        method: method as 'GET',
        path: `/_emulator${path}`,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await answer.body.text();
      if (answer.statusCode !== 200)
        throw new Error(`${method} ${path}: ${answer.statusCode} ${text}`);
      return JSON.parse(text) as unknown;
    };

    progress(`loading scale scenario: ${LICENSES} licenses × ${PACKAGES} packages`);
    const started = performance.now();
    const summary = (await call('POST', '/scenario', {
      name: 'scale',
      params: { licenses: LICENSES, packages: PACKAGES },
    })) as ScenarioSummary;
    const loadSeconds = (performance.now() - started) / 1000;
    progress(`loaded in ${loadSeconds.toFixed(2)} s`);

    const vendorKey = summary.vendorKeys[0]?.key ?? '';
    const userKey = summary.users[0]?.userKey ?? '';
    const licenses = summary.licenses.map((license) => license.number);
    const authorization = `Basic ${Buffer.from(`${vendorKey}:${userKey}`).toString('base64')}`;
    const now = Date.now();
    const iso = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;
    const window = `lastModifiedStart=${iso(now - 24 * 3_600_000)}&lastModifiedEnd=${iso(now + 3_600_000)}`;
    const pagePath = (license: string, page: number) =>
      `/ca/packages/v2/active?licenseNumber=${license}&pageSize=20&pageNumber=${page}&${window}`;

    // Page latency, limits lifted so that only the emulator's own work is measured.
    await call('PATCH', '/config', {
      limits: {
        licenseGetsPerSecond: 1e6,
        vendorGetsPerSecond: 1e6,
        licenseGetsInFlight: 1e6,
        vendorGetsInFlight: 1e6,
      },
    });
    const pool = new Pool(url, { connections: 64 });
    const latencies: number[] = [];
    for (let i = 0; i < LATENCY_WARMUP + LATENCY_REQUESTS; i++) {
      const license = licenses[i % licenses.length] ?? '';
      const page = 1 + (Math.floor(i / licenses.length) % (PACKAGES / 20));
      const t0 = performance.now();
      const answer = await pool.request({
        method: 'GET',
        path: pagePath(license, page),
        headers: { authorization },
      });
      const text = await answer.body.text();
      const elapsed = performance.now() - t0;
      if (answer.statusCode !== 200)
        throw new Error(`page: ${answer.statusCode} ${text.slice(0, 200)}`);
      if (i >= LATENCY_WARMUP) latencies.push(elapsed);
    }
    latencies.sort((a, b) => a - b);
    const percentile = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
    progress(
      `page latency p50 ${percentile(0.5).toFixed(2)} ms, p99 ${percentile(0.99).toFixed(2)} ms`,
    );

    // Floods under Metrc's limits.
    await call('PATCH', '/config', { limits: { ...DEFAULT_LIMITS } });
    const licenseLimit = DEFAULT_LIMITS.licenseGetsPerSecond;
    const vendorLimit = DEFAULT_LIMITS.vendorGetsPerSecond;
    progress(`flooding one license (limit ${licenseLimit}/s) for ${FLOOD_MS / 1000} s`);
    const licenseFlood = await flood(pool, 16, () => pagePath(licenses[0] ?? '', 1), authorization);
    progress(`  achieved ${licenseFlood.rate.toFixed(2)}/s (${licenseFlood.http429} × 429)`);
    await new Promise((resolve) => setTimeout(resolve, 1500)); // let the buckets refill
    progress(`flooding one vendor key over ${licenses.length} licenses (limit ${vendorLimit}/s)`);
    let next = 0;
    const vendorFlood = await flood(
      pool,
      40,
      () => pagePath(licenses[next++ % licenses.length] ?? '', 1),
      authorization,
    );
    progress(`  achieved ${vendorFlood.rate.toFixed(2)}/s (${vendorFlood.http429} × 429)`);
    await pool.close();
    await control.close();

    const round = (value: number, digits = 3) => Number(value.toFixed(digits));
    const licenseRatio = licenseFlood.rate / licenseLimit;
    const vendorRatio = vendorFlood.rate / vendorLimit;
    const result = {
      bench: 'emulator',
      licenses: LICENSES,
      packagesPerLicense: PACKAGES,
      loadSeconds: round(loadSeconds),
      loadTargetSeconds: 5,
      pageSize: 20,
      pageRequests: LATENCY_REQUESTS,
      pageP50Ms: round(percentile(0.5)),
      pageP99Ms: round(percentile(0.99)),
      pageP50TargetMs: 5,
      licenseLimitPerSecond: licenseLimit,
      licenseAchievedPerSecond: round(licenseFlood.rate, 2),
      licenseRatio: round(licenseRatio),
      licenseFlood429: licenseFlood.http429,
      vendorLimitPerSecond: vendorLimit,
      vendorAchievedPerSecond: round(vendorFlood.rate, 2),
      vendorRatio: round(vendorRatio),
      vendorFlood429: vendorFlood.http429,
      measuredSeconds: (MEASURE_TO_MS - MEASURE_FROM_MS) / 1000,
      // Never more than the limit (+5 %). Below it is allowed down to 85 %: the bucket is a tenth
      // of a second deep, so tokens a stalled flooder cannot use in time (a busy machine) are
      // lost, as they would be against a strict Metrc.
      allTargetsMet:
        loadSeconds < 5 &&
        percentile(0.5) < 5 &&
        licenseRatio <= 1.05 &&
        licenseRatio >= 0.85 &&
        vendorRatio <= 1.05 &&
        vendorRatio >= 0.85,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    child.kill('SIGTERM');
  }
}

/**
 * `workers` loops sending GETs back to back for FLOOD_MS; returns the rate of 200s answered
 * between MEASURE_FROM_MS and MEASURE_TO_MS (after the bucket's initial burst).
 */
async function flood(pool: Pool, workers: number, path: () => string, authorization: string) {
  const start = performance.now();
  let ok = 0;
  let http429 = 0;
  const worker = async () => {
    while (performance.now() - start < FLOOD_MS) {
      const answer = await pool.request({
        method: 'GET',
        path: path(),
        headers: { authorization },
      });
      await answer.body.dump();
      const at = performance.now() - start;
      if (answer.statusCode === 429) http429++;
      else if (answer.statusCode !== 200) throw new Error(`flood: HTTP ${answer.statusCode}`);
      else if (at >= MEASURE_FROM_MS && at < MEASURE_TO_MS) ok++;
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  return { rate: ok / ((MEASURE_TO_MS - MEASURE_FROM_MS) / 1000), http429 };
}

async function firstLine(stream: NodeJS.ReadableStream): Promise<string> {
  const lines = createInterface({ input: stream });
  for await (const line of lines) {
    if (line.trim()) {
      lines.close();
      return line;
    }
  }
  throw new Error('the emulator process ended before announcing its URL');
}
