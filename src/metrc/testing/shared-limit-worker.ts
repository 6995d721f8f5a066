/**
 * The second process of the shared-limit test. Reads its input as JSON from the
 * SHARED_LOAD_INPUT variable, prints `ready`, waits for `go <durationMs>` on stdin, runs the
 * load and prints the result as one JSON line.
 */
import { createInterface } from 'node:readline';
import { prepareSharedLoad, type SharedLoadInput } from './shared-limit-load.ts';

const input = JSON.parse(process.env.SHARED_LOAD_INPUT ?? '{}') as SharedLoadInput;
const load = await prepareSharedLoad(input);
console.log('ready');
const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  const match = /^go (\d+)$/.exec(line.trim());
  if (!match) continue;
  const result = await load.run(Number(match[1]));
  console.log(JSON.stringify(result));
  break;
}
lines.close();
await load.close();
