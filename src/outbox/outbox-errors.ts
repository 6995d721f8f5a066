import { defineErrors } from '../lib/index.ts';

export const outboxErrors = defineErrors('outbox', {
  OUTBOX_KIND_UNKNOWN: {
    status: 422,
    message: 'Unknown submission kind.',
    description:
      'The `kind` names no action Tracegate can report. `details.known` lists the kinds; `GET /api/submission-kinds` too.',
  },
  OUTBOX_PAYLOAD_INVALID: {
    status: 422,
    message: 'The payload is not valid for this kind.',
    description:
      '`details.issues` lists each problem with the field it concerns (`lines.0.quantity`). Nothing was queued.',
  },
  OUTBOX_FEATURE_NOT_ALLOWED: {
    status: 422,
    message: 'This license type cannot do that.',
    description:
      'The license type lacks the feature the action needs (a cultivator records no sales, a retailer grows no plants; rule 11). `details.feature` names it.',
  },
  OUTBOX_ACTOR_UNKNOWN: {
    status: 422,
    message: 'The actor is not a member of this organization.',
    description:
      'An API token must name who acted, by Tracegate user id (`actor.userId`) or by your own reference (`actor.externalRef`, set on the member). Tracegate never reports under the token owner silently.',
  },
  OUTBOX_ACTOR_REQUIRED: {
    status: 422,
    message: 'Name who acted: `actor.userId` or `actor.externalRef`.',
    description:
      'Requests made with an API token must name the person who acted; signed-in people are the actor themselves.',
  },
  OUTBOX_ACTOR_MISMATCH: {
    status: 422,
    message: 'A signed-in person cannot act for someone else.',
    description: 'Only API tokens name an actor; in the console the signed-in person is the actor.',
  },
  OUTBOX_OCCURRED_AT_INVALID: {
    status: 422,
    message: '`occurredAt` must be an ISO-8601 time with a zone, not in the future.',
    description:
      'Every Metrc date of a submission comes from `occurredAt` (rule 8): give the moment it happened, e.g. `2026-11-27T10:30:00-08:00`.',
  },
  OUTBOX_LICENSE_UNKNOWN: {
    status: 404,
    message: 'No such license in this organization.',
    description: 'Use the license number or id as listed by `GET /api/licenses`.',
  },
  OUTBOX_SUBMISSION_NOT_FOUND: {
    status: 404,
    message: 'No such submission.',
    description: 'The submission id is unknown in this organization.',
  },
  OUTBOX_STATUS_CONFLICT: {
    status: 409,
    message: 'The submission is not in a state that allows this.',
    description:
      'Retry and edit apply to failed submissions, dismiss to failed or held ones, release to held ones. `details.status` says where it is.',
  },
  OUTBOX_OBJECT_NOT_FOUND: {
    status: 422,
    message: 'Metrc has no record this action refers to.',
    description:
      'E.g. a receipt correction or void whose receipt Metrc does not know (by id or external number). The submission failed; fix the payload and retry, or dismiss it.',
  },
  OUTBOX_IN_DOUBT: {
    status: 409,
    message: 'The last attempt may have reached Metrc and this kind cannot be looked up.',
    description:
      "Shown as a submission's `lastError`: check in Metrc whether it landed, then retry or dismiss it. Every built-in kind has a lookup, so this means a kind was added without one.",
  },
  OUTBOX_INTERNAL: {
    status: 500,
    message: 'Unexpected error while sending.',
    description: "Shown as a submission's `lastError` after a bug; the logs have the request id.",
  },
  OUTBOX_ADMIN_ONLY: {
    status: 403,
    message: 'Only admins can do this.',
    description:
      "Releasing a held submission, resuming a paused license, setting the personal-key policy and members' external references are admin actions.",
  },
  OUTBOX_EXTERNAL_REF_TAKEN: {
    status: 409,
    message: 'Another member already has this external reference.',
    description: 'A member external reference is unique within an organization.',
  },
});
