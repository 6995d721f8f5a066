/**
 * The emulator in a process of its own, so a benchmark's memory figure is Tracegate's alone.
 * Prints one JSON line `{ url, baseUrlTemplate, scenario }` on stdout when ready; exits when its
 * stdin closes (the parent ended or died).
 * Args: --licenses N --packages N --latency-ms N (0: none; add later over the control API)
 * [--state xx]
 */
import { parseArgs } from 'node:util';
import { startEmulator } from '../../src/emulator/index.ts';

const { values } = parseArgs({
  options: {
    licenses: { type: 'string', default: '20' },
    packages: { type: 'string', default: '5000' },
    'latency-ms': { type: 'string', default: '50' },
    state: { type: 'string' },
  },
});
const emulator = await startEmulator({
  port: 0,
  scenario: 'scale',
  scenarioParams: {
    licenses: Number(values.licenses),
    packages: Number(values.packages),
    ...(values.state && { state: values.state }),
  },
  requestLogSize: 1000,
});
if (Number(values['latency-ms']) > 0) {
  emulator.control.addFault({ kind: 'latency', ms: Number(values['latency-ms']) });
}
process.stdout.write(
  `${JSON.stringify({ url: emulator.url, baseUrlTemplate: emulator.baseUrlTemplate, scenario: emulator.scenario() })}\n`,
);
process.stdin.resume();
process.stdin.on('end', () => {
  void emulator.close().then(() => process.exit(0));
});
