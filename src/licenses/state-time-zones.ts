/**
 * The usual time zone of each Metrc state, used as a license's default (editable per license,
 * since a few states span two zones). Metrc wants facility-local times, so this matters.
 */
export const STATE_TIME_ZONES: Readonly<Record<string, string>> = {
  ak: 'America/Anchorage',
  al: 'America/Chicago',
  ca: 'America/Los_Angeles',
  co: 'America/Denver',
  dc: 'America/New_York',
  gu: 'Pacific/Guam',
  il: 'America/Chicago',
  ky: 'America/New_York',
  la: 'America/Chicago',
  ma: 'America/New_York',
  md: 'America/New_York',
  me: 'America/New_York',
  mi: 'America/Detroit',
  mn: 'America/Chicago',
  mo: 'America/Chicago',
  ms: 'America/Chicago',
  mt: 'America/Denver',
  nj: 'America/New_York',
  nv: 'America/Los_Angeles',
  ny: 'America/New_York',
  oh: 'America/New_York',
  ok: 'America/Chicago',
  or: 'America/Los_Angeles',
  ri: 'America/New_York',
  sd: 'America/Chicago',
  va: 'America/New_York',
  vi: 'America/St_Thomas',
  wv: 'America/New_York',
};

export const METRC_STATES: readonly string[] = Object.keys(STATE_TIME_ZONES);

export function isMetrcState(state: string): boolean {
  return state in STATE_TIME_ZONES;
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
