/**
 * Rule 6 for one submission: the actor's own valid key for the license's state when it covers
 * the license; otherwise the facility key, not attributed; or held where personal keys are
 * required (unless an admin released it). The choice itself is `chooseUploadKey` in
 * credentials; this file gathers its inputs (one read: route-reads-repo.ts) and opens the
 * chosen key with its vendor key.
 */
import {
  chooseUploadKey,
  credentialsErrors,
  type KeyChoice,
  personalKeyRequiredByDefault,
} from '../credentials/index.ts';
import type { MetrcEnvironment } from '../db/index.ts';
import type { Secret } from '../lib/index.ts';
import type { SecretOpener } from '../vault/index.ts';
import type { RoutableKey, RouteReadsRepo } from './route-reads-repo.ts';

export interface RouteInput {
  organizationId: number;
  licenseId: number;
  state: string;
  actorUserId: number | null;
  /** An admin released the submission: the facility key may report it in a personal-key state. */
  released: boolean;
}

/** A routed key, opened: what the dispatcher sends with. */
export interface RoutedKey {
  credentialId: number;
  attribution: 'own' | 'facility';
  fingerprint: string;
  environment: MetrcEnvironment;
  userKey: Secret;
  /** The vendor key for the license's state and this key's environment. */
  vendorKey: Secret;
}

export type Route = { use: 'send'; key: RoutedKey } | { use: 'hold'; reason: string };

export function createKeyRouter(deps: { reads: RouteReadsRepo; vault: SecretOpener }) {
  const { reads, vault } = deps;

  /** Which credential rule 6 picks, without opening it (enqueue uses this to hold at once). */
  async function choose(
    input: RouteInput,
    /** `credentialId:fingerprint` of keys Metrc just refused: treated as invalid. */
    refused: ReadonlySet<string> = new Set(),
  ): Promise<{ choice: KeyChoice; rows: Map<number, RoutableKey> }> {
    // One statement: the facility key, the actor's own key, their vendor keys, the policy.
    const found = await reads.routeReads(input.organizationId, input.licenseId, input.actorUserId);
    const rows = new Map<number, RoutableKey>();
    const statusOf = (row: RoutableKey) =>
      refused.has(`${row.id}:${row.fingerprint}`) ? ('invalid' as const) : row.status;
    const own = found?.own ?? null;
    if (own) rows.set(own.id, own);
    const facilityRow = found?.facility ?? null;
    if (facilityRow) rows.set(facilityRow.id, facilityRow);
    const personal = own ? { id: own.id, status: statusOf(own), covers: own.covers } : null;
    const facility = facilityRow ? { id: facilityRow.id, status: statusOf(facilityRow) } : null;
    const required =
      !input.released && (found?.policyRequired ?? personalKeyRequiredByDefault(input.state));
    return { choice: chooseUploadKey({ personal, facility, personalKeyRequired: required }), rows };
  }

  /**
   * Chooses and opens the key a submission goes out under, or says why it is held. `opener`: the
   * caller's own for a task that routes again and again (a drain: vault `openedOnce`).
   */
  async function route(
    input: RouteInput,
    refused?: ReadonlySet<string>,
    opener: SecretOpener = vault,
  ): Promise<Route> {
    const { choice, rows } = await choose(input, refused);
    if (choice.use === 'hold') return { use: 'hold', reason: choice.reason };
    const row = rows.get(choice.credentialId);
    if (!row) return { use: 'hold', reason: 'NO_VALID_KEY' };
    if (!row.vendor) {
      throw credentialsErrors.VENDOR_KEY_MISSING({
        details: { state: input.state, environment: row.environment },
      });
    }
    return {
      use: 'send',
      key: {
        credentialId: row.id,
        attribution: choice.use === 'personal' ? 'own' : 'facility',
        fingerprint: row.fingerprint,
        environment: row.environment,
        userKey: await opener.open(row.secret_ref, row.sealed_key),
        vendorKey: await opener.open(row.vendor.secret_ref, row.vendor.sealed_key),
      },
    };
  }

  return { choose, route };
}

export type KeyRouter = ReturnType<typeof createKeyRouter>;
