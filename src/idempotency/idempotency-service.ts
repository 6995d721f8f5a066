import { type Clock, toTimestamp } from '../lib/index.ts';
import { idempotencyErrors } from './idempotency-errors.ts';
import type { IdempotencyRepo, IdempotencyScope } from './idempotency-repo.ts';

/** Keys answer retries for at least this long, then `purgeExpired` removes them. */
export const DEFAULT_RETENTION_MS = 24 * 60 * 60 * 1000;
/**
 * An in-progress key whose process died is taken over after this long. Far above any write's
 * duration, so a slow request is never run twice.
 */
export const DEFAULT_LOCK_TIMEOUT_MS = 2 * 60 * 1000;
const RETRY_AFTER_SECONDS = 1;

/** The right to run a request: held by exactly one request per key at a time. */
export interface IdempotencyClaim {
  kind: 'claimed';
  id: number;
  /** Fencing value: settling checks it, so a taken-over claim cannot overwrite the new one. */
  lockedAt: string;
}

/** The first answer to this key, to send again. */
export interface IdempotencyReplay {
  kind: 'replay';
  status: number;
  contentType: string | null;
  body: string | null;
}

export interface StoredResponse {
  status: number;
  contentType: string | null;
  /** Null when withheld. */
  body: string | null;
  /** The answer carried a secret: remember that the request ran, never what it answered. */
  withheld: boolean;
}

/**
 * Idempotency keys of API writes, on the database so every process of a deployment shares them.
 * One request per key runs; the others get its answer or a stable 409.
 */
export function createIdempotencyService(deps: {
  repo: IdempotencyRepo;
  clock: Clock;
  retentionMs?: number;
  lockTimeoutMs?: number;
}) {
  const { repo, clock } = deps;
  const retentionMs = deps.retentionMs ?? DEFAULT_RETENTION_MS;
  const lockTimeoutMs = deps.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;

  async function claim(
    scope: IdempotencyScope,
    requestHash: string,
  ): Promise<IdempotencyClaim | IdempotencyReplay> {
    // Two passes at most: the second after deleting an expired row that held the key.
    for (let pass = 0; pass < 2; pass++) {
      const nowDate = clock.now();
      const now = toTimestamp(nowDate);
      const inserted = await repo.insertIfAbsent(scope, {
        requestHash,
        now,
        expiresAt: toTimestamp(new Date(nowDate.getTime() + retentionMs)),
      });
      if (inserted) return { kind: 'claimed', id: inserted.id, lockedAt: inserted.locked_at };

      const existing = await repo.find(scope);
      if (!existing) continue; // released or purged between the two statements
      if (existing.expires_at <= now) {
        await repo.deleteExpired(existing.id, now);
        continue;
      }
      if (existing.request_hash !== requestHash) throw idempotencyErrors.IDEMPOTENCY_KEY_REUSED();
      if (existing.status === 'in_progress') {
        const abandoned = nowDate.getTime() - Date.parse(existing.locked_at) >= lockTimeoutMs;
        if (abandoned && (await repo.relock(existing.id, existing.locked_at, now))) {
          return { kind: 'claimed', id: existing.id, lockedAt: now };
        }
        throw idempotencyErrors.IDEMPOTENCY_KEY_IN_PROGRESS({
          details: { retryAfterSeconds: RETRY_AFTER_SECONDS },
        });
      }
      if (existing.response_withheld === 1) {
        throw idempotencyErrors.IDEMPOTENCY_RESPONSE_WITHHELD({
          details: { originalStatus: existing.response_status },
        });
      }
      return {
        kind: 'replay',
        status: existing.response_status ?? 200,
        contentType: existing.response_type,
        body: existing.response_body,
      };
    }
    // The key churned twice under us (expired and re-taken): let the caller retry.
    throw idempotencyErrors.IDEMPOTENCY_KEY_IN_PROGRESS({
      details: { retryAfterSeconds: RETRY_AFTER_SECONDS },
    });
  }

  /** Stores the answer; false if the claim was lost (taken over after the lock timeout). */
  async function complete(held: IdempotencyClaim, response: StoredResponse): Promise<boolean> {
    return repo.complete(held.id, held.lockedAt, {
      status: response.status,
      type: response.contentType,
      body: response.withheld ? null : response.body,
      withheld: response.withheld,
    });
  }

  /** Forgets the key (the request failed with 5xx or never answered), so a retry runs again. */
  async function release(held: IdempotencyClaim): Promise<void> {
    await repo.release(held.id, held.lockedAt);
  }

  /** Deletes keys past retention; the worker schedules it. Returns how many went. */
  async function purgeExpired(): Promise<number> {
    return repo.purgeExpired(toTimestamp(clock.now()));
  }

  return { claim, complete, release, purgeExpired };
}

export type IdempotencyService = ReturnType<typeof createIdempotencyService>;
