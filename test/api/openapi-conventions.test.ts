import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.ts';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const toPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

// The document does not depend on the dialect, so one SQLite database is enough.
describe('OpenAPI document: CSRF and Idempotency-Key on writes', () => {
  let database: TestDatabase;
  let t: TestApp;
  // biome-ignore lint/suspicious/noExplicitAny: a parsed OpenAPI document
  let doc: any;

  before(async () => {
    database = await createTestDatabase('sqlite');
    t = await createTestApp(database);
    doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  });
  after(async () => {
    await t.close();
    await database.drop();
  });

  it('declares the CSRF header as a security scheme and the Idempotency-Key as a parameter', () => {
    assert.deepEqual(
      {
        type: doc.components.securitySchemes.csrfHeader.type,
        in: doc.components.securitySchemes.csrfHeader.in,
        name: doc.components.securitySchemes.csrfHeader.name,
      },
      { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
    );
    const parameter = doc.components.parameters.IdempotencyKey;
    assert.equal(parameter.in, 'header');
    assert.equal(parameter.name, 'Idempotency-Key');
    assert.equal(parameter.schema.maxLength, 255);
  });

  it('asks for the CSRF header with the session cookie, and offers Idempotency-Key, on every authenticated write', () => {
    const writes = t.app.routeCatalogue.filter(
      (r) => WRITES.has(r.method) && r.access !== 'public',
    );
    assert.ok(writes.length >= 10);
    for (const route of writes) {
      const operation = doc.paths[toPath(route.url)]?.[route.method.toLowerCase()];
      assert.ok(operation, `${route.method} ${route.url} is in the document`);
      assert.deepEqual(
        operation.security,
        [{ bearerAuth: [] }, { sessionCookie: [], csrfHeader: [] }],
        `${route.method} ${route.url}`,
      );
      assert.ok(
        operation.parameters.some(
          (p: { $ref?: string }) => p.$ref === '#/components/parameters/IdempotencyKey',
        ),
        `${route.method} ${route.url} takes Idempotency-Key`,
      );
    }
  });

  it('needs no credentials on public routes and no CSRF header on reads', () => {
    assert.deepEqual(doc.paths['/api/auth/login'].post.security, []);
    const read = doc.paths['/api/licenses'].get;
    assert.equal(read.security, undefined); // the document-wide default: token or cookie
    assert.deepEqual(doc.security, [{ bearerAuth: [] }, { sessionCookie: [] }]);
  });

  it('ships the docs page an interceptor that adds the session CSRF token to writes', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/docs/static/swagger-initializer.js',
    });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /requestInterceptor/);
    assert.match(res.body, /x-csrf-token/);
    assert.match(res.body, /\/api\/auth\/session/);
    // It is valid browser JavaScript (parsed, not run).
    assert.doesNotThrow(() => new Function(res.body));
  });
});
