import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  IDEMPOTENCY_HEADER,
  type IdempotencyClaim,
  type IdempotencyService,
  idempotencyErrors,
  parseIdempotencyKey,
  REPLAYED_HEADER,
  requestFingerprint,
} from '../../idempotency/index.ts';
import { scrubSecrets } from '../../lib/index.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route's success answer holds a secret shown once (an API token, a one-time password
     * or link). With an Idempotency-Key, the fact that it ran is kept, its answer never is.
     */
    responseCarriesSecret?: boolean;
    /** `required`: an authenticated write without `Idempotency-Key` is refused (400). */
    idempotencyKey?: 'optional' | 'required';
  }
  interface FastifyRequest {
    idempotencyClaim: (IdempotencyClaim & { settled: boolean }) | null;
  }
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * `Idempotency-Key` on every authenticated write under /api (see src/idempotency/README.md).
 * Runs in `preHandler`, after authentication and validation: only a request that would run
 * claims a key; refusals before that (401, 403, 400 on the body) are answered afresh.
 */
export function registerIdempotency(app: FastifyInstance, service: IdempotencyService): void {
  app.decorateRequest('idempotencyClaim', null);

  app.addHook('preHandler', async (request, reply) => {
    if (!WRITE_METHODS.has(request.method) || !request.url.startsWith('/api/')) return;
    const raw = request.headers[IDEMPOTENCY_HEADER];
    // Public writes (login, intake) have no caller to scope a key to: the header is ignored.
    const principal = request.principal;
    if (!principal) return;
    if (raw === undefined) {
      if (request.routeOptions.config.idempotencyKey === 'required') {
        throw idempotencyErrors.IDEMPOTENCY_KEY_REQUIRED();
      }
      return;
    }
    const key = parseIdempotencyKey(raw);
    const outcome = await service.claim(
      {
        organizationId: principal.organizationId,
        principal:
          principal.kind === 'token' ? `token:${principal.tokenId}` : `user:${principal.userId}`,
        key,
      },
      requestFingerprint({ method: request.method, url: request.url, body: request.body }),
    );
    if (outcome.kind === 'replay') {
      reply.header(REPLAYED_HEADER, 'true').status(outcome.status);
      if (outcome.contentType) reply.type(outcome.contentType);
      return reply.send(outcome.body ?? undefined);
    }
    request.idempotencyClaim = { ...outcome, settled: false };
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const held = request.idempotencyClaim;
    if (!held || held.settled) return payload;
    held.settled = true;
    await settle(request, reply, service, held, payload);
    return payload;
  });

  // A request that never answered (client gone, handler hung up) must not lock its key.
  app.addHook('onResponse', async (request) => {
    const held = request.idempotencyClaim;
    if (!held || held.settled) return;
    held.settled = true;
    await service
      .release(held)
      .catch((error) => request.log.error({ err: error }, 'idempotency release failed'));
  });
}

async function settle(
  request: FastifyRequest,
  reply: FastifyReply,
  service: IdempotencyService,
  held: IdempotencyClaim,
  payload: unknown,
): Promise<void> {
  try {
    const text =
      payload === null || payload === undefined
        ? null
        : typeof payload === 'string'
          ? payload
          : Buffer.isBuffer(payload)
            ? payload.toString('utf8')
            : undefined;
    // 5xx may be transient: forget the key so a retry runs again. A streamed body cannot be kept.
    if (reply.statusCode >= 500 || text === undefined) {
      await service.release(held);
      return;
    }
    // Invariant: no stored answer holds a secret. Routes declare one-time secrets; any secret
    // the process has seen (a pasted key, a password) that still slipped in is caught here.
    const withheld =
      request.routeOptions.config.responseCarriesSecret === true ||
      (text !== null && scrubSecrets(text) !== text);
    const contentType = reply.getHeader('content-type');
    const stored = await service.complete(held, {
      status: reply.statusCode,
      contentType: typeof contentType === 'string' ? contentType : null,
      body: text,
      withheld,
    });
    if (!stored) request.log.warn('idempotency key was taken over before this request settled');
  } catch (error) {
    request.log.error({ err: error }, 'idempotency settle failed');
    await service.release(held).catch(() => {});
  }
}
