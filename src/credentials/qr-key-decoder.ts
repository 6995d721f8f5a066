import { Worker } from 'node:worker_threads';
import { Secret } from '../lib/index.ts';
import { normaliseKeyText } from './credential-rules-fns.ts';
import { credentialsErrors } from './credentials-errors.ts';
import { qrDecoderSource } from './qr-decode-worker.ts';

/** Largest photo accepted (a phone photo of a screen is 2–6 MB). */
export const MAX_QR_IMAGE_BYTES = 8 * 1024 * 1024;
/** A decode taking longer is abandoned (the thread is ended) and the image called unreadable. */
export const QR_DECODE_TIMEOUT_MS = 15_000;
/** Heap of the decoder thread: a hostile image cannot take the server's memory. */
const DECODER_HEAP_MB = 256;

interface Reply {
  id: number;
  texts?: string[];
  failed?: true;
  threadId: number;
}

let worker: { thread: Worker; ready: Promise<void> } | undefined;
let nextId = 0;
const pending = new Map<number, (reply: Reply | null) => void>();

/**
 * The decoder thread, started on first use and after a crash or timeout. Decoding a large photo
 * takes hundreds of milliseconds of CPU; on the main thread it would stall every other request.
 */
function decoder(): { thread: Worker; ready: Promise<void> } {
  if (worker) return worker;
  const thread = new Worker(qrDecoderSource(), {
    eval: true,
    resourceLimits: { maxOldGenerationSizeMb: DECODER_HEAP_MB },
  });
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  thread.on('message', (reply: Reply | { ready: true }) => {
    if ('ready' in reply) return markReady();
    pending.get(reply.id)?.(reply);
    pending.delete(reply.id);
    if (pending.size === 0) thread.unref();
  });
  const fail = () => {
    if (worker?.thread === thread) worker = undefined;
    markReady();
    for (const resolve of pending.values()) resolve(null);
    pending.clear();
  };
  thread.on('error', fail);
  thread.on('exit', fail);
  // Idle, the thread must not keep the process alive; busy, it must (see decodeQrTexts). Unref
  // after the listeners: attaching a 'message' listener refs the thread again.
  thread.unref();
  worker = { thread, ready };
  return worker;
}

/** Decodes off the main thread; null when the image could not be decoded in time. */
export async function decodeQrTexts(
  image: Uint8Array,
): Promise<{ texts: string[]; threadId: number } | null> {
  const { thread, ready } = decoder();
  thread.ref();
  await ready;
  if (worker?.thread !== thread) return null; // it died while starting
  const id = ++nextId;
  const copy = new Uint8Array(image); // its own buffer, moved to the thread without a copy
  const reply = await new Promise<Reply | null>((resolve) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      if (pending.size === 0) thread.unref();
      resolve(null);
      void thread.terminate();
    }, QR_DECODE_TIMEOUT_MS);
    timer.unref();
    pending.set(id, (r) => {
      clearTimeout(timer);
      resolve(r);
    });
    thread.postMessage({ id, image: copy }, [copy.buffer]);
  });
  if (!reply || reply.failed || !reply.texts) return null;
  return { texts: reply.texts, threadId: reply.threadId };
}

/**
 * Reads a Metrc API key from a photo or screenshot of its QR code (PNG, JPEG, …), in a worker
 * thread. Throws CREDENTIAL_QR_TOO_LARGE before decoding anything over `MAX_QR_IMAGE_BYTES`,
 * CREDENTIAL_QR_UNREADABLE when no QR code is found, CREDENTIAL_KEY_MALFORMED when the code does
 * not hold a key.
 */
export async function decodeKeyFromImage(image: Uint8Array): Promise<Secret> {
  if (image.byteLength > MAX_QR_IMAGE_BYTES) throw credentialsErrors.CREDENTIAL_QR_TOO_LARGE();
  if (image.byteLength === 0) throw credentialsErrors.CREDENTIAL_QR_UNREADABLE();
  const decoded = await decodeQrTexts(image);
  const first = decoded?.texts[0];
  if (first === undefined) throw credentialsErrors.CREDENTIAL_QR_UNREADABLE();
  return new Secret(normaliseKeyText(first));
}
