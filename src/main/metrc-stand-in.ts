import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A placeholder Metrc until the emulator lands: answers `GET /{state}/facilities/v2/` with an
 * empty list and everything else with 501. Replaced by `src/emulator`.
 */
export async function startMetrcStandIn(): Promise<{
  baseUrlTemplate: string;
  close(): Promise<void>;
}> {
  const server = createServer((req, res) => {
    const known = /^\/[a-z]{2}\/facilities\/v2\/?$/.test(req.url?.split('?')[0] ?? '');
    res.writeHead(known ? 200 : 501, { 'content-type': 'application/json' });
    res.end(known ? '[]' : JSON.stringify({ code: 'EMULATOR_NOT_IMPLEMENTED' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrlTemplate: `http://127.0.0.1:${port}/{state}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
