/**
 * What a submission carries and who acts, and its checks before anything is queued (pure): its
 * kind, its payload (errors name the field) and when it happened.
 */

import type { Principal } from '../auth/index.ts';
import { actionFor, actionKinds } from './actions/action-catalogue.ts';
import type { AnyOutboxAction } from './actions/action-types.ts';
import { outboxErrors } from './outbox-errors.ts';

export type OutboxActor = Pick<Principal, 'organizationId' | 'role' | 'userId' | 'tokenId'>;

export interface EnqueueInput {
  /** License number (any case) or id. */
  license: string | number;
  kind: string;
  payload: unknown;
  /** Who acted; API tokens must say, people are themselves. */
  actor?: { userId?: number | undefined; externalRef?: string | undefined } | undefined;
  /** ISO-8601 with a zone; defaults to now. */
  occurredAt?: string | undefined;
}

/** A POS clock may run a little ahead of ours; beyond this an action "in the future" is refused. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** The action of `kind`, or `OUTBOX_KIND_UNKNOWN` listing the known kinds. */
export function actionOf(kind: string): AnyOutboxAction {
  const action = actionFor(kind);
  if (!action) throw outboxErrors.OUTBOX_KIND_UNKNOWN({ details: { kind, known: actionKinds() } });
  return action;
}

/** The payload as the action's schema reads it, or `OUTBOX_PAYLOAD_INVALID` naming each field. */
export function validatedPayload(action: AnyOutboxAction, payload: unknown): unknown {
  const parsed = action.payloadSchema.safeParse(payload);
  if (!parsed.success) {
    throw outboxErrors.OUTBOX_PAYLOAD_INVALID({
      details: {
        kind: action.kind,
        issues: parsed.error.issues.map((issue) => ({
          field: issue.path.join('.') || '(payload)',
          message: issue.message,
        })),
      },
    });
  }
  return parsed.data;
}

/**
 * When it happened: ISO-8601 with a zone, not beyond `now` plus a small tolerance; `now` when
 * not given. Otherwise `OUTBOX_OCCURRED_AT_INVALID`.
 *
 * @example
 * occurredAtOf('2026-11-27T09:59:00Z', new Date('2026-11-27T10:00:00Z')); // that instant
 */
export function occurredAtOf(text: string | undefined, now: Date): Date {
  if (text === undefined) return now;
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(text.trim());
  const at = new Date(text);
  if (
    !hasZone ||
    Number.isNaN(at.getTime()) ||
    at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS
  ) {
    throw outboxErrors.OUTBOX_OCCURRED_AT_INVALID({ details: { occurredAt: text } });
  }
  return at;
}
