import { METRC_STATE_TIME_ZONES, parseMetrcState } from '../metrc/index.ts';
import { licensesErrors } from './licenses-errors.ts';

/**
 * The usual time zone of each Metrc state, a license's default (editable per license, since a
 * few states span two zones). Metrc wants facility-local times, so this matters.
 */
export const STATE_TIME_ZONES: Readonly<Record<string, string>> = METRC_STATE_TIME_ZONES;

/** A state code as the API and CLI accept it (any case), lower-cased; LICENSE_STATE_UNKNOWN if none. */
export function requireMetrcState(text: string): string {
  const state = parseMetrcState(text);
  if (!state) throw licensesErrors.LICENSE_STATE_UNKNOWN();
  return state;
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
