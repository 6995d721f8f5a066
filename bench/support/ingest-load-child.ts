/**
 * The load generator of the ingest bench, in a process of its own so the server process's CPU
 * and event-loop time are the server's alone. Waits for `{ url, path, headers, actorUserId,
 * connections, count, firstIndex }` over IPC, sends `count` receipts (bodies numbered from
 * `firstIndex`) over `connections` keep-alive connections (kept for the next order to the same
 * url unless `close`), and answers `{ done, seconds, latencies, accepted }` (latencies in ms, one
 * per request). `{ cmd: 'stop' }` ends it.
 */
import { Pool } from 'undici';

export interface LoadOrder {
  url: string;
  path: string;
  headers: Record<string, string>;
  actorUserId: number;
  connections: number;
  count: number;
  firstIndex: number;
  /** Close the connections after this order (the server is about to close). */
  close: boolean;
}

const receipt = (i: number, actorUserId: number) => ({
  kind: 'sales.receipt.create',
  actor: { userId: actorUserId },
  occurredAt: new Date(Date.now() - 60_000).toISOString(),
  payload: {
    externalNumber: `ING-${i}`,
    lines: [
      {
        packageLabel: '1A4FF0100000022000000123',
        quantity: 1,
        unitOfMeasure: 'Each',
        totalAmount: 10,
      },
    ],
  },
});

const pools = new Map<string, Pool>();

async function run(order: LoadOrder) {
  let pool = pools.get(order.url);
  if (!pool) {
    pool = new Pool(order.url, { connections: order.connections });
    pools.set(order.url, pool);
  }
  const latencies: number[] = [];
  let next = 0;
  let accepted = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: order.connections }, async () => {
      for (;;) {
        const i = next++;
        if (i >= order.count) return;
        const t0 = performance.now();
        const res = await (pool as Pool).request({
          method: 'POST',
          path: order.path,
          headers: { 'content-type': 'application/json', ...order.headers },
          body: JSON.stringify(receipt(order.firstIndex + i, order.actorUserId)),
        });
        await res.body.text();
        latencies.push(performance.now() - t0);
        if (res.statusCode < 300) accepted++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  if (order.close) {
    pools.delete(order.url);
    await pool.close();
  }
  return { seconds, latencies, accepted };
}

process.on('message', (message: LoadOrder | { cmd: 'stop' }) => {
  if ('cmd' in message) {
    void Promise.all([...pools.values()].map((p) => p.close())).then(() => process.exit(0));
    return;
  }
  void run(message).then((result) => process.send?.({ done: true, ...result }));
});
process.send?.({ ready: true });
