import { createRequire } from 'node:module';

/**
 * The decoder thread's program: zxing-wasm on its own thread, one image in, its QR texts out.
 * Plain JavaScript on purpose: a TypeScript loader registered inside a worker keeps Node 20
 * from exiting, and this is all the thread needs. zxing-wasm would fetch its WebAssembly from a
 * CDN; it gets the copy in node_modules so the key never leaves the machine (rule 13).
 */
export function qrDecoderSource(): string {
  const require = createRequire(import.meta.url);
  const zxing = JSON.stringify(import.meta.resolve('zxing-wasm/reader'));
  const wasm = JSON.stringify(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
  return `
const { parentPort, threadId } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
import(${zxing}).then(({ prepareZXingModule, readBarcodes }) => {
  const bytes = readFileSync(${wasm});
  prepareZXingModule({
    overrides: { wasmBinary: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
  });
  parentPort.on('message', async ({ id, image }) => {
    try {
      const results = await readBarcodes(image, { formats: ['QRCode'], tryHarder: true });
      const texts = results.filter((r) => r.isValid).map((r) => r.text);
      parentPort.postMessage({ id, texts, threadId });
    } catch {
      parentPort.postMessage({ id, failed: true, threadId });
    }
  });
  parentPort.postMessage({ ready: true });
});
`;
}
