/**
 * `npm run bench -- round-trip [--count N]`: what one message and its answer cost over 127.0.0.1,
 * between two processes and inside one. Every statement a worker sends PostgreSQL, and every
 * request to Metrc, pays the first; on some virtual machines it dominates (docs/outbox.md, "What
 * limits now"). Prints ONE JSON line: per round trip, wall µs and each end's CPU µs (of it, the
 * kernel's), for `crossProcess` and `inProcess` (both ends' CPU together).
 */
import { fork } from 'node:child_process';
import net from 'node:net';
import { parseArgs } from 'node:util';

const MESSAGE = Buffer.alloc(200, 1);

/** An echo server on 127.0.0.1; in a child it reports its CPU on request. */
async function echoServer(): Promise<number> {
  const server = net.createServer((socket) => {
    socket.setNoDelay(true);
    socket.on('data', (data) => socket.write(data));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as net.AddressInfo).port;
}

if (process.argv[2] === 'echo') {
  const port = await echoServer();
  process.on('message', () => {
    const cpu = process.cpuUsage();
    process.send?.({ cpuUs: cpu.user + cpu.system });
  });
  process.send?.({ port });
} else {
  const { values } = parseArgs({ options: { count: { type: 'string', default: '10000' } } });
  const count = Number(values.count);

  /** `count` ping-pongs on one connection: wall time and this process's CPU. */
  async function pingPong(port: number) {
    const socket = net.connect(port, '127.0.0.1');
    socket.setNoDelay(true);
    await new Promise((resolve) => socket.once('connect', resolve));
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    let answered = 0;
    await new Promise<void>((resolve) => {
      socket.on('data', () => {
        if (++answered === count) resolve();
        else socket.write(MESSAGE);
      });
      socket.write(MESSAGE);
    });
    const wallMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    socket.destroy();
    return { wallMs, cpu };
  }
  const perTrip = (us: number) => Number((us / count).toFixed(1));

  const child = fork(new URL(import.meta.url).pathname, ['echo'], {
    execArgv: ['--import', 'tsx'],
  });
  const fromChild = () =>
    new Promise<{ port?: number; cpuUs?: number }>((resolve) => child.once('message', resolve));
  const { port } = await fromChild();
  child.send('cpu');
  const serverBefore = (await fromChild()).cpuUs ?? 0;
  const cross = await pingPong(port ?? 0);
  child.send('cpu');
  const serverAfter = (await fromChild()).cpuUs ?? 0;
  child.kill();

  const inside = await pingPong(await echoServer());
  process.stdout.write(
    `${JSON.stringify({
      roundTrips: count,
      messageBytes: MESSAGE.length,
      crossProcess: {
        wallUs: perTrip(cross.wallMs * 1000),
        clientCpuUs: perTrip(cross.cpu.user + cross.cpu.system),
        clientKernelUs: perTrip(cross.cpu.system),
        serverCpuUs: perTrip(serverAfter - serverBefore),
      },
      inProcess: {
        wallUs: perTrip(inside.wallMs * 1000),
        bothEndsCpuUs: perTrip(inside.cpu.user + inside.cpu.system),
      },
    })}\n`,
  );
  process.exit(0);
}
