import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { Secret } from '../lib/index.ts';
import { normaliseKeyText } from './credential-rules-fns.ts';
import { credentialsErrors } from './credentials-errors.ts';

/** Largest photo accepted (a phone photo of a screen is 2–6 MB). */
export const MAX_QR_IMAGE_BYTES = 8 * 1024 * 1024;

let prepared = false;

/**
 * zxing-wasm fetches its WebAssembly from a CDN by default; we hand it the copy in node_modules
 * so decoding happens here, offline, and the key never leaves the machine (rule 13).
 */
function prepareLocally(): void {
  if (prepared) return;
  const require = createRequire(import.meta.url);
  const bytes = readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
  prepareZXingModule({
    overrides: {
      wasmBinary: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    },
  });
  prepared = true;
}

/**
 * Reads a Metrc API key from a photo or screenshot of its QR code (PNG, JPEG, …).
 * Throws CREDENTIAL_QR_UNREADABLE when no QR code is found, CREDENTIAL_KEY_MALFORMED when the
 * code does not hold a key.
 */
export async function decodeKeyFromImage(image: Uint8Array): Promise<Secret> {
  if (image.byteLength === 0 || image.byteLength > MAX_QR_IMAGE_BYTES) {
    throw credentialsErrors.CREDENTIAL_QR_UNREADABLE();
  }
  prepareLocally();
  let texts: string[];
  try {
    const results = await readBarcodes(image, { formats: ['QRCode'], tryHarder: true });
    texts = results.filter((r) => r.isValid).map((r) => r.text);
  } catch {
    throw credentialsErrors.CREDENTIAL_QR_UNREADABLE();
  }
  const first = texts[0];
  if (first === undefined) throw credentialsErrors.CREDENTIAL_QR_UNREADABLE();
  return new Secret(normaliseKeyText(first));
}
