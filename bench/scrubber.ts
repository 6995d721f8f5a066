/**
 * `npm run bench -- scrubber`: cost of scrubbing one log line as the number of remembered
 * secrets grows. Prints ONE JSON line:
 *   { lineChars, remembered: [n...], microsPerLine: [..], ratio }
 * `ratio` = cost at the largest n / cost at the smallest; flat means ≈ 1.
 */
import { randomBytes } from 'node:crypto';
import { MAX_SHORT_LIVED, Secret, scrubSecrets } from '../src/lib/index.ts';

const line = JSON.stringify({
  level: 30,
  time: Date.now(),
  reqId: 'b7f0c9e2-6a1d-4c3e-9f1a-2d5e8c7b6a90',
  req: { method: 'POST', url: '/api/credentials', remoteAddress: '127.0.0.1' },
  msg: `incoming request ${'lorem ipsum dolor sit amet '.repeat(6)}`,
});
const vendor = new Secret(`VENDOR-${randomBytes(16).toString('hex')}`, { scrub: 'lifetime' });
const withKey = `${line} ${vendor.reveal()}`;
const LINES = 20_000;

function measure(): number {
  let sink = 0;
  const started = process.hrtime.bigint();
  for (let i = 0; i < LINES; i++) sink += scrubSecrets(i % 2 ? line : withKey).length;
  const ns = Number(process.hrtime.bigint() - started);
  if (sink === 0) throw new Error('unreachable');
  return ns / LINES / 1000;
}

const remembered: number[] = [];
const micros: number[] = [];
let made = 1;
for (const target of [10, 1_000, MAX_SHORT_LIVED, 100_000]) {
  while (made < target) new Secret(`short-${made++}-${randomBytes(8).toString('hex')}`);
  measure(); // warm-up
  remembered.push(target);
  micros.push(Number(measure().toFixed(2)));
  process.stderr.write(`${target} secrets: ${micros.at(-1)} µs/line\n`);
}
console.log(
  JSON.stringify({
    lineChars: withKey.length,
    remembered,
    microsPerLine: micros,
    ratio: Number(((micros.at(-1) ?? 0) / (micros[0] ?? 1)).toFixed(2)),
  }),
);
