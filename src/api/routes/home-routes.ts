import type { ZodApp } from '../zod-app.ts';

const PLACEHOLDER = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Tracegate</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1b2a22}
code{background:#eef3ef;padding:.1rem .3rem;border-radius:.2rem}a{color:#1f6f43}</style></head>
<body><h1>Tracegate is running</h1>
<p>The operator console is on its way. Meanwhile the REST API is live:</p>
<ul><li><a href="/api/docs">API reference</a> (<a href="/api/openapi.json">openapi.json</a>)</li>
<li><a href="/healthz">/healthz</a> and <a href="/readyz">/readyz</a></li></ul>
<p>Sign in with <code>POST /api/auth/login</code> using the admin e-mail and one-time password
printed when Tracegate first started.</p></body></html>`;

/** `/` until the console lands. */
export function registerHomeRoutes(app: ZodApp): void {
  app.get('/', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(PLACEHOLDER),
  );
}
