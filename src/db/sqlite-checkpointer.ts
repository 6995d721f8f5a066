/**
 * SQLite's WAL copied back into the database file by a thread of its own. By default the commit
 * that crosses `wal_autocheckpoint` pages does the copy, on the event loop: in the drain bench
 * (1,000,000 rows) the commits then averaged 6.7 ms, ≈ 1.2 ms of the worker's ≈ 8 ms per
 * request, and every request in flight waited behind them. Here a worker thread with its own
 * connection runs PASSIVE checkpoints (they never block a reader or writer) every 100 ms, and
 * the main connection only checkpoints itself past a much larger WAL
 * (FALLBACK_CHECKPOINT_PAGES), in case the thread falls behind or dies. See docs/decisions/0019-sqlite-checkpoints-off-the-loop.md.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Pages of WAL (4 KiB) after which the main connection checkpoints anyway (64 MB). */
export const FALLBACK_CHECKPOINT_PAGES = 16_000;
const EVERY_MS = 100;

export interface Checkpointer {
  /** Resolves after the next checkpoint the thread completes: its WAL frames, all copied. */
  nextCheckpoint(): Promise<{ walFrames: number; copiedFrames: number }>;
  /** Stops the thread (after the checkpoint it may be running). */
  close(): Promise<void>;
}

// Runs in the thread. Plain JavaScript: workers started from source have no TypeScript loader.
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 1000');
let stopped = false;
parentPort.on('message', (m) => { if (m === 'stop') stopped = true; });
function tick() {
  if (stopped) { db.close(); parentPort.close(); return; }
  try {
    const [row] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ walFrames: row.log, copiedFrames: row.checkpointed });
  } catch {
    // Busy or failing: the next tick tries again; the main connection's fallback stands.
  }
  setTimeout(tick, workerData.everyMs);
}
tick();
`;

export function startCheckpointer(path: string): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(THREAD_SOURCE, {
    eval: true,
    workerData: { path, driver, everyMs: EVERY_MS },
    // Plain JavaScript: none of the parent's flags (loaders, test runner) apply to it.
    execArgv: [],
  });
  // The thread must not keep a process alive that is otherwise done.
  worker.unref();
  let closing = false;
  const waiting: Array<(result: { walFrames: number; copiedFrames: number }) => void> = [];
  worker.on('message', (result: { walFrames: number; copiedFrames: number }) => {
    for (const resolve of waiting.splice(0)) resolve(result);
    if (!closing) worker.unref();
  });
  // A failing thread leaves the main connection's fallback checkpoints in charge.
  worker.on('error', () => {});
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    nextCheckpoint: () =>
      new Promise((resolve) => {
        // Someone is waiting for it: the thread keeps the process up until it answers.
        worker.ref();
        waiting.push(resolve);
      }),
    async close() {
      // Kept up until the thread has closed its connection and ended.
      closing = true;
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
