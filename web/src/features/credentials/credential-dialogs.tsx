import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Credential, KeyInput } from '../../api/index.ts';
import { ErrorAlert, KeyField } from '../../components/index.ts';
import { useDeleteCredential, useUpdateCredential } from './credentials-api.ts';
import { LicensePicker } from './license-picker.tsx';

type DialogProps = { credential: Credential; opened: boolean; onClose: () => void };

/** A new key replaces the old one everywhere it was used (rule 5), once Metrc accepts it. */
export function ChangeKeyDialog({ credential, opened, onClose }: DialogProps) {
  const update = useUpdateCredential(credential.id);
  const [key, setKey] = useState<KeyInput | null>(null);
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={opened}
      onClose={onClose}
      title="Change the key"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (key) update.mutate({ key }, { onSuccess: onClose });
        }}
      >
        <Stack>
          <Text size="sm">
            The new key is checked against every license of this credential before it replaces the
            old one.
          </Text>
          <KeyField onChange={setKey} label="New Metrc API key" />
          <ErrorAlert error={update.error} title="Nothing was changed" />
          <Button type="submit" disabled={!key} loading={update.isPending}>
            Verify &amp; Save
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}

export function ChangeLicensesDialog({ credential, opened, onClose }: DialogProps) {
  const update = useUpdateCredential(credential.id);
  const [licenses, setLicenses] = useState(credential.licenses.map((l) => l.number));
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={opened}
      onClose={onClose}
      title="Change the licenses"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          update.mutate({ licenseNumbers: licenses }, { onSuccess: onClose });
        }}
      >
        <Stack>
          <LicensePicker
            state={credential.state}
            value={licenses}
            onChange={setLicenses}
            credentialId={credential.id}
          />
          <ErrorAlert error={update.error} title="Nothing was changed" />
          <Button type="submit" disabled={licenses.length === 0} loading={update.isPending}>
            Verify &amp; Save
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}

/** Deleting destroys the key for good, so the person types its last four characters (rule 2). */
export function DeleteCredentialDialog({ credential, opened, onClose }: DialogProps) {
  const remove = useDeleteCredential(credential.id);
  const navigate = useNavigate();
  const [typed, setTyped] = useState('');
  const expected = credential.fingerprint.replace(/^…/, '');
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={opened}
      onClose={onClose}
      title="Delete this key?"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          remove.mutate(typed, { onSuccess: () => navigate('/credentials') });
        }}
      >
        <Stack>
          <Text size="sm">
            The key ending in <strong>{expected}</strong> is destroyed for good.{' '}
            {credential.kind === 'facility'
              ? `${credential.licenses.length} license(s) stop syncing with the state until a new key is entered.`
              : 'Actions by its owner will no longer be reported under their own name.'}
          </Text>
          <TextInput
            label="Type the last four characters of the key to confirm"
            autoComplete="off"
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value.trim())}
          />
          <ErrorAlert error={remove.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Keep it
            </Button>
            <Button
              type="submit"
              color="red"
              disabled={typed !== expected}
              loading={remove.isPending}
            >
              Delete the key
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
