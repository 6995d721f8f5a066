import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { KeyInput } from '../../api/index.ts';
import { ErrorAlert, KeyField, KeyStatusBadge, Page, stateName } from '../../components/index.ts';
import { useCreateCredential, useCredentials } from '../credentials/index.ts';
import { licenseLight, useLicenses } from '../licenses/index.ts';
import { hasRole, useSession } from '../session/index.ts';

/**
 * Facility Management: every license with its facility key and status; a refused key turns the
 * row red; an admin applies one facility key to several ticked licenses at once.
 */
export function FacilitiesPage() {
  const session = useSession().data;
  const isAdmin = hasRole(session, 'admin');
  const licenses = useLicenses();
  const credentials = useCredentials();
  const create = useCreateCredential();
  const [ticked, setTicked] = useState<string[]>([]);
  const [key, setKey] = useState<KeyInput | null>(null);
  const list = licenses.data ?? [];
  const fingerprint = (id: number | null) =>
    credentials.data?.find((c) => c.id === id)?.fingerprint ?? '';
  const states = new Set(list.filter((l) => ticked.includes(l.number)).map((l) => l.state));
  const state = states.size === 1 ? [...states][0] : undefined;
  return (
    <Page
      title="Facility Management"
      intro="Each license syncs with the state through its facility key. A red row means Metrc refused that key."
    >
      {licenses.isPending && <Loader aria-label="Loading" />}
      <ErrorAlert error={licenses.error} />
      {list.length === 0 && licenses.data && (
        <Text>
          No license yet.{' '}
          <Anchor component={Link} to="/credentials/new">
            Add a facility key
          </Anchor>{' '}
          and Tracegate finds your licenses in Metrc.
        </Text>
      )}
      {list.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                {isAdmin && <Table.Th w={40}>Pick</Table.Th>}
                <Table.Th>License</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Facility key</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((license) => {
                const red = licenseLight(license) === 'red';
                const credentialId = license.sync.facilityCredentialId;
                return (
                  <Table.Tr
                    key={license.id}
                    bg={red ? 'var(--mantine-color-red-1)' : undefined}
                    data-license={license.number}
                    data-invalid={red ? 'true' : undefined}
                  >
                    {isAdmin && (
                      <Table.Td>
                        <Checkbox
                          aria-label={`Pick ${license.number}`}
                          checked={ticked.includes(license.number)}
                          onChange={(e) => {
                            const on = e.currentTarget.checked;
                            setTicked((now) =>
                              on
                                ? [...now, license.number]
                                : now.filter((n) => n !== license.number),
                            );
                          }}
                        />
                      </Table.Td>
                    )}
                    <Table.Td>
                      <Text fw={600} size="sm">
                        {license.number}
                      </Text>
                      <Text size="xs">
                        {license.name} · {stateName(license.state)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{license.licenseType}</Table.Td>
                    <Table.Td>
                      {credentialId !== null ? (
                        <Anchor component={Link} to={`/credentials/${credentialId}`}>
                          {fingerprint(credentialId) || 'Open'}
                        </Anchor>
                      ) : (
                        'None'
                      )}
                    </Table.Td>
                    <Table.Td>
                      <KeyStatusBadge status={license.sync.keyStatus} />
                      <Text size="xs" c={red ? 'red' : 'dimmed'}>
                        {license.sync.message}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {isAdmin && list.length > 0 && (
        <Paper withBorder p="md" radius="md" maw={640}>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (!state || !key) return;
              create.mutate(
                { state, kind: 'facility', licenseNumbers: ticked, key },
                { onSuccess: () => setTicked([]) },
              );
            }}
          >
            <Stack>
              <Title order={2} size="h4">
                Apply one facility key to the ticked licenses
              </Title>
              <Text size="sm">
                {ticked.length === 0
                  ? 'Tick the licenses above first.'
                  : `${ticked.length} ticked: ${ticked.join(', ')}`}
              </Text>
              {states.size > 1 && (
                <Alert color="yellow">Keys are per state: tick licenses of one state only.</Alert>
              )}
              <Text size="xs" c="dimmed">
                To replace the key of a license that already has one, use “Change key” on that key,
                so no facility key is overwritten by accident.
              </Text>
              <KeyField onChange={setKey} />
              <ErrorAlert error={create.error} title="Nothing was saved" />
              {create.isSuccess && (
                <Alert color="green">Saved. The ticked licenses sync with this key.</Alert>
              )}
              <Button type="submit" disabled={!state || !key} loading={create.isPending}>
                Verify &amp; Save
              </Button>
            </Stack>
          </form>
        </Paper>
      )}
    </Page>
  );
}
