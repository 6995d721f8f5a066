import { Alert, Button, Paper, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type KeyInput, unwrap } from '../../api/index.ts';
import { ErrorAlert, KeyField, Page, SectionMatrix, StateSelect } from '../../components/index.ts';
import { LicensePicker } from '../credentials/index.ts';

/**
 * See what a key may do at each license before deciding anything. Kept apart from saving, so no
 * check can overwrite a facility key by accident: the route writes nothing.
 */
export function KeyCheckPage() {
  const [state, setState] = useState<string | null>(null);
  const [licenses, setLicenses] = useState<string[]>([]);
  const [key, setKey] = useState<KeyInput | null>(null);
  const check = useMutation({
    mutationFn: (body: { state: string; licenseNumbers: string[]; key: KeyInput }) =>
      unwrap(
        api.POST('/api/credentials/check', {
          body: { state: body.state, licenseNumbers: body.licenseNumbers, ...body.key },
        }),
      ),
  });
  const report = check.data;
  return (
    <Page
      title="Check a key without saving it"
      intro="Nothing is saved and no key is replaced: this only asks Metrc what the key may do."
    >
      <Paper withBorder p="lg" radius="md" maw={640}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (state && key) check.mutate({ state, licenseNumbers: licenses, key });
          }}
        >
          <Stack>
            <StateSelect value={state} onChange={setState} />
            {state && (
              <LicensePicker state={state} value={licenses} onChange={setLicenses} checkOnly />
            )}
            <Text size="xs" c="dimmed">
              With no license chosen, every license Metrc lists for the key is checked.
            </Text>
            <KeyField onChange={setKey} />
            <ErrorAlert error={check.error} />
            <Button type="submit" disabled={!state || !key} loading={check.isPending}>
              Check the key
            </Button>
          </Stack>
        </form>
      </Paper>
      {report && !report.keyAccepted && (
        <Alert color="red" title="Metrc refused this key" role="status">
          {report.diagnosis?.message}
        </Alert>
      )}
      {report?.keyAccepted && (
        <Alert
          color={report.uncovered.length > 0 ? 'yellow' : 'green'}
          title="Checked; nothing was saved"
          role="status"
        >
          {report.uncovered.length > 0
            ? `This key does not cover ${report.uncovered.join(', ')}.`
            : `Metrc accepts this key for ${report.licenses.length} license(s).`}
        </Alert>
      )}
      {report?.keyAccepted && <SectionMatrix report={report} />}
    </Page>
  );
}
