import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Fastify from 'fastify';
import { registerErrorHandler } from '../../src/api/plugins/error-handler.ts';
import { CONSOLE_CSP, CONSOLE_DIR, registerHomeRoutes } from '../../src/api/routes/home-routes.ts';
import type { ZodApp } from '../../src/api/zod-app.ts';
import { tempDir } from '../helpers/temp-dirs.ts';

/** The console's files and deep links at `/`, next to an API whose unknown paths stay JSON. */
async function appServing(consoleDir: string) {
  const app = Fastify();
  registerErrorHandler(app);
  registerHomeRoutes(app as unknown as ZodApp, { consoleDir });
  await app.ready();
  return app;
}

describe('the console at /', () => {
  const built = tempDir('tg-console-');
  mkdirSync(join(built, 'assets'));
  writeFileSync(join(built, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(built, 'assets', 'index-abc123.js'), 'console.log(1)');
  const missing = tempDir('tg-console-missing-');
  const apps: Array<Awaited<ReturnType<typeof appServing>>> = [];
  after(async () => {
    for (const app of apps) await app.close();
  });

  it('serves index.html at / and for deep links, uncached', async () => {
    const app = await appServing(built);
    apps.push(app);
    for (const url of ['/', '/credentials/12', '/key/tgk_abc?x=1']) {
      const res = await app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, url);
      assert.match(res.headers['content-type'] as string, /text\/html/);
      assert.match(res.body, /id="root"/);
      assert.equal(res.headers['cache-control'], 'no-cache');
    }
  });

  it('serves hashed assets as immutable, and a missing file as a 404, never index.html', async () => {
    const app = await appServing(built);
    apps.push(app);
    const asset = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    assert.equal(asset.statusCode, 200);
    assert.match(asset.headers['cache-control'] as string, /immutable/);
    const gone = await app.inject({ method: 'GET', url: '/assets/nope.js' });
    assert.equal(gone.statusCode, 404);
    const traversal = await app.inject({ method: 'GET', url: '/..%2f..%2fetc%2fpasswd.txt' });
    assert.equal(traversal.statusCode, 404);
  });

  it('keeps unknown /api paths a JSON 404', async () => {
    const app = await appServing(built);
    apps.push(app);
    for (const url of ['/api/nope', '/api', '/api/credentials/12/x']) {
      const res = await app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 404, url);
      assert.equal(res.json().code, 'ROUTE_NOT_FOUND');
    }
  });

  it('says how to build the console when it is missing', async () => {
    const app = await appServing(missing);
    apps.push(app);
    const res = await app.inject({ method: 'GET', url: '/credentials/3' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /npm run build:web/);
    assert.equal((await app.inject({ method: 'GET', url: '/api/x' })).statusCode, 404);
  });

  it('sends a strict Content-Security-Policy with the console page, built or not', async () => {
    for (const dir of [built, missing]) {
      const app = await appServing(dir);
      apps.push(app);
      for (const url of ['/', '/submissions?view=failed']) {
        const res = await app.inject({ method: 'GET', url });
        const csp = res.headers['content-security-policy'] as string;
        assert.equal(csp, CONSOLE_CSP, url);
        const directives = new Map(
          csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)] as const),
        );
        assert.deepEqual(directives.get('script-src'), ["'self'"], 'no inline or eval scripts');
        assert.deepEqual(directives.get('object-src'), ["'none'"]);
        assert.deepEqual(directives.get('frame-ancestors'), ["'none'"], 'not framed');
        assert.deepEqual(directives.get('connect-src'), ["'self'"], 'the API is this origin');
      }
    }
  });

  it('builds a console that runs under that policy: no inline script in index.html', () => {
    const index = join(CONSOLE_DIR, 'index.html');
    if (!existsSync(index)) return; // not built here; the browser flows cover it
    const scripts = [
      ...readFileSync(index, 'utf8').matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g),
    ];
    assert.ok(scripts.length > 0);
    for (const [, attributes, body] of scripts) {
      assert.match(attributes ?? '', /\bsrc="\/assets\//, 'a script from this origin');
      assert.equal(body?.trim(), '', 'no inline code');
    }
  });
});
