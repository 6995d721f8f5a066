/**
 * Sends one batch of a license's line and settles every row by Metrc's answer (design §4):
 * sent; rejected (400: split to isolate the rejected rows, which fail and step aside); retry
 * later at the head (429, 5xx, timeouts; Retry-After honoured); pause the license (401 on its
 * facility key) or route again (401 on a person's own key). After an ambiguous failure the
 * row is looked up in Metrc before it is ever sent again.
 */
import type { License } from '../db/index.ts';
import { isAppError, type Logger, toTimestamp } from '../lib/index.ts';
import {
  LimiterWaitError,
  type MetrcApi,
  MetrcError,
  MetrcNotFoundError,
  MetrcRateLimitedError,
  MetrcRequestInvalidError,
  MetrcRetiredError,
  MetrcTooLargeError,
  MetrcUnauthorizedError,
  MetrcValidationError,
  writeMayHaveLanded,
} from '../metrc/index.ts';
import type { ActionContext, AnyOutboxAction } from './actions/action-types.ts';
import { retryDelayMs } from './backoff-fns.ts';
import type { RoutedKey } from './key-router.ts';
import type { LicenseLease } from './license-leases-repo.ts';
import type { OutboxSettings } from './outbox-settings.ts';
import type { StateCircuits } from './state-circuits.ts';
import type { Attempt } from './submission-attempt.ts';
import type { SubmissionError, SubmissionSettler } from './submission-settler.ts';
import type { LineRow } from './submissions-repo.ts';
import type { WriteCap } from './write-cap.ts';

export type BatchOutcome =
  | { next: 'continue' }
  | { next: 'wait'; until: Date }
  /** A 401: the caller pauses the license or routes again. */
  | { next: 'unauthorized'; rows: LineRow[]; error: MetrcUnauthorizedError };

export interface BatchInput {
  lease: LicenseLease;
  license: License;
  action: AnyOutboxAction;
  rows: LineRow[];
  key: RoutedKey;
  api: MetrcApi;
  signal?: AbortSignal | undefined;
}

export function contextOf(license: License, row: LineRow): ActionContext {
  return {
    licenseNumber: license.number,
    timeZone: license.time_zone,
    occurredAt: new Date(row.occurred_at),
    reference: row.reference,
  };
}

export function errorOf(error: unknown): SubmissionError {
  if (error instanceof MetrcValidationError) {
    return {
      code: error.code,
      message: error.message,
      rows: error.rows.map((r) => ({ row: r.row, message: r.message })),
      httpStatus: 400,
    };
  }
  if (isAppError(error)) return { code: error.code, message: error.message };
  return { code: 'OUTBOX_INTERNAL', message: 'Unexpected error while sending.' };
}

export function createBatchSender(deps: {
  settle: SubmissionSettler;
  writeCap: WriteCap;
  circuits: StateCircuits;
  settings: OutboxSettings;
  now: () => Date;
  logger: Logger;
  random?: () => number;
}) {
  const { settle, settings } = deps;

  const later = (attempts: number, retryAfterMs?: number) =>
    new Date(
      deps.now().getTime() +
        retryDelayMs(
          {
            attempts,
            retryAfterMs,
            baseMs: settings.backoffBaseMs,
            maxMs: settings.backoffMaxMs,
          },
          deps.random,
        ),
    );

  /** Payloads with Metrc ids filled in; rows whose object Metrc lacks fail on the spot. */
  async function prepare(input: BatchInput) {
    const ready: Array<{ row: LineRow; payload: unknown; body: unknown }> = [];
    for (const row of input.rows) {
      const context = contextOf(input.license, row);
      let payload: unknown = JSON.parse(row.payload);
      try {
        if (input.action.resolve) payload = await input.action.resolve(input.api, payload, context);
      } catch (error) {
        if (error instanceof MetrcError) throw error;
        await settle.failed(input.lease, row, errorOf(error));
        continue;
      }
      ready.push({ row, payload, body: input.action.toRow(payload, context) });
    }
    return ready;
  }

  async function send(input: BatchInput): Promise<BatchOutcome> {
    const { lease, action, key } = input;
    const state = input.license.state;
    let ready: Awaited<ReturnType<typeof prepare>>;
    try {
      ready = await prepare(input);
    } catch (error) {
      return failure(input, input.rows, error, true);
    }
    if (ready.length === 0) return { next: 'continue' };
    const rows = ready.map((r) => r.row);

    // Ambiguous before: ask Metrc whether it landed (one row; batches never carry doubtful rows).
    const doubtful = ready.length === 1 && ready[0]?.row.in_doubt === 1 ? ready[0] : undefined;
    if (doubtful && !action.idempotent) {
      if (!action.lookup) {
        await settle.failed(lease, doubtful.row, {
          code: 'OUTBOX_IN_DOUBT',
          message:
            'The last attempt may have reached Metrc and this kind cannot be looked up: check Metrc, then retry or dismiss.',
        });
        return { next: 'continue' };
      }
      try {
        const found = await action.lookup(input.api, {
          licenseNumber: input.license.number,
          payload: doubtful.payload,
          row: doubtful.body,
          context: contextOf(input.license, doubtful.row),
          sentAt: new Date(doubtful.row.last_sent_at ?? doubtful.row.created_at),
          signal: input.signal,
        });
        if (found.landed) {
          await settle.sent(lease, rows, {
            metrcIds: [found.metrcIds],
            answer: { reconciled: true, ids: found.metrcIds },
            key: lastKeyOf(doubtful.row, key),
            kind: action.kind,
            reconciled: true,
          });
          return { next: 'continue' };
        }
      } catch (error) {
        return failure(input, rows, error, true);
      }
    }

    // Recorded in flight before the slot is asked for, not inside it: the slot is the scarce
    // thing (a round trip to the database while holding it cost ≈ 4 ms of a ≈ 120 ms slot with
    // three PostgreSQL workers). Recording early is safe: a crash before the request leaves
    // costs only a lookup that finds nothing.
    const recorded = await settle.sending(lease, rows, key);
    let release: () => void;
    try {
      release = await deps.writeCap.acquire(input.api.vendorKeyId);
    } catch (error) {
      // A store failure leaves the record: the lease's next holder looks the rows up first.
      if (!(error instanceof LimiterWaitError)) throw error;
      const until = later(Math.max(1, ...rows.map((r) => r.attempts)));
      // Nothing was sent: no attempt is counted, and the settle clears the record.
      await settle.retryLater(
        lease,
        rows,
        until,
        {
          code: 'OUTBOX_WRITE_CAP_WAIT',
          message: 'No write slot for this vendor key came free in time; nothing was sent.',
        },
        rows.some((row) => row.in_doubt === 1),
      );
      return { next: 'wait', until };
    }
    // The rows' `last_sent_at` is when the request left, after the wait for a slot.
    const attempt: Attempt = { ...recorded, at: toTimestamp(deps.now()) };
    let result: Awaited<ReturnType<typeof action.send>>;
    try {
      try {
        result = await action.send(input.api, {
          licenseNumber: input.license.number,
          rows: ready.map((r) => r.body),
          signal: input.signal,
        });
      } finally {
        // The cap counts requests at Metrc: the slot is free once the answer is in, before we
        // settle it.
        release();
      }
    } catch (error) {
      return failure({ ...input, rows }, rows, error, false, attempt);
    }
    deps.circuits.success(state);
    const ids = result.ids;
    const onePerRow = ids !== undefined && ids !== null && ids.length === rows.length;
    await settle.sent(lease, rows, {
      metrcIds: rows.map((_, index) =>
        onePerRow && ids[index] !== undefined
          ? [ids[index]]
          : rows.length === 1 && ids
            ? ids
            : null,
      ),
      // Each row keeps its own id (`metrc_ids`); the batch's id list is not copied onto every
      // one of its rows (50 × 50 ids written per request).
      answer: onePerRow
        ? { batchRows: rows.length, warnings: result.warnings ?? null }
        : { ids: result.ids ?? null, warnings: result.warnings ?? null },
      key,
      kind: action.kind,
      reconciled: false,
      attempt,
    });
    return { next: 'continue' };
  }

  /** Settles a failed send (or lookup) by what Metrc said. */
  async function failure(
    input: BatchInput,
    rows: LineRow[],
    error: unknown,
    wasLookup: boolean,
    /** The request that failed (none for a lookup or resolve: nothing was sent). */
    attempt?: Attempt,
  ): Promise<BatchOutcome> {
    const { lease } = input;
    if (!(error instanceof MetrcError)) {
      // Not Metrc's answer (a bug, the database): the request's rows stay in doubt. If this
      // settle fails too, the lease's in-flight record still says so; the first error is the one
      // worth reporting.
      if (attempt) {
        await settle
          .retryLater(lease, rows, later(1), errorOf(error), true, attempt)
          .catch(() => {});
      }
      throw error;
    }
    const attempts = Math.max(...rows.map((r) => r.attempts)) + (wasLookup ? 0 : 1);

    if (error instanceof MetrcUnauthorizedError) {
      await settle.requeue(lease, rows, errorOf(error), attempt);
      return { next: 'unauthorized', rows, error };
    }
    if (
      (error instanceof MetrcValidationError || error instanceof MetrcTooLargeError) &&
      !wasLookup
    ) {
      if (rows.length > 1) return split(input, rows, error, attempt);
      const [row] = rows;
      if (row) await settle.failed(lease, row, errorOf(error), attempt);
      return { next: 'continue' };
    }
    if (
      !wasLookup &&
      (error instanceof MetrcRequestInvalidError ||
        error instanceof MetrcRetiredError ||
        (error instanceof MetrcNotFoundError && error.kind === 'endpoint'))
    ) {
      // Permanent for this body or this state: sending again cannot help.
      for (const row of rows) await settle.failed(lease, row, errorOf(error), attempt);
      return { next: 'continue' };
    }
    // Retry at the head: 429, 5xx, timeouts, network, limiter waits, odd answers.
    // A failed lookup or resolve sent nothing: the row stays as doubtful as it was.
    const inDoubt = wasLookup
      ? rows.some((row) => row.in_doubt === 1)
      : writeMayHaveLanded(error) || (error.reachedMetrc !== 'no' && !isRefusal(error));
    if (outageLike(error)) deps.circuits.failure(input.license.state);
    const retryAfterMs = error instanceof MetrcRateLimitedError ? error.retryAfterMs : undefined;
    const until = later(attempts, retryAfterMs);
    await settle.retryLater(lease, rows, until, errorOf(error), inDoubt, attempt);
    deps.logger.info(
      { licenseId: lease.licenseId, code: error.code, rows: rows.length, until },
      'outbox: will retry',
    );
    return { next: 'wait', until };
  }

  /**
   * A 400 (or 413) on several rows: nothing landed (Metrc writes are all-or-nothing). The rows
   * before the first one Metrc named go together, then that row alone; with no names, the first
   * half. The rest go back in line and are planned again, so a row touching what just failed
   * waits behind it and nothing overtakes an earlier row.
   */
  async function split(
    input: BatchInput,
    rows: LineRow[],
    error: MetrcError,
    attempt: Attempt | undefined,
  ): Promise<BatchOutcome> {
    await settle.requeue(input.lease, rows, undefined, attempt);
    const fresh = rows.map((row) => ({ ...row, status: 'queued' as const, in_doubt: 0 }));
    const named =
      error instanceof MetrcValidationError
        ? error.rows.flatMap((r) =>
            r.row !== null && r.row >= 0 && r.row < rows.length ? [r.row] : [],
          )
        : [];
    const first = named.length > 0 && named.length < rows.length ? Math.min(...named) : null;
    if (first === null) return send({ ...input, rows: fresh.slice(0, Math.ceil(rows.length / 2)) });
    if (first > 0) {
      const outcome = await send({ ...input, rows: fresh.slice(0, first) });
      if (outcome.next !== 'continue') return outcome;
    }
    return send({ ...input, rows: fresh.slice(first, first + 1) });
  }

  return { send };
}

/** A reconciled row keeps the key its lost attempt went out under. */
function lastKeyOf(row: LineRow, fallback: RoutedKey) {
  return row.credential_id !== null && row.key_fingerprint !== null && row.attribution !== null
    ? {
        credentialId: row.credential_id,
        fingerprint: row.key_fingerprint,
        attribution: row.attribution,
      }
    : fallback;
}

/** Answers that mean Metrc refused before doing anything. */
function isRefusal(error: MetrcError): boolean {
  return (
    error instanceof MetrcRateLimitedError || error.httpStatus === 401 || error.httpStatus === 403
  );
}

function outageLike(error: MetrcError): boolean {
  return (
    error.code === 'METRC_SERVER_ERROR' ||
    error.code === 'METRC_TIMEOUT' ||
    error.code === 'METRC_NETWORK'
  );
}
