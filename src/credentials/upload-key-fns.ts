import type { CredentialStatus } from '../db/index.ts';

/** States where sales and adjustments must go out under the acting person's own key (rule 6). */
export const PERSONAL_KEY_STATES: readonly string[] = ['co', 'ma', 'md', 'ok', 'ny'];

export interface KeyChoiceInput {
  /** The acting person's own credential in the license's state, if any. */
  personal: { id: number; status: CredentialStatus; covers: boolean } | null;
  /** The license's facility credential, if any. */
  facility: { id: number; status: CredentialStatus } | null;
  /** Whether this organization and state require personal keys (defaults: PERSONAL_KEY_STATES). */
  personalKeyRequired: boolean;
}

export type KeyChoice =
  | { use: 'personal'; credentialId: number; attributed: true }
  | { use: 'facility'; credentialId: number; attributed: false }
  | { use: 'hold'; reason: 'PERSONAL_KEY_REQUIRED' | 'NO_VALID_KEY' };

/**
 * Which key an upload goes out under (rule 6): the actor's own valid key when it covers the
 * license; otherwise the facility key, marked not attributed — unless the state requires personal
 * keys, in which case the submission is held until the person has one (or an admin releases it).
 *
 * @example
 * chooseUploadKey({ personal: null, facility: { id: 7, status: 'valid' }, personalKeyRequired: false });
 * // { use: 'facility', credentialId: 7, attributed: false }
 */
export function chooseUploadKey(input: KeyChoiceInput): KeyChoice {
  const { personal, facility } = input;
  if (personal && personal.status === 'valid' && personal.covers) {
    return { use: 'personal', credentialId: personal.id, attributed: true };
  }
  if (input.personalKeyRequired) return { use: 'hold', reason: 'PERSONAL_KEY_REQUIRED' };
  if (facility && facility.status === 'valid') {
    return { use: 'facility', credentialId: facility.id, attributed: false };
  }
  return { use: 'hold', reason: 'NO_VALID_KEY' };
}

/** Downloads (pull sync) always use the license's facility key (rule 6). */
export function chooseDownloadKey(facility: KeyChoiceInput['facility']): number | null {
  return facility && facility.status === 'valid' ? facility.id : null;
}

export function personalKeyRequiredByDefault(state: string): boolean {
  return PERSONAL_KEY_STATES.includes(state.toLowerCase());
}
