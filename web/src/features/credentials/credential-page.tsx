import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { type Credential, isApiError, type Session } from '../../api/index.ts';
import {
  ErrorAlert,
  KeyStatusBadge,
  Page,
  SectionMatrix,
  stateName,
} from '../../components/index.ts';
import { hasRole, useSession } from '../session/index.ts';
import {
  ChangeKeyDialog,
  ChangeLicensesDialog,
  DeleteCredentialDialog,
} from './credential-dialogs.tsx';
import { useCredential, useReverify } from './credentials-api.ts';

/** Admins set any key; everyone their own; managers only look (rule 7). */
export function maySetKey(session: Session | null | undefined, credential: Credential): boolean {
  if (!session) return false;
  if (session.role === 'admin') return true;
  return credential.kind === 'user' && credential.ownerUserId === session.user?.id;
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </Stack>
  );
}

export function CredentialPage() {
  const id = Number(useParams().id);
  const session = useSession().data;
  const query = useCredential(id);
  const reverify = useReverify(id);
  // `?change=key` (the Home banner's one action) opens the new-key dialog straight away.
  const [params] = useSearchParams();
  const [dialog, setDialog] = useState<'key' | 'licenses' | 'delete' | null>(
    params.get('change') === 'key' ? 'key' : null,
  );
  if (query.isPending) return <Loader aria-label="Loading" />;
  if (isApiError(query.error, 'NOT_FOUND')) {
    return (
      <Page title="No such key" intro="It may have been deleted, or it belongs to someone else.">
        <Anchor component={Link} to="/credentials">
          ← All keys
        </Anchor>
      </Page>
    );
  }
  if (query.error) return <ErrorAlert error={query.error} />;
  const credential = query.data;
  const mayEdit = maySetKey(session, credential);
  const close = () => setDialog(null);
  return (
    <Page
      title={`${credential.kind === 'facility' ? 'Facility key' : 'Personal key'} ${credential.fingerprint}`}
      intro={`${stateName(credential.state)} · the key itself is never shown again.`}
    >
      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 2, sm: 4 }} component="dl" m={0}>
          <Fact label="Status">
            <KeyStatusBadge status={credential.status} expiresSoon={credential.expiresSoon} />
          </Fact>
          <Fact label="Fingerprint">{credential.fingerprint}</Fact>
          <Fact label="Age">{credential.keyAgeDays} days</Fact>
          <Fact label="Last verified">
            {credential.lastVerifiedAt
              ? new Date(credential.lastVerifiedAt).toLocaleString()
              : 'never'}
          </Fact>
        </SimpleGrid>
      </Paper>
      {credential.diagnosis && credential.status !== 'valid' && (
        <Alert color="red" title="Why this key stopped working">
          {credential.diagnosis.message}
        </Alert>
      )}
      <Group gap="xs">
        {mayEdit && <Button onClick={() => setDialog('key')}>Change key</Button>}
        {mayEdit && credential.kind === 'facility' && (
          <Button variant="default" onClick={() => setDialog('licenses')}>
            Change licenses
          </Button>
        )}
        {hasRole(session, 'manager') && (
          <Button variant="default" loading={reverify.isPending} onClick={() => reverify.mutate()}>
            Verify again now
          </Button>
        )}
        {mayEdit && (
          <Button color="red" variant="light" onClick={() => setDialog('delete')}>
            Delete
          </Button>
        )}
      </Group>
      <ErrorAlert error={reverify.error} />
      <Title order={2} size="h4">
        Licenses
      </Title>
      <Stack gap={2} component="ul" pl="md" m={0}>
        {credential.licenses.map((l) => (
          <Text component="li" key={l.id}>
            {l.number} · {l.name}
          </Text>
        ))}
        {credential.licenses.length === 0 && <Text c="dimmed">No license.</Text>}
      </Stack>
      <Title order={2} size="h4">
        What this key may do, per license and section
      </Title>
      {credential.report ? (
        <SectionMatrix report={credential.report} />
      ) : (
        <Text c="dimmed">Not verified yet.</Text>
      )}
      <Anchor component={Link} to="/credentials">
        ← All keys
      </Anchor>
      {mayEdit && dialog === 'key' && (
        <ChangeKeyDialog credential={credential} opened onClose={close} />
      )}
      {mayEdit && dialog === 'licenses' && (
        <ChangeLicensesDialog credential={credential} opened onClose={close} />
      )}
      {mayEdit && dialog === 'delete' && (
        <DeleteCredentialDialog credential={credential} opened onClose={close} />
      )}
    </Page>
  );
}
