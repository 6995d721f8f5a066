import { decodeKeyFromImage } from '../credentials/index.ts';
import { commonErrors, type Secret } from '../lib/index.ts';

/** Largest body of routes that accept a QR photo (base64 of an 8 MB image, plus the rest). */
export const KEY_ROUTE_BODY_LIMIT = 12 * 1024 * 1024;

/** The key from a pasted value or a QR image; exactly one must be given (when `required`). */
export async function keyFromInput(
  input: { apiKey?: Secret; qrImage?: string },
  required: boolean,
): Promise<Secret | undefined> {
  if (input.apiKey && input.qrImage) {
    throw commonErrors.REQUEST_INVALID({ message: 'Send either apiKey or qrImage, not both.' });
  }
  if (input.apiKey) return input.apiKey;
  if (input.qrImage) {
    const base64 = input.qrImage.replace(/^data:[^,]*,/, '');
    return decodeKeyFromImage(new Uint8Array(Buffer.from(base64, 'base64')));
  }
  if (required)
    throw commonErrors.REQUEST_INVALID({ message: 'Send the key as apiKey or qrImage.' });
  return undefined;
}
