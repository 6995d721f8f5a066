import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerErrorHandler } from '../../src/api/plugins/error-handler.ts';
import { registerIdempotency } from '../../src/api/plugins/idempotency.ts';
import { declareWriteConventions } from '../../src/api/plugins/openapi-conventions.ts';
import { createIdempotencyRepo, createIdempotencyService } from '../../src/idempotency/index.ts';
import { systemClock } from '../../src/lib/index.ts';
import { errorCode } from '../helpers/test-app.ts';
import { describeEachDialect } from '../helpers/test-db.ts';

describeEachDialect('idempotency plugin: routes that require a key', (ctx) => {
  let app: FastifyInstance;
  let runs = 0;

  before(async () => {
    const org = await ctx.database.db
      .insertInto('organizations')
      .values({ name: 'P', slug: `p-${process.pid}`, created_at: new Date().toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    app = Fastify();
    registerErrorHandler(app);
    app.decorateRequest('principal', null);
    // Stands in for authentication: every request is user 1 of the organization.
    app.addHook('onRequest', async (request) => {
      request.principal = {
        kind: 'session',
        organizationId: org.id,
        role: 'admin',
        userId: 1,
        tokenId: null,
        sessionId: 1,
        isPlatformAdmin: false,
      };
    });
    const service = createIdempotencyService({
      repo: createIdempotencyRepo(ctx.database.db),
      clock: systemClock,
    });
    registerIdempotency(app, service);
    app.post('/api/submit', { config: { idempotencyKey: 'required' } }, async (_req, reply) => {
      runs++;
      return reply.status(202).send({ accepted: runs });
    });
    await app.ready();
  });
  after(() => app.close());

  it('refuses a write without a key with 400 IDEMPOTENCY_KEY_REQUIRED, and runs nothing', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/submit', payload: { a: 1 } });
    assert.equal(res.statusCode, 400);
    assert.equal(errorCode(res), 'IDEMPOTENCY_KEY_REQUIRED');
    assert.equal(runs, 0);
  });

  it('runs it once with a key', async () => {
    const send = () =>
      app.inject({
        method: 'POST',
        url: '/api/submit',
        headers: { 'idempotency-key': 'sub-1' },
        payload: { a: 1 },
      });
    assert.deepEqual((await send()).json(), { accepted: 1 });
    const again = await send();
    assert.equal(again.statusCode, 202);
    assert.deepEqual(again.json(), { accepted: 1 });
    assert.equal(runs, 1);
  });
});

it('marks the Idempotency-Key parameter required in OpenAPI where the route requires it', () => {
  const doc = {
    paths: {
      '/api/licenses/{id}/submissions': { post: {} },
      '/api/licenses': { post: {} },
    },
  } as { paths: Record<string, Record<string, { parameters?: { required?: boolean }[] }>> };
  declareWriteConventions(
    doc,
    [
      { method: 'POST', url: '/api/licenses/:id/submissions', access: 'staff' },
      { method: 'POST', url: '/api/licenses', access: 'admin' },
    ],
    new Set(['POST /api/licenses/:id/submissions']),
  );
  assert.equal(doc.paths['/api/licenses/{id}/submissions']?.post?.parameters?.[0]?.required, true);
  assert.deepEqual(doc.paths['/api/licenses']?.post?.parameters, [
    { $ref: '#/components/parameters/IdempotencyKey' },
  ]);
});
