import { existsSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { commonErrors } from '../../lib/index.ts';
import { sendError } from '../plugins/error-handler.ts';
import type { ZodApp } from '../zod-app.ts';

/** Where `npm run build:web` (run by `npm ci` and `npm start`) writes the console. */
export const CONSOLE_DIR = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/**
 * The console's Content-Security-Policy: its own scripts only (Vite emits no inline script), no
 * plugins, no framing, API calls to this origin. `style-src 'unsafe-inline'` because Mantine
 * writes its theme variables in a `<style>` element and style props as `style` attributes; a
 * nonce would need the static index.html rewritten per request. No `wasm-unsafe-eval`: QR codes
 * are decoded on the server (src/credentials/qr-decode-worker.ts), not in the browser.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Tracegate</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1b2a22}
code{background:#eef3ef;padding:.1rem .3rem;border-radius:.2rem}a{color:#1f6f43}</style></head>
<body><h1>Tracegate is running, but the console is not built</h1>
<p>Build it once with <code>npm run build:web</code> (it is built for you by <code>npm ci</code> and
<code>npm start</code>), then reload this page. For development with hot reload, run
<code>npm run dev:web</code>.</p>
<p>Meanwhile the REST API is live: <a href="/api/docs">API reference</a>
(<a href="/api/openapi.json">openapi.json</a>), <a href="/healthz">/healthz</a>.</p></body></html>`;

/**
 * The operator console at `/`: built files from `web/dist`, and `index.html` for every other
 * path that is not the API, so deep links (`/credentials/12`, a one-time key link `/key/…`) load
 * the app. `/api/*` never falls back: an unknown API path keeps its JSON 404.
 */
export function registerHomeRoutes(app: ZodApp, options: { consoleDir?: string } = {}): void {
  const root = options.consoleDir ?? CONSOLE_DIR;
  // serve: false — the routes below decide what is served, so each one declares its access.
  app.register(fastifyStatic, { root, serve: false });

  const serve = async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path === '/api' || path.startsWith('/api/')) {
      return sendError(request, reply, commonErrors.ROUTE_NOT_FOUND());
    }
    if (!existsSync(join(root, 'index.html'))) {
      return reply
        .header('content-security-policy', CONSOLE_CSP)
        .type('text/html; charset=utf-8')
        .send(NOT_BUILT);
    }
    let relative: string;
    try {
      relative = normalize(decodeURIComponent(path)).replace(/^(\.\.[/\\])+/, '');
    } catch {
      return sendError(request, reply, commonErrors.ROUTE_NOT_FOUND());
    }
    if (extname(relative) !== '') {
      const file = join(root, relative);
      if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
        return sendError(request, reply, commonErrors.ROUTE_NOT_FOUND());
      }
      // Vite names built assets by content hash, so they never change under the same name.
      const immutable = relative.startsWith('/assets/');
      return reply.sendFile(relative, {
        maxAge: immutable ? 31_536_000_000 : 0,
        immutable,
      });
    }
    return reply
      .header('cache-control', 'no-cache')
      .header('content-security-policy', CONSOLE_CSP)
      .sendFile('index.html', { cacheControl: false });
  };

  const route = { config: { access: 'public' as const }, schema: { hide: true } };
  app.get('/', route, serve);
  app.get('/*', route, serve);
}
