import { Checkbox, Loader, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Role } from '../../api/index.ts';
import { ErrorAlert, ScrollRegion } from '../../components/index.ts';
import { ALERT_KIND_LIST, KIND_LABELS } from './alert-words.ts';
import { type AlertPreference, usePreferences, useSetPreference } from './alerts-api.ts';

const CHANNELS = [
  ['console', 'Console'],
  ['email', 'E-mail'],
  ['onResolve', 'Also when resolved'],
] as const;

/** Who hears of which kind, per role: managers read it, admins change it (one switch a call). */
export function PreferencesSection({ editable }: { editable: boolean }) {
  const [role, setRole] = useState<Role>('manager');
  const preferences = usePreferences();
  const save = useSetPreference();
  const byKind = new Map(
    (preferences.data ?? []).filter((p) => p.role === role).map((p) => [p.kind, p]),
  );
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        Who is told, and how
      </Title>
      {!editable && <Text size="sm">Only an admin can change these.</Text>}
      <SegmentedControl
        aria-label="Role"
        w="fit-content"
        value={role}
        onChange={(value) => setRole(value as Role)}
        data={[
          { value: 'staff', label: 'Staff' },
          { value: 'manager', label: 'Managers' },
          { value: 'admin', label: 'Admins' },
        ]}
      />
      <ErrorAlert error={preferences.error ?? save.error} />
      {preferences.isPending && <Loader aria-label="Loading" />}
      {preferences.data && (
        <ScrollRegion label="Preferences">
          <Table miw={520} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Alert</Table.Th>
                {CHANNELS.map(([key, text]) => (
                  <Table.Th key={key}>{text}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ALERT_KIND_LIST.map((kind) => {
                const current = byKind.get(kind);
                return (
                  <Table.Tr key={kind} data-kind={kind}>
                    <Table.Td>{KIND_LABELS[kind]}</Table.Td>
                    {CHANNELS.map(([key, text]) => (
                      <Table.Td key={key}>
                        <Checkbox
                          aria-label={`${KIND_LABELS[kind]}: ${text}`}
                          checked={current?.[key] ?? false}
                          disabled={!editable || !current || save.isPending}
                          onChange={(event) => {
                            if (!current) return;
                            const next: AlertPreference = {
                              ...current,
                              [key]: event.currentTarget.checked,
                            };
                            save.mutate(next);
                          }}
                        />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
    </Stack>
  );
}
