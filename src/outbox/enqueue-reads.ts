/**
 * What `enqueue` reads before it writes: the license, the acting person, and whether rule 6
 * wants a personal key in the license's state. An API token naming its actor by user id, with a
 * license number, takes one statement (enqueue-reads-repo.ts, ADR 0017); any other shape (a
 * session, an `externalRef` only, a license id) reads as before, one row at a time. Every read
 * is fresh: a removed member is refused on the very next request.
 */
import type { UsersRepo } from '../auth/index.ts';
import { personalKeyRequiredByDefault } from '../credentials/index.ts';
import type { License } from '../db/index.ts';
import type { LicensesRepo } from '../licenses/index.ts';
import type { EnqueueReadsRepo } from './enqueue-reads-repo.ts';
import type { KeyPoliciesRepo } from './key-policies-repo.ts';
import { outboxErrors } from './outbox-errors.ts';
import type { EnqueueInput, OutboxActor } from './submission-input-fns.ts';

export interface EnqueueReads {
  license: License;
  /** The acting person's user id; rejects with the actor's error (awaited after the payload's). */
  actorUserId: Promise<number>;
  personalKeyRequired: Promise<boolean>;
}

/**
 * @example
 * const reads = createEnqueueReads({ licenses, users, policies, combined });
 * const { license, actorUserId, personalKeyRequired } = await reads.read(principal, input);
 */
export function createEnqueueReads(deps: {
  licenses: Pick<LicensesRepo, 'find' | 'findByNumberInAnyState'>;
  users: Pick<UsersRepo, 'membership' | 'memberByExternalRef'>;
  policies: Pick<KeyPoliciesRepo, 'personalKeyRequired'>;
  combined: EnqueueReadsRepo;
}) {
  async function licenseOf(organizationId: number, ref: string | number): Promise<License> {
    const text = String(ref).trim();
    if (/^\d+$/.test(text)) {
      const byId = await deps.licenses.find(organizationId, Number(text));
      if (byId) return byId;
    }
    const found = await deps.licenses.findByNumberInAnyState(organizationId, text);
    if (!found) throw unknownLicense(text);
    return found;
  }

  /** Who acted: the signed-in person, or the member an API token names (never the token). */
  async function actorOf(principal: OutboxActor, named: EnqueueInput['actor']): Promise<number> {
    if (principal.userId !== null) {
      const other =
        (named?.userId !== undefined && named.userId !== principal.userId) ||
        named?.externalRef !== undefined;
      if (other) throw outboxErrors.OUTBOX_ACTOR_MISMATCH();
      return principal.userId;
    }
    if (named?.userId === undefined && named?.externalRef === undefined) {
      throw outboxErrors.OUTBOX_ACTOR_REQUIRED();
    }
    const member =
      named.userId !== undefined
        ? await deps.users.membership(principal.organizationId, named.userId)
        : await deps.users.memberByExternalRef(principal.organizationId, named.externalRef ?? '');
    return knownActor(
      named,
      member ? { userId: member.user_id, externalRef: member.external_ref } : null,
    );
  }

  /** One statement: the license by number, the member named by user id, the state's policy. */
  async function readCombined(
    principal: OutboxActor,
    input: EnqueueInput,
    named: { userId: number; externalRef?: string | undefined },
  ): Promise<EnqueueReads> {
    const text = String(input.license).trim();
    const row = await deps.combined.byLicenseNumber(principal.organizationId, text, named.userId);
    if (!row) throw unknownLicense(text);
    const { member_user_id, member_external_ref, policy_required, ...license } = row;
    const member =
      member_user_id === null ? null : { userId: member_user_id, externalRef: member_external_ref };
    return {
      license,
      actorUserId: settled(() => knownActor(named, member)),
      personalKeyRequired: Promise.resolve(
        policy_required === null
          ? personalKeyRequiredByDefault(license.state)
          : policy_required === 1,
      ),
    };
  }

  return {
    /** The license by id or number (any case), or OUTBOX_LICENSE_UNKNOWN. */
    licenseOf,
    async read(principal: OutboxActor, input: EnqueueInput): Promise<EnqueueReads> {
      const named = input.actor;
      const byNumber = !/^\d+$/.test(String(input.license).trim());
      if (principal.userId === null && named?.userId !== undefined && byNumber) {
        return readCombined(principal, input, { ...named, userId: named.userId });
      }
      // The actor's lookup does not depend on the license: start it now, report its error in turn.
      const actorUserId = actorOf(principal, named);
      actorUserId.catch(() => {});
      const license = await licenseOf(principal.organizationId, input.license);
      // Rule 6's policy depends on the license only: read it while the actor is looked up.
      const personalKeyRequired = deps.policies.personalKeyRequired(
        license.organization_id,
        license.state,
      );
      personalKeyRequired.catch(() => {});
      return { license, actorUserId, personalKeyRequired };
    },
  };
}

/** The member found for `named`, or OUTBOX_ACTOR_UNKNOWN (no member, or another externalRef). */
function knownActor(
  named: NonNullable<EnqueueInput['actor']>,
  member: { userId: number; externalRef: string | null } | null,
): number {
  if (
    !member ||
    (named.userId !== undefined &&
      named.externalRef !== undefined &&
      member.externalRef !== named.externalRef)
  ) {
    throw outboxErrors.OUTBOX_ACTOR_UNKNOWN({
      details: { userId: named.userId ?? null, externalRef: named.externalRef ?? null },
    });
  }
  return member.userId;
}

const unknownLicense = (text: string) =>
  outboxErrors.OUTBOX_LICENSE_UNKNOWN({ details: { license: text } });

/** `compute`'s answer as a promise whose rejection is handled until it is awaited. */
function settled<T>(compute: () => T): Promise<T> {
  const promise = new Promise<T>((resolve) => resolve(compute()));
  promise.catch(() => {});
  return promise;
}
