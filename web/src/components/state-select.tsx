import { Select } from '@mantine/core';

/** Metrc states (src/lib/metrc-states.ts); keys are per state, not per location (rule 5). */
export const METRC_STATES: Record<string, string> = {
  ak: 'Alaska',
  al: 'Alabama',
  ca: 'California',
  co: 'Colorado',
  dc: 'District of Columbia',
  gu: 'Guam',
  il: 'Illinois',
  ky: 'Kentucky',
  la: 'Louisiana',
  ma: 'Massachusetts',
  md: 'Maryland',
  me: 'Maine',
  mi: 'Michigan',
  mn: 'Minnesota',
  mo: 'Missouri',
  ms: 'Mississippi',
  mt: 'Montana',
  nj: 'New Jersey',
  nv: 'Nevada',
  ny: 'New York',
  oh: 'Ohio',
  ok: 'Oklahoma',
  or: 'Oregon',
  ri: 'Rhode Island',
  sd: 'South Dakota',
  va: 'Virginia',
  vi: 'U.S. Virgin Islands',
  wv: 'West Virginia',
};

export const stateName = (state: string) =>
  METRC_STATES[state.toLowerCase()] ?? state.toUpperCase();

export function StateSelect({
  value,
  onChange,
  label = 'State',
}: {
  value: string | null;
  onChange: (state: string | null) => void;
  label?: string;
}) {
  return (
    <Select
      label={label}
      placeholder="Choose the state"
      required
      searchable
      value={value}
      onChange={onChange}
      data={Object.entries(METRC_STATES).map(([code, name]) => ({
        value: code,
        label: `${name} (${code.toUpperCase()})`,
      }))}
    />
  );
}
