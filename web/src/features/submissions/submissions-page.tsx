import {
  Badge,
  Button,
  Drawer,
  Loader,
  SegmentedControl,
  Select,
  SimpleGrid,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useSearchParams } from 'react-router';
import { ErrorAlert, Page, ScrollRegion } from '../../components/index.ts';
import { useLicenses } from '../licenses/index.ts';
import { hasRole, useSession } from '../session/index.ts';
import { useMembers } from '../users/users-api.ts';
import { attributionText, SubmissionActions, SubmissionFacts } from './submission-detail.tsx';
import { type SubmissionFilter, useSubmission, useSubmissions } from './submissions-api.ts';

const VIEWS = [
  { value: 'all', label: 'All' },
  { value: 'failed', label: 'Failed' },
  { value: 'held', label: 'Held' },
  { value: 'overdue', label: 'Overdue' },
] as const;
type View = (typeof VIEWS)[number]['value'];
const STATUS_COLOR: Record<string, string> = {
  queued: 'blue',
  held: 'yellow',
  sending: 'blue',
  sent: 'green',
  failed: 'red',
  dismissed: 'gray',
};
const STATUSES = ['queued', 'held', 'sending', 'sent', 'failed', 'dismissed'] as const;

function filterOf(params: URLSearchParams): SubmissionFilter {
  const view = (params.get('view') ?? 'all') as View;
  const status = params.get('status') as SubmissionFilter['status'] | null;
  const user = params.get('user');
  const license = params.get('license');
  return {
    limit: '200',
    ...(license ? { license } : {}),
    ...(user ? { user } : {}),
    ...(view === 'failed' ? { status: 'failed' } : {}),
    ...(view === 'held' ? { status: 'held' } : {}),
    // The server applies its own overdue age (the one the overdue alert uses).
    ...(view === 'overdue' ? { overdue: 'true' } : {}),
    ...(view === 'all' && status ? { status } : {}),
  };
}

/** "90 minutes", "2 hours", "1 day": the overdue age as a person says it. */
function durationText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const [n, unit] =
    minutes % 1440 === 0
      ? [minutes / 1440, 'day']
      : minutes % 60 === 0
        ? [minutes / 60, 'hour']
        : [minutes, 'minute'];
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** Metrc Submissions: every report sent or waiting, by license, person and status (rule 10). */
export function SubmissionsPage() {
  const [params, setParams] = useSearchParams();
  const session = useSession().data;
  const isManager = hasRole(session, 'manager');
  const licenses = useLicenses();
  // Staff may not list members (GET /api/users is manager+): their filter offers themselves.
  const members = useMembers({ enabled: isManager });
  const people = isManager
    ? (members.data ?? []).map((m) => ({ id: m.id, name: m.name }))
    : session?.user
      ? [{ id: session.user.id, name: `${session.user.name} (you)` }]
      : [];
  const set = (key: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const submissions = useSubmissions(filterOf(params));
  const openId = params.get('open') ? Number(params.get('open')) : null;
  const detail = useSubmission(openId);
  const numbers = new Map((licenses.data ?? []).map((l) => [l.id, l.number]));
  const names = new Map(people.map((m) => [m.id, m.name]));
  const list = submissions.data?.submissions ?? [];
  const overdueAfterMs = submissions.data?.overdueAfterMs;
  const view = (params.get('view') ?? 'all') as View;
  return (
    <Page
      title="Metrc Submissions"
      intro="Every report Tracegate sends to Metrc, with Metrc's answer."
    >
      <SegmentedControl
        aria-label="View"
        w="fit-content"
        value={view}
        onChange={(value) => set('view', value === 'all' ? null : value)}
        data={VIEWS.map((v) => ({ ...v }))}
      />
      {view === 'overdue' && overdueAfterMs !== undefined && (
        <Text size="sm" c="dimmed" data-testid="overdue-age">
          Still waiting to be sent {durationText(overdueAfterMs)} after they were recorded.
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label="License"
          clearable
          placeholder="All licenses"
          data={(licenses.data ?? []).map((l) => ({ value: l.number, label: l.number }))}
          value={params.get('license')}
          onChange={(value) => set('license', value)}
        />
        <Select
          label="User"
          clearable
          placeholder="Everyone"
          data={people.map((m) => ({ value: String(m.id), label: m.name }))}
          value={params.get('user')}
          onChange={(value) => set('user', value)}
        />
        <Select
          label="Status"
          clearable
          disabled={view !== 'all'}
          placeholder="Any status"
          data={[...STATUSES]}
          value={params.get('status')}
          onChange={(value) => set('status', value)}
        />
      </SimpleGrid>
      <ErrorAlert error={submissions.error} />
      {submissions.isPending && <Loader aria-label="Loading" />}
      {submissions.data && list.length === 0 && <Text>No submission matches.</Text>}
      {list.length > 0 && (
        <ScrollRegion label="Submissions">
          <Table striped miw={760}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Happened</Table.Th>
                <Table.Th>License</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>By</Table.Th>
                <Table.Th>Key</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Detail</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((s) => (
                <Table.Tr key={s.id} data-submission={s.id} data-status={s.status}>
                  <Table.Td>{new Date(s.occurredAt).toLocaleString()}</Table.Td>
                  <Table.Td>{numbers.get(s.licenseId) ?? s.licenseId}</Table.Td>
                  <Table.Td>{s.kind}</Table.Td>
                  <Table.Td>
                    {s.actorUserId === null ? '—' : (names.get(s.actorUserId) ?? s.actorUserId)}
                  </Table.Td>
                  <Table.Td>{attributionText(s)}</Table.Td>
                  <Table.Td>
                    <Badge
                      color={STATUS_COLOR[s.status] ?? 'gray'}
                      c={s.status === 'held' ? 'dark' : undefined}
                    >
                      {s.status}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="light" onClick={() => set('open', String(s.id))}>
                      Open<VisuallyHidden> submission {s.id}</VisuallyHidden>
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
      <Drawer
        opened={openId !== null}
        onClose={() => set('open', null)}
        position="right"
        size="lg"
        title={`Submission ${openId ?? ''}`}
      >
        <ErrorAlert error={detail.error} />
        {detail.isPending && <Loader aria-label="Loading" />}
        {detail.data && (
          <>
            <SubmissionFacts submission={detail.data} />
            <SubmissionActions
              key={detail.data.id}
              submission={detail.data}
              isManager={isManager}
              isAdmin={hasRole(session, 'admin')}
            />
          </>
        )}
      </Drawer>
    </Page>
  );
}
