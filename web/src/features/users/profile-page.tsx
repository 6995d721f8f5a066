import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { KeyInput } from '../../api/index.ts';
import {
  ErrorAlert,
  KeyField,
  KeyStatusBadge,
  Page,
  StateSelect,
  stateName,
} from '../../components/index.ts';
import { useCreateCredential, useCredentials } from '../credentials/index.ts';
import { ChangePasswordPage, useSession } from '../session/index.ts';
import { personalKeysOf } from './users-api.ts';

/** Everyone sets their own key here (rule 7), so their actions are reported under their name. */
export function ProfilePage() {
  const session = useSession().data;
  const credentials = useCredentials();
  const create = useCreateCredential();
  const [state, setState] = useState<string | null>(null);
  const [key, setKey] = useState<KeyInput | null>(null);
  const me = session?.user;
  const mine = me ? personalKeysOf(credentials.data, me.id) : [];
  return (
    <Page
      title="Your profile"
      intro={me ? `${me.name} · ${me.email} · ${session?.role}` : undefined}
    >
      <Title order={2} size="h4">
        Your own Metrc keys
      </Title>
      {mine.length === 0 && <Text>You have no key of your own yet.</Text>}
      {mine.map((k) => (
        <Group key={k.id} gap="xs">
          <Anchor component={Link} to={`/credentials/${k.id}`}>
            {stateName(k.state)} {k.fingerprint}
          </Anchor>
          <KeyStatusBadge status={k.status} expiresSoon={k.expiresSoon} />
        </Group>
      ))}
      <Paper withBorder p="lg" radius="md" maw={640}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (state && key && me) create.mutate({ state, kind: 'user', ownerUserId: me.id, key });
          }}
        >
          <Stack>
            <Title order={3} size="h5">
              Set your own key
            </Title>
            <StateSelect value={state} onChange={setState} />
            <KeyField onChange={setKey} label="Your Metrc API key" />
            <ErrorAlert error={create.error} title="Nothing was saved" />
            {create.isSuccess && <Text c="green">Saved: your key is verified.</Text>}
            <Button type="submit" disabled={!state || !key} loading={create.isPending}>
              Verify &amp; Save
            </Button>
          </Stack>
        </form>
      </Paper>
      <ChangePasswordPage forced={false} />
    </Page>
  );
}
