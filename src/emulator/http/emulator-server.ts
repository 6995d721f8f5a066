/**
 * The HTTP server: `/_emulator/*` goes to the control API, everything else to the Metrc
 * pipeline. node:http rather than Fastify, for direct control of sockets (resets, drops,
 * held responses) and a short path per request.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createControlHandler } from '../control/control-routes.ts';
import type { EmulatorControl } from '../control/emulator-control.ts';
import type { EmulatorCore } from '../emulator-core.ts';
import { sendJson } from './http-io.ts';
import { handleMetrcRequest } from './metrc-pipeline.ts';

export interface ListeningServer {
  server: Server;
  host: string;
  port: number;
  close(): Promise<void>;
}

export async function listen(
  core: EmulatorCore,
  control: EmulatorControl,
  options: { host: string; port: number },
): Promise<ListeningServer> {
  const controlHandler = createControlHandler(control);
  const server = createServer({ keepAliveTimeout: 5_000 }, (req, res) => {
    const url = new URL(req.url ?? '/', 'http://emulator.local');
    const handle =
      url.pathname === '/_emulator' || url.pathname.startsWith('/_emulator/')
        ? controlHandler(req, res, url)
        : handleMetrcRequest(core, req, res, url);
    handle.catch((error: unknown) => {
      // A bug in the emulator: answer loudly rather than hang the client.
      sendJson(res, 500, {
        code: 'EMULATOR_INTERNAL_ERROR',
        message: String((error as Error)?.stack ?? error),
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return {
    server,
    host: options.host,
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of core.held) res.socket?.destroy();
        core.held.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
