import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { SectionCheck, VerificationReport } from '../api/index.ts';

const CELL: Record<SectionCheck['status'], { mark: string; text: string; color: string }> = {
  granted: { mark: '✓', text: 'granted', color: 'green' },
  missing_permission: { mark: '✗', text: 'missing permission', color: 'red' },
  not_expected: { mark: '–', text: 'not expected for this license type', color: 'gray' },
  not_offered: { mark: '–', text: 'not offered in this state', color: 'gray' },
  error: { mark: '?', text: 'could not check', color: 'orange' },
};

/**
 * Per license, per Metrc section: granted, missing permission, not expected for this license
 * type, or not offered in this state (rule 3). Words beside every mark, so colour is not needed.
 */
export function SectionMatrix({ report }: { report: VerificationReport }) {
  return (
    <Stack>
      {report.licenses.map((license) => (
        <Card key={license.number} withBorder radius="md" data-license={license.number}>
          <Group justify="space-between" mb="xs" wrap="wrap">
            <Title order={3} size="h5">
              {license.number} · {license.name}
            </Title>
            <Badge variant="light">{license.licenseType}</Badge>
          </Group>
          {!license.covered && (
            <Text c="red" fw={600}>
              This key does not cover this license.
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing={4} component="ul" p={0} m={0}>
            {license.sections.map((cell) => {
              const shown = CELL[cell.status];
              return (
                <Group
                  key={cell.section}
                  component="li"
                  gap={6}
                  wrap="nowrap"
                  data-section={cell.section}
                  data-status={cell.status}
                  style={{ listStyle: 'none' }}
                >
                  <Text span c={shown.color} fw={700} aria-hidden w={14} ta="center">
                    {shown.mark}
                  </Text>
                  <Text span size="sm">
                    {cell.label}:{' '}
                    <Text span c={cell.status === 'granted' ? undefined : 'dimmed'} size="sm">
                      {shown.text}
                    </Text>
                  </Text>
                </Group>
              );
            })}
          </SimpleGrid>
        </Card>
      ))}
    </Stack>
  );
}
