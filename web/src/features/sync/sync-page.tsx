import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  Group,
  Loader,
  Progress,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useSearchParams } from 'react-router';
import { ErrorAlert, Page, ScrollRegion } from '../../components/index.ts';
import { hasRole, useSession } from '../session/index.ts';
import { type LicenseSync, type StreamStatus, useRefreshNow, useSyncStatus } from './sync-api.ts';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

function StreamRow({ stream }: { stream: StreamStatus }) {
  const percent = Math.round(stream.progress * 100);
  return (
    <Table.Tr
      data-stream={stream.stream}
      data-status={stream.status}
      data-has-records={stream.recordsStored > 0}
    >
      <Table.Td>{stream.stream}</Table.Td>
      <Table.Td>{stream.status}</Table.Td>
      <Table.Td miw={140}>
        {/* Unwindowed lists (facilities, employees, lab results by package) have no backfill. */}
        {stream.backfillFrom === null && !stream.backfillDone ? (
          <Text size="xs">Whole list each pull</Text>
        ) : (
          <>
            <Progress value={percent} aria-label={`${stream.stream} backfill ${percent}%`} />
            <Text size="xs">{stream.backfillDone ? 'Backfill done' : `Backfill ${percent}%`}</Text>
          </>
        )}
      </Table.Td>
      <Table.Td>{stream.recordsStored}</Table.Td>
      <Table.Td>{when(stream.watermark)}</Table.Td>
      <Table.Td>{when(stream.lastSuccessAt)}</Table.Td>
      <Table.Td>{stream.lastErrorCode ? <Code>{stream.lastErrorCode}</Code> : '—'}</Table.Td>
    </Table.Tr>
  );
}

function LicenseCard({ license, mayRefresh }: { license: LicenseSync; mayRefresh: boolean }) {
  const refresh = useRefreshNow();
  const errors = license.streams.filter((s) => s.lastErrorCode).length;
  return (
    <Card
      withBorder
      radius="md"
      data-license={license.licenseNumber}
      data-refresh-pending={license.refreshRequestedAt !== null}
    >
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {license.licenseNumber}
          </Title>
          <Group gap="xs">
            {license.paused && (
              <Badge color="red">
                Paused{license.pausedReason ? `: ${license.pausedReason}` : ''}
              </Badge>
            )}
            {!license.hasFacilityKey && (
              <Badge color="yellow" c="dark">
                No facility key
              </Badge>
            )}
            {errors > 0 && <Badge color="red">{errors} with errors</Badge>}
            {mayRefresh && (
              <Button
                size="xs"
                loading={refresh.isPending}
                disabled={license.refreshRequestedAt !== null}
                onClick={() => refresh.mutate(license.licenseId)}
              >
                {license.refreshRequestedAt ? 'Refresh requested' : 'Refresh now'}
                <VisuallyHidden> for {license.licenseNumber}</VisuallyHidden>
              </Button>
            )}
          </Group>
        </Group>
        <ErrorAlert error={refresh.error} />
        {license.streams.length === 0 ? (
          <Text size="sm">Not pulled yet.</Text>
        ) : (
          <ScrollRegion label={`Resources of ${license.licenseNumber}`}>
            <Table miw={720} striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Resource</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Progress</Table.Th>
                  <Table.Th>Records</Table.Th>
                  <Table.Th>Checkpoint</Table.Th>
                  <Table.Th>Last success</Table.Th>
                  <Table.Th>Last error</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {license.streams.map((stream) => (
                  <StreamRow key={stream.stream} stream={stream} />
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        )}
        <Text size="sm" fw={600}>
          Gaps healed: {license.gapsHealed.length}
        </Text>
        {license.gapsHealed.length > 0 && (
          <Stack gap={2}>
            {license.gapsHealed.slice(0, 10).map((gap) => (
              <Text size="xs" key={`${gap.stream}-${gap.windowStart}`}>
                {gap.stream}: {when(gap.windowStart)} – {when(gap.windowEnd)}: Metrc{' '}
                {gap.metrcTotal}, had {gap.localBefore}, healed {gap.healed}
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

/** Pull sync at a glance: each license's checkpoints per resource, backfill, gaps, errors. */
export function SyncPage() {
  const status = useSyncStatus();
  const session = useSession().data;
  const [params] = useSearchParams();
  const only = params.get('license');
  const list = (status.data ?? []).filter((l) => !only || String(l.licenseId) === only);
  return (
    <Page
      title="Sync"
      intro="Tracegate keeps a copy of each license's Metrc data, checkpoint by checkpoint, and heals its own gaps."
    >
      <ErrorAlert error={status.error} />
      {status.isPending && <Loader aria-label="Loading" />}
      {status.data && list.length === 0 && (
        <Alert color="blue" title="Nothing to sync yet">
          Licenses appear here once a facility key is saved for them.
        </Alert>
      )}
      {list.map((license) => (
        <LicenseCard
          key={license.licenseId}
          license={license}
          mayRefresh={hasRole(session, 'manager')}
        />
      ))}
    </Page>
  );
}
