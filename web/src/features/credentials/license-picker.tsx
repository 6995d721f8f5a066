import { Anchor, Checkbox, Stack, TagsInput, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useLicenses } from '../licenses/index.ts';

/**
 * The licenses a key is for: the organization's licenses in the state as tick boxes, and any
 * other license number typed in. A license already tied to another facility key is shown, with a
 * link to that key, instead of silently missing from the list (rule 4; Treez users ask why).
 */
export function LicensePicker({
  state,
  value,
  onChange,
  credentialId,
  checkOnly = false,
}: {
  state: string;
  value: string[];
  onChange: (numbers: string[]) => void;
  credentialId?: number;
  /** Checking a key assigns nothing, so licenses tied to another key may be ticked too. */
  checkOnly?: boolean;
}) {
  const licenses = (useLicenses().data ?? []).filter((l) => l.state === state.toLowerCase());
  const known = new Set(licenses.map((l) => l.number));
  const typed = value.filter((n) => !known.has(n));
  return (
    <Stack gap="xs">
      {licenses.length > 0 && (
        <Checkbox.Group
          label="Licenses"
          description="Tick every license this key is for."
          value={value.filter((n) => known.has(n))}
          onChange={(ticked) => onChange([...ticked, ...typed])}
        >
          <Stack gap={6} mt={6}>
            {licenses.map((license) => {
              const owner = license.sync.facilityCredentialId;
              const taken = owner !== null && owner !== credentialId;
              return (
                <Stack key={license.number} gap={0}>
                  <Checkbox
                    label={`${license.number} · ${license.name} (${license.licenseType})`}
                    value={license.number}
                    disabled={taken && !checkOnly}
                  />
                  {taken && !checkOnly && (
                    <Text size="xs" c="dimmed" pl={30}>
                      Already tied to{' '}
                      <Anchor component={Link} to={`/credentials/${owner}`} size="xs">
                        another facility key
                      </Anchor>
                      ; change that key's licenses first.
                    </Text>
                  )}
                </Stack>
              );
            })}
          </Stack>
        </Checkbox.Group>
      )}
      <TagsInput
        label={licenses.length > 0 ? 'Other license numbers' : 'License numbers'}
        description="Type a license number as Metrc shows it and press Enter."
        placeholder="e.g. C10-0000106-LIC"
        value={typed}
        onChange={(numbers) =>
          onChange([...value.filter((n) => known.has(n)), ...numbers.map((n) => n.trim())])
        }
        splitChars={[',', ' ']}
      />
    </Stack>
  );
}
