import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { threadId } from 'node:worker_threads';
import QRCode from 'qrcode';
import { decodeKeyFromImage, decodeQrTexts, MAX_QR_IMAGE_BYTES } from './qr-key-decoder.ts';

const KEY = 'PLANTEDqrKey0123456789abcdefABCDEF';

describe('decodeKeyFromImage (rule 13: keys arrive safely)', () => {
  it('reads a key from a PNG of its QR code, as a Secret', async () => {
    const png = await QRCode.toBuffer(KEY, { type: 'png', scale: 8, margin: 4 });
    const secret = await decodeKeyFromImage(new Uint8Array(png));
    assert.equal(secret.reveal(), KEY);
    assert.equal(JSON.stringify({ secret }), '{"secret":"[REDACTED]"}');
  });

  it('reads a key from a screenshot-like image with the code off-centre', async () => {
    const png = await QRCode.toBuffer(KEY, { type: 'png', scale: 3, margin: 30 });
    assert.equal((await decodeKeyFromImage(new Uint8Array(png))).reveal(), KEY);
  });

  it('refuses an image without a QR code, and a QR code that holds no key', async () => {
    const notAnImage = new TextEncoder().encode('definitely not a picture');
    await assert.rejects(decodeKeyFromImage(notAnImage), { code: 'CREDENTIAL_QR_UNREADABLE' });
    const url = await QRCode.toBuffer('https://example.com/not-a-key', { type: 'png', scale: 6 });
    await assert.rejects(decodeKeyFromImage(new Uint8Array(url)), {
      code: 'CREDENTIAL_KEY_MALFORMED',
    });
  });

  it('decodes off the main thread (issue 10, item 4)', async () => {
    const png = await QRCode.toBuffer(KEY, { type: 'png', scale: 4 });
    const decoded = await decodeQrTexts(new Uint8Array(png));
    assert.deepEqual(decoded?.texts, [KEY]);
    assert.notEqual(decoded?.threadId, threadId);
  });

  it('refuses an image over the size limit before decoding it', async () => {
    const huge = new Uint8Array(MAX_QR_IMAGE_BYTES + 1);
    await assert.rejects(decodeKeyFromImage(huge), { code: 'CREDENTIAL_QR_TOO_LARGE' });
  });
});
