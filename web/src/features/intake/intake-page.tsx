import { Alert, Button, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api, isApiError, type KeyInput, unwrap } from '../../api/index.ts';
import { ErrorAlert, KeyField, stateName } from '../../components/index.ts';

/** Why a link cannot be used, in words (the codes are INTAKE_LINK_*). */
function linkProblem(error: unknown): string {
  if (isApiError(error, 'INTAKE_LINK_USED')) {
    return 'This link has already been used: a key was saved through it. Ask your admin for a new link if you need to change your key.';
  }
  if (isApiError(error, 'INTAKE_LINK_EXPIRED')) {
    return 'This link has expired: links work for 24 hours. Ask your admin for a new one.';
  }
  return 'This link is not valid: it may have been revoked or mistyped. Ask your admin for a new one.';
}

/**
 * The page a one-time key link opens (rule 13): no account needed, the link is the permission.
 * Paste or photograph the key, Verify & Save, and the link is spent.
 */
export function IntakePage() {
  const token = useParams().token ?? '';
  const [key, setKey] = useState<KeyInput | null>(null);
  const link = useQuery({
    queryKey: ['intake', token],
    queryFn: () => unwrap(api.GET('/api/intake/{token}', { params: { path: { token } } })),
    retry: false,
  });
  const submit = useMutation({
    mutationFn: (input: KeyInput) =>
      unwrap(api.POST('/api/intake/{token}', { params: { path: { token } }, body: input })),
  });
  return (
    <Stack maw={520} mx="auto" mt="xl" px="md" component="main">
      <Title order={1}>Enter your Metrc key</Title>
      {link.isPending && <Loader aria-label="Loading" />}
      {link.error && (
        <Alert color="red" title="This link cannot be used" role="alert">
          {linkProblem(link.error)}
        </Alert>
      )}
      {submit.isSuccess && (
        <Alert color="green" title="Saved" role="status">
          Metrc accepted your key ({submit.data.fingerprint}) and it is saved. This link is now
          spent; you can close this page.
        </Alert>
      )}
      {link.data && !submit.isSuccess && (
        <Paper withBorder p="lg" radius="md">
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (key) submit.mutate(key);
            }}
          >
            <Stack>
              <Text>
                {link.data.organization} asks <strong>{link.data.person}</strong> to enter their own
                Metrc key for {stateName(link.data.state)}, so what you do is reported under your
                name. The link works once, until {new Date(link.data.expiresAt).toLocaleString()}.
              </Text>
              <KeyField onChange={setKey} label="Your Metrc API key" />
              <ErrorAlert
                error={submit.error}
                title={
                  isApiError(submit.error) && submit.error.status === 410
                    ? 'This link cannot be used'
                    : 'Nothing was saved'
                }
              />
              <Button type="submit" disabled={!key} loading={submit.isPending}>
                Verify &amp; Save
              </Button>
            </Stack>
          </form>
        </Paper>
      )}
    </Stack>
  );
}
