/**
 * The Metrc state instances (the 28 of metrc-api.md §2, TM's 2026 scrape) and each one's usual
 * time zone. Shared by the product (licenses default to it) and the emulator (one prefix per
 * state); facility-local times are what Metrc wants (`SalesDateTime` carries no zone).
 */
export const METRC_STATE_TIME_ZONES = {
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
} as const;

export type MetrcState = keyof typeof METRC_STATE_TIME_ZONES;

export const METRC_STATES = Object.keys(METRC_STATE_TIME_ZONES) as MetrcState[];

/** Lower-cases and checks a state code from a URL or a control call; undefined if unknown. */
export function parseMetrcState(text: string | undefined): MetrcState | undefined {
  const code = text?.toLowerCase();
  return code && code in METRC_STATE_TIME_ZONES ? (code as MetrcState) : undefined;
}
