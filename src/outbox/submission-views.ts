/** What the API, CLI and console see of a submission: never a key, only its fingerprint. */
import type { SubmissionRow, SubmissionStatus } from '../db/index.ts';
import type { SubmissionError } from './submission-settler.ts';

export interface SubmissionView {
  id: number;
  licenseId: number;
  kind: string;
  status: SubmissionStatus;
  /** Why held: `PERSONAL_KEY_REQUIRED` (strict state, no own key), `NO_VALID_KEY`. */
  holdReason: string | null;
  reference: string;
  actorUserId: number | null;
  occurredAt: string;
  attempts: number;
  nextAttemptAt: string | null;
  /** `own`: the actor's key; `facility`: the license's key, not attributed to the actor. */
  attribution: 'own' | 'facility' | null;
  attributed: boolean | null;
  credentialId: number | null;
  keyFingerprint: string | null;
  metrcIds: number[] | null;
  lastError: SubmissionError | null;
  releasedByUserId: number | null;
  releasedAt: string | null;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
}

export interface SubmissionDetail extends SubmissionView {
  payload: unknown;
  /** Metrc's answer: ids and warnings, or its row messages. */
  metrcAnswer: unknown;
}

const parse = <T>(text: string | null): T | null => (text ? (JSON.parse(text) as T) : null);

export function toSubmissionView(row: SubmissionRow): SubmissionView {
  return {
    id: row.id,
    licenseId: row.license_id,
    kind: row.kind,
    status: row.status,
    holdReason: row.status === 'held' ? row.hold_reason : null,
    reference: row.reference,
    actorUserId: row.actor_user_id,
    occurredAt: row.occurred_at,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'queued' ? row.next_attempt_at : null,
    attribution: row.attribution,
    attributed: row.attribution === null ? null : row.attribution === 'own',
    credentialId: row.credential_id,
    keyFingerprint: row.key_fingerprint,
    metrcIds: parse<number[]>(row.metrc_ids),
    lastError: parse<SubmissionError>(row.last_error),
    releasedByUserId: row.released_by_user_id,
    releasedAt: row.released_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    sentAt: row.sent_at,
  };
}

export function toSubmissionDetail(row: SubmissionRow): SubmissionDetail {
  return {
    ...toSubmissionView(row),
    payload: JSON.parse(row.payload),
    metrcAnswer: parse<unknown>(row.metrc_answer),
  };
}

/** A queued row whose request is out at Metrc now shows as `sending` (see license-leases-repo). */
export const asShown = (row: SubmissionRow, inFlight: ReadonlySet<number>): SubmissionRow =>
  row.status === 'queued' && inFlight.has(row.id) ? { ...row, status: 'sending' } : row;
