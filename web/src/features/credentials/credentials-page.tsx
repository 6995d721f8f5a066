import { Anchor, Badge, Button, Group, Loader, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorAlert, KeyStatusBadge, Page, stateName } from '../../components/index.ts';
import { useCredentials } from './credentials-api.ts';

/** Traceability credentials: fingerprint, age and status of every key; never the key. */
export function CredentialsPage() {
  const credentials = useCredentials();
  return (
    <Page
      title="Traceability Credentials"
      intro="Metrc keys Tracegate holds for you. A key is saved only after Metrc accepts it."
      actions={
        <Group>
          <Button component={Link} to="/credentials/new">
            Add a key
          </Button>
          <Button component={Link} to="/check-key" variant="default">
            Check a key without saving
          </Button>
        </Group>
      }
    >
      {credentials.isPending && <Loader aria-label="Loading" />}
      <ErrorAlert error={credentials.error} />
      {credentials.data?.length === 0 && <Text>No key yet. Add your first facility key.</Text>}
      {credentials.data && credentials.data.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Key</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th>Licenses</Table.Th>
                <Table.Th>Age</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {credentials.data.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/credentials/${c.id}`}>
                      {c.kind === 'facility' ? 'Facility key' : 'Personal key'} {c.fingerprint}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{stateName(c.state)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {c.licenses.map((l) => (
                        <Badge key={l.id} variant="outline" color="gray">
                          {l.number}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>{c.keyAgeDays} days</Table.Td>
                  <Table.Td>
                    <KeyStatusBadge status={c.status} expiresSoon={c.expiresSoon} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Page>
  );
}
