import { Alert, Button, Paper, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { KeyInput } from '../../api/index.ts';
import { ErrorAlert, KeyField, Page, StateSelect } from '../../components/index.ts';
import { hasRole, useSession } from '../session/index.ts';
import { useCreateCredential } from './credentials-api.ts';
import { LicensePicker } from './license-picker.tsx';

/** Add a key: state → licenses → paste or photograph the key → Verify & Save (rule 3). */
export function NewCredentialPage() {
  const session = useSession().data;
  const isAdmin = hasRole(session, 'admin');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const create = useCreateCredential();
  const [state, setState] = useState<string | null>(params.get('state'));
  const [kind, setKind] = useState<'facility' | 'user'>(isAdmin ? 'facility' : 'user');
  const [licenses, setLicenses] = useState<string[]>(params.getAll('license'));
  const [key, setKey] = useState<KeyInput | null>(null);
  const ready = state !== null && key !== null && (kind === 'user' || licenses.length > 0);
  return (
    <Page
      title="Add a Metrc key"
      intro="The key is saved only if Metrc accepts it for every license you tick. Otherwise nothing is saved and you are told which license failed."
    >
      <Paper withBorder p="lg" radius="md" maw={640}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!ready || !state || !key) return;
            create.mutate(
              {
                state,
                kind,
                key,
                licenseNumbers: kind === 'facility' || licenses.length > 0 ? licenses : undefined,
              },
              { onSuccess: (saved) => navigate(`/credentials/${saved.id}`) },
            );
          }}
        >
          <Stack>
            <StateSelect value={state} onChange={setState} />
            {isAdmin && (
              <Radio.Group
                label="Whose key is it?"
                value={kind}
                onChange={(value) => setKind(value as 'facility' | 'user')}
              >
                <Stack gap={6} mt={6}>
                  <Radio value="facility" label="The licenses' facility key (used to sync)" />
                  <Radio value="user" label="My own key (my actions are reported under it)" />
                </Stack>
              </Radio.Group>
            )}
            {!isAdmin && (
              <Text size="sm">
                You are adding your own key: what you do is reported to Metrc under your name.
              </Text>
            )}
            {state && <LicensePicker state={state} value={licenses} onChange={setLicenses} />}
            <KeyField onChange={setKey} />
            <ErrorAlert error={create.error} title="Nothing was saved" />
            {create.isPending && <Alert color="blue">Asking Metrc about every section…</Alert>}
            <Button type="submit" disabled={!ready} loading={create.isPending}>
              Verify &amp; Save
            </Button>
          </Stack>
        </form>
      </Paper>
    </Page>
  );
}
