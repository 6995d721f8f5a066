import {
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  SegmentedControl,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert, Page, ScrollRegion } from '../../components/index.ts';
import { useLicenses } from '../licenses/index.ts';
import { hasRole, useSession } from '../session/index.ts';
import { subjectLink } from './alert-links.ts';
import { KIND_LABELS, SEVERITY } from './alert-words.ts';
import { type Alert, useAcknowledgeAlert, useAlerts, useEvaluateAlerts } from './alerts-api.ts';

const when = (iso: string) => new Date(iso).toLocaleString();

function AlertRow({ alert, licenseNumber }: { alert: Alert; licenseNumber?: string }) {
  const acknowledge = useAcknowledgeAlert();
  const severity = SEVERITY[alert.severity];
  const link = subjectLink(alert, licenseNumber);
  return (
    <Table.Tr data-alert-kind={alert.kind} data-subject={alert.subjectKey}>
      <Table.Td>
        <Badge color={severity.color} c={alert.severity === 'warning' ? 'dark' : undefined}>
          {severity.text}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {alert.title}
          </Text>
          <Text size="xs" c="dimmed">
            {KIND_LABELS[alert.kind]}
            {licenseNumber ? ` · ${licenseNumber}` : ''}
          </Text>
          {link && (
            <Anchor component={Link} to={link.to} size="sm">
              {link.text}
            </Anchor>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{when(alert.raisedAt)}</Text>
        {alert.resolvedAt && <Text size="xs">Resolved {when(alert.resolvedAt)}</Text>}
      </Table.Td>
      <Table.Td>
        {alert.acknowledgedAt ? (
          <Text size="sm">Seen {when(alert.acknowledgedAt)}</Text>
        ) : alert.status === 'open' ? (
          <Button
            size="xs"
            variant="light"
            loading={acknowledge.isPending}
            onClick={() => acknowledge.mutate(alert.id)}
            aria-label={`Acknowledge: ${alert.title}`}
          >
            Acknowledge
          </Button>
        ) : null}
        <ErrorAlert error={acknowledge.error} />
      </Table.Td>
    </Table.Tr>
  );
}

/** The alerts inbox: what needs a person now (open) and what cleared by itself (resolved). */
export function AlertsPage() {
  const [status, setStatus] = useState<'open' | 'resolved'>('open');
  const alerts = useAlerts(status);
  const licenses = useLicenses();
  const session = useSession().data;
  const evaluate = useEvaluateAlerts();
  const numbers = new Map((licenses.data ?? []).map((l) => [l.id, l.number]));
  const list = alerts.data ?? [];
  return (
    <Page
      title="Alerts"
      intro="What needs attention. An alert resolves by itself when its condition clears."
    >
      <Group justify="space-between">
        <SegmentedControl
          aria-label="Show alerts"
          value={status}
          onChange={(value) => setStatus(value as 'open' | 'resolved')}
          data={[
            { value: 'open', label: 'Open' },
            { value: 'resolved', label: 'Resolved' },
          ]}
        />
        {hasRole(session, 'manager') && (
          <Button variant="light" loading={evaluate.isPending} onClick={() => evaluate.mutate()}>
            Check now
          </Button>
        )}
      </Group>
      <ErrorAlert error={alerts.error ?? evaluate.error} />
      {alerts.isPending && <Loader aria-label="Loading" />}
      {alerts.data && list.length === 0 && (
        <Text>{status === 'open' ? 'Nothing needs attention.' : 'No resolved alert yet.'}</Text>
      )}
      {list.length > 0 && (
        <ScrollRegion label="Alerts">
          <Table miw={560} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Severity</Table.Th>
                <Table.Th>Alert</Table.Th>
                <Table.Th>Raised</Table.Th>
                <Table.Th>Seen</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((alert) => (
                <AlertRow
                  key={alert.id}
                  alert={alert}
                  licenseNumber={
                    alert.licenseId === null ? undefined : numbers.get(alert.licenseId)
                  }
                />
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
    </Page>
  );
}
