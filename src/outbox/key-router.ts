/**
 * Rule 6 for one submission: the actor's own valid key for the license's state when it covers
 * the license; otherwise the facility key, not attributed; or held where personal keys are
 * required (unless an admin released it). The choice itself is `chooseUploadKey` in
 * credentials; this file gathers its inputs and opens the chosen key.
 */
import {
  type CredentialsRepo,
  chooseUploadKey,
  type KeyChoice,
  type UploadKeyRow,
} from '../credentials/index.ts';
import type { MetrcEnvironment } from '../db/index.ts';
import type { Secret } from '../lib/index.ts';
import type { Vault } from '../vault/index.ts';
import type { KeyPoliciesRepo } from './key-policies-repo.ts';

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
}

export type Route = { use: 'send'; key: RoutedKey } | { use: 'hold'; reason: string };

export function createKeyRouter(deps: {
  credentials: CredentialsRepo;
  policies: KeyPoliciesRepo;
  vault: Pick<Vault, 'open'>;
}) {
  const { credentials, policies, vault } = deps;

  /** Which credential rule 6 picks, without opening it (enqueue uses this to hold at once). */
  async function choose(
    input: RouteInput,
    /** `credentialId:fingerprint` of keys Metrc just refused: treated as invalid. */
    refused: ReadonlySet<string> = new Set(),
  ): Promise<{ choice: KeyChoice; rows: Map<number, UploadKeyRow> }> {
    const rows = new Map<number, UploadKeyRow>();
    let personal: Parameters<typeof chooseUploadKey>[0]['personal'] = null;
    if (input.actorUserId !== null) {
      const own = await credentials.ownUploadKey(
        input.organizationId,
        input.state,
        input.actorUserId,
        input.licenseId,
      );
      if (own) {
        rows.set(own.id, own);
        personal = {
          id: own.id,
          status: refused.has(`${own.id}:${own.fingerprint}`) ? 'invalid' : own.status,
          covers: own.covers,
        };
      }
    }
    const facilityRow = await credentials.facilityCredentialOf(
      input.organizationId,
      input.licenseId,
    );
    if (facilityRow) rows.set(facilityRow.id, facilityRow);
    const facility = facilityRow
      ? {
          id: facilityRow.id,
          status: refused.has(`${facilityRow.id}:${facilityRow.fingerprint}`)
            ? ('invalid' as const)
            : facilityRow.status,
        }
      : null;
    const required =
      !input.released && (await policies.personalKeyRequired(input.organizationId, input.state));
    return { choice: chooseUploadKey({ personal, facility, personalKeyRequired: required }), rows };
  }

  /** Chooses and opens the key a submission goes out under, or says why it is held. */
  async function route(input: RouteInput, refused?: ReadonlySet<string>): Promise<Route> {
    const { choice, rows } = await choose(input, refused);
    if (choice.use === 'hold') return { use: 'hold', reason: choice.reason };
    const row = rows.get(choice.credentialId);
    if (!row) return { use: 'hold', reason: 'NO_VALID_KEY' };
    return {
      use: 'send',
      key: {
        credentialId: row.id,
        attribution: choice.use === 'personal' ? 'own' : 'facility',
        fingerprint: row.fingerprint,
        environment: row.environment,
        userKey: await vault.open(row.secret_ref, row.sealed_key),
      },
    };
  }

  return { choose, route };
}

export type KeyRouter = ReturnType<typeof createKeyRouter>;
