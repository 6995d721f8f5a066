/**
 * The outbox as people and machines use it: accept an action (validated, attributed, queued
 * with its audit record in one transaction), and see and steer what happens to it (list,
 * detail, retry, edit and retry, dismiss, release, resume). Sending is the dispatcher's.
 */
import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.ts';
import type { UsersRepo } from '../auth/index.ts';
import type { DB, License, SubmissionRow, SubmissionStatus } from '../db/index.ts';
import { type Clock, commonErrors, randomHexId, toTimestamp } from '../lib/index.ts';
import { type LicensesRepo, licenseFeatures, requireMetrcState } from '../licenses/index.ts';
import { createAcceptedWriter } from './accepted-writer.ts';
import { createEnqueueReads } from './enqueue-reads.ts';
import { createEnqueueReadsRepo } from './enqueue-reads-repo.ts';
import type { KeyPoliciesRepo } from './key-policies-repo.ts';
import type { KeyRouter } from './key-router.ts';
import { createKeySavedHandler } from './key-saved-handler.ts';
import type { LicenseLeasesRepo } from './license-leases-repo.ts';
import { type LicenseQueue, licenseQueues } from './license-queues-fns.ts';
import { outboxErrors } from './outbox-errors.ts';
import type { OutboxNotifier } from './outbox-notifier.ts';
import type { OutboxSettings } from './outbox-settings.ts';
import {
  actionOf,
  type EnqueueInput,
  type OutboxActor,
  occurredAtOf,
  validatedPayload,
} from './submission-input-fns.ts';
import {
  asShown,
  type SubmissionDetail,
  type SubmissionView,
  toSubmissionDetail,
  toSubmissionView,
} from './submission-views.ts';
import {
  type SubmissionFilter,
  type SubmissionsRepo,
  UNSENT_STATUSES,
} from './submissions-repo.ts';

const MAX_LIST = 500;

export type { LicenseQueue };

export function createOutboxService(deps: {
  db: Kysely<DB>;
  submissions: SubmissionsRepo;
  leases: LicenseLeasesRepo;
  policies: KeyPoliciesRepo;
  router: KeyRouter;
  licenses: Pick<LicensesRepo, 'find' | 'findByNumberInAnyState'>;
  users: Pick<UsersRepo, 'membership' | 'memberByExternalRef' | 'setExternalRef'>;
  audit: AuditService;
  clock: Clock;
  notifier: OutboxNotifier;
  settings: Pick<OutboxSettings, 'overdueAfterMs'>;
}) {
  const { db, submissions, leases, audit, clock } = deps;
  const writer = createAcceptedWriter({
    db,
    submissions,
    leases,
    audit,
    clock,
    notifier: deps.notifier,
  });
  const reads = createEnqueueReads({ ...deps, combined: createEnqueueReadsRepo(db) });
  const stamp = () => toTimestamp(clock.now());

  /** Accepts an action: validated, attributed, queued (or held, rule 6) with its audit record. */
  async function enqueue(principal: OutboxActor, input: EnqueueInput): Promise<SubmissionView> {
    const action = actionOf(input.kind);
    const {
      license,
      actorUserId: actorLookup,
      personalKeyRequired,
    } = await reads.read(principal, input);
    const payload = validatedPayload(action, input.payload);
    const features = licenseFeatures(JSON.parse(license.facility_type) as Record<string, unknown>);
    if (!features[action.feature]) {
      throw outboxErrors.OUTBOX_FEATURE_NOT_ALLOWED({
        details: {
          feature: action.feature,
          license: license.number,
          licenseType: license.license_type,
        },
      });
    }
    const actorUserId = await actorLookup;
    const occurredAt = occurredAtOf(input.occurredAt, clock.now());
    const reference = `TG-${randomHexId(8)}`;
    const hold = await holdReason(license, actorUserId, await personalKeyRequired);
    const now = toTimestamp(clock.now());
    const row = await writer.add(principal.organizationId, {
      license,
      values: {
        organization_id: principal.organizationId,
        license_id: license.id,
        kind: action.kind,
        payload: JSON.stringify(payload),
        reference,
        touches: JSON.stringify(action.touches(payload, { reference })),
        actor_user_id: actorUserId,
        actor_token_id: principal.tokenId,
        occurred_at: toTimestamp(occurredAt),
        status: hold ? 'held' : 'queued',
        hold_reason: hold,
        next_attempt_at: now,
        created_at: now,
        updated_at: now,
      },
      audit: {
        organizationId: principal.organizationId,
        actor: { userId: principal.userId, tokenId: principal.tokenId },
        action: 'submission.queued',
        details: {
          kind: action.kind,
          license: license.number,
          actorUserId,
          reference,
          ...(hold && { held: hold }),
        },
      },
    });
    return toSubmissionView(row);
  }

  /** Held at once where personal keys are required and the actor has none (rule 6). */
  async function holdReason(
    license: License,
    actorUserId: number,
    personalKeyRequired: boolean,
  ): Promise<string | null> {
    if (!personalKeyRequired) return null;
    const { choice } = await deps.router.choose({
      organizationId: license.organization_id,
      licenseId: license.id,
      state: license.state,
      actorUserId,
      released: false,
    });
    return choice.use === 'hold' ? choice.reason : null;
  }

  async function find(organizationId: number, id: number): Promise<SubmissionRow> {
    const row = await submissions.find(organizationId, id);
    if (!row) throw outboxErrors.OUTBOX_SUBMISSION_NOT_FOUND();
    return row;
  }

  /** Moves a failed or held submission back into line (with the audit), and wakes its license. */
  async function backInLine(
    principal: OutboxActor,
    row: SubmissionRow,
    change: {
      action: string;
      allowed: SubmissionStatus[];
      values?: Partial<
        Pick<SubmissionRow, 'payload' | 'touches' | 'released_by_user_id' | 'released_at'>
      >;
      details?: Record<string, unknown>;
    },
  ): Promise<SubmissionDetail> {
    if (!change.allowed.includes(row.status)) {
      throw outboxErrors.OUTBOX_STATUS_CONFLICT({ details: { status: row.status } });
    }
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      await submissions.update(
        [row.id],
        {
          status: 'queued',
          hold_reason: null,
          next_attempt_at: toTimestamp(now),
          updated_at: toTimestamp(now),
          ...change.values,
        },
        trx,
      );
      await leases.wake(
        { licenseId: row.license_id, organizationId: row.organization_id },
        now,
        trx,
      );
      await audit.record(
        {
          organizationId: row.organization_id,
          actor: { userId: principal.userId, tokenId: principal.tokenId },
          action: change.action,
          target: { type: 'submission', id: row.id },
          details: { kind: row.kind, from: row.status, ...change.details },
        },
        trx,
      );
    });
    deps.notifier.notify();
    return toSubmissionDetail(await find(row.organization_id, row.id));
  }

  return {
    enqueue,

    async list(
      organizationId: number,
      filter: Omit<SubmissionFilter, 'limit' | 'licenseId'> & {
        license?: string | undefined;
        limit?: number | undefined;
      },
    ): Promise<SubmissionView[]> {
      const licenseId = filter.license
        ? (await reads.licenseOf(organizationId, filter.license)).id
        : undefined;
      const flying = await leases.inFlightIds(organizationId);
      const rows = await submissions.list(organizationId, {
        ...filter,
        licenseId,
        inFlightIds: [...flying],
        limit: Math.min(filter.limit ?? 100, MAX_LIST),
      });
      return rows.map((row) => toSubmissionView(asShown(row, flying)));
    },

    async get(organizationId: number, id: number): Promise<SubmissionDetail> {
      const row = await find(organizationId, id);
      return toSubmissionDetail(asShown(row, await leases.inFlightIds(organizationId)));
    },

    /** Sends a failed submission again; with `payload`, after fixing it (validated as new). */
    async retry(principal: OutboxActor, id: number, input: { payload?: unknown } = {}) {
      const row = await find(principal.organizationId, id);
      if (input.payload === undefined) {
        return backInLine(principal, row, { action: 'submission.retried', allowed: ['failed'] });
      }
      const action = actionOf(row.kind);
      const payload = validatedPayload(action, input.payload);
      return backInLine(principal, row, {
        action: 'submission.edited',
        allowed: ['failed'],
        values: {
          payload: JSON.stringify(payload),
          touches: JSON.stringify(action.touches(payload, { reference: row.reference })),
        },
      });
    },

    /** Gives up on a failed or held submission: it will never be sent (audited, with why). */
    async dismiss(principal: OutboxActor, id: number, input: { reason?: string | undefined } = {}) {
      const row = await find(principal.organizationId, id);
      if (row.status !== 'failed' && row.status !== 'held') {
        throw outboxErrors.OUTBOX_STATUS_CONFLICT({ details: { status: row.status } });
      }
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await submissions.update(
          [row.id],
          { status: 'dismissed', updated_at: toTimestamp(now) },
          trx,
        );
        // What waited behind it may go now.
        await leases.wake(
          { licenseId: row.license_id, organizationId: row.organization_id },
          now,
          trx,
        );
        await audit.record(
          {
            organizationId: row.organization_id,
            actor: { userId: principal.userId, tokenId: principal.tokenId },
            action: 'submission.dismissed',
            target: { type: 'submission', id: row.id },
            details: { kind: row.kind, from: row.status, reason: input.reason ?? null },
          },
          trx,
        );
      });
      deps.notifier.notify();
      return toSubmissionDetail(await find(row.organization_id, row.id));
    },

    /** Admin: lets a held submission go out under the facility key, not attributed (rule 6). */
    async release(principal: OutboxActor, id: number) {
      if (principal.role !== 'admin') throw outboxErrors.OUTBOX_ADMIN_ONLY();
      const row = await find(principal.organizationId, id);
      return backInLine(principal, row, {
        action: 'submission.released',
        allowed: ['held'],
        values: { released_by_user_id: principal.userId, released_at: stamp() },
      });
    },

    /** Admin: un-pauses a license by hand (e.g. Metrc fixed a permission); normally a saved key does. */
    async resumeLicense(principal: OutboxActor, license: string | number) {
      if (principal.role !== 'admin') throw outboxErrors.OUTBOX_ADMIN_ONLY();
      const found = await reads.licenseOf(principal.organizationId, license);
      const resumed = await db.transaction().execute(async (trx) => {
        const ids = await leases.resume([found.id], trx);
        if (ids.length > 0) {
          await audit.record(
            {
              organizationId: principal.organizationId,
              actor: { userId: principal.userId, tokenId: principal.tokenId },
              action: 'license.sync_resumed',
              target: { type: 'license', id: found.id },
              details: { by: 'admin' },
            },
            trx,
          );
        }
        return ids.length > 0;
      });
      if (resumed) deps.notifier.notify();
      return resumed;
    },

    /** Queue depth, oldest unsent age and pause per license (for the licenses API). */
    async queueByLicense(organizationId: number): Promise<Map<number, LicenseQueue>> {
      return licenseQueues(
        await submissions.queueStats(organizationId),
        await leases.listForOrganization(organizationId),
        clock.now(),
      );
    },

    /** Not sent `olderThan` ago (default: the configured overdue age). For the alerts feature. */
    async listOverdue(
      options: { olderThan?: Date; organizationId?: number; limit?: number } = {},
    ): Promise<SubmissionView[]> {
      const olderThan =
        options.olderThan ?? new Date(clock.now().getTime() - deps.settings.overdueAfterMs);
      const rows = await submissions.overdue(
        toTimestamp(olderThan),
        options.organizationId,
        Math.min(options.limit ?? MAX_LIST, 10_000),
      );
      return rows.map(toSubmissionView);
    },

    /** Failed or held: a person has to fix, release or dismiss them. For the alerts feature. */
    async listNeedingAttention(
      options: { organizationId?: number; limit?: number } = {},
    ): Promise<SubmissionView[]> {
      const rows = await submissions.aside(
        options.organizationId,
        Math.min(options.limit ?? MAX_LIST, 10_000),
      );
      return rows.map(toSubmissionView);
    },

    onKeySaved: createKeySavedHandler(deps),

    /** Admin: whether this state requires personal keys for the organization (rule 6). */
    async setPersonalKeyPolicy(principal: OutboxActor, stateText: string, required: boolean) {
      if (principal.role !== 'admin') throw outboxErrors.OUTBOX_ADMIN_ONLY();
      const state = requireMetrcState(stateText);
      await db.transaction().execute(async (trx) => {
        await deps.policies.set(principal.organizationId, state, required, stamp(), trx);
        await audit.record(
          {
            organizationId: principal.organizationId,
            actor: { userId: principal.userId, tokenId: principal.tokenId },
            action: 'outbox.personal_key_policy_set',
            target: { type: 'state', id: state },
            details: { required },
          },
          trx,
        );
      });
      return { state, required };
    },

    async personalKeyPolicy(organizationId: number, stateText: string) {
      const state = requireMetrcState(stateText);
      return { state, required: await deps.policies.personalKeyRequired(organizationId, state) };
    },

    /** Admin: the organization's own reference for a member (how API tokens name actors). */
    async setMemberExternalRef(principal: OutboxActor, userId: number, externalRef: string | null) {
      if (principal.role !== 'admin') throw outboxErrors.OUTBOX_ADMIN_ONLY();
      if (!(await deps.users.membership(principal.organizationId, userId)))
        throw commonErrors.NOT_FOUND();
      if (externalRef !== null) {
        const holder = await deps.users.memberByExternalRef(principal.organizationId, externalRef);
        if (holder && holder.user_id !== userId) throw outboxErrors.OUTBOX_EXTERNAL_REF_TAKEN();
      }
      await db.transaction().execute(async (trx) => {
        await deps.users.setExternalRef(principal.organizationId, userId, externalRef, trx);
        await audit.record(
          {
            organizationId: principal.organizationId,
            actor: { userId: principal.userId, tokenId: principal.tokenId },
            action: 'member.external_ref_set',
            target: { type: 'user', id: userId },
            details: { externalRef },
          },
          trx,
        );
      });
      return { userId, externalRef };
    },

    unsentStatuses: UNSENT_STATUSES,
  };
}

export type OutboxService = ReturnType<typeof createOutboxService>;
