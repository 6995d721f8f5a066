import { Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { ErrorAlert, ScrollRegion } from '../../components/index.ts';
import { useInventorySummary } from './inventory-api.ts';

const STATUS_WORDS: Record<string, string> = {
  active: 'Active',
  onhold: 'On hold',
  inactive: 'Inactive',
  intransit: 'In transit',
};

/** One license's inventory from the mirror: packages by status, active stock per category. */
export function InventorySummary({ licenseId, number }: { licenseId: number; number: string }) {
  const summary = useInventorySummary(licenseId);
  const data = summary.data;
  return (
    <Card withBorder radius="md" data-summary={number}>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {number} at a glance
        </Title>
        <ErrorAlert error={summary.error} />
        {summary.isPending && <Loader aria-label="Loading" />}
        {data && (
          <>
            <Group gap="lg">
              {Object.entries(data.packagesByStatus).map(([status, count]) => (
                <Text size="sm" key={status}>
                  {STATUS_WORDS[status] ?? status}: <strong>{count}</strong>
                </Text>
              ))}
              <Text size="sm">
                Expiring within 30 days: <strong>{data.expiringWithin30Days}</strong>
              </Text>
            </Group>
            {data.activeByCategory.length > 0 && (
              <ScrollRegion label={`Stock of ${number} by category`}>
                <Table miw={360}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Category</Table.Th>
                      <Table.Th>Packages</Table.Th>
                      <Table.Th>Quantity</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.activeByCategory.map((row) => (
                      <Table.Tr key={`${row.category}-${row.unit}`}>
                        <Table.Td>{row.category ?? 'No category'}</Table.Td>
                        <Table.Td>{row.packages}</Table.Td>
                        <Table.Td>
                          {row.quantity} {row.unit ?? ''}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollRegion>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
