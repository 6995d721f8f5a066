import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import type { KeyInput, Member, Role } from '../../api/index.ts';
import { ErrorAlert, KeyField, StateSelect } from '../../components/index.ts';
import { useCreateCredential } from '../credentials/index.ts';
import { useAddMember, useSendIntakeLink } from './users-api.ts';

type Props = { member: Member; onClose: () => void };

/** An admin sets a staff member's own key, e.g. from a screenshot of its QR code (rule 7). */
export function SetMemberKeyDialog({ member, onClose }: Props) {
  const create = useCreateCredential();
  const [state, setState] = useState<string | null>(null);
  const [key, setKey] = useState<KeyInput | null>(null);
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened
      onClose={onClose}
      title={`Set ${member.name}'s key`}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (state && key) {
            create.mutate(
              { state, kind: 'user', ownerUserId: member.id, key },
              { onSuccess: onClose },
            );
          }
        }}
      >
        <Stack>
          <Text size="sm">What {member.name} does is then reported to Metrc under this key.</Text>
          <StateSelect value={state} onChange={setState} />
          <KeyField onChange={setKey} label={`${member.name}'s Metrc API key`} />
          <ErrorAlert error={create.error} title="Nothing was saved" />
          <Button type="submit" disabled={!state || !key} loading={create.isPending}>
            Verify &amp; Save
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}

/** Instead of collecting keys by e-mail: a link for the person to enter their own (rule 13). */
export function SendLinkDialog({ member, onClose }: Props) {
  const send = useSendIntakeLink();
  const [state, setState] = useState<string | null>(null);
  // The link is built on this console's address, whatever address the server believes it has.
  const url = send.data ? `${window.location.origin}/key/${send.data.token}` : null;
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened
      onClose={onClose}
      title={`One-time link for ${member.name}`}
    >
      <Stack>
        {!url && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (state) send.mutate({ userId: member.id, state });
            }}
          >
            <Stack>
              <Text size="sm">
                {member.name} opens the link, enters their own key, and it is saved after Metrc
                accepts it. The link works once, for 24 hours.
              </Text>
              <StateSelect value={state} onChange={setState} />
              <ErrorAlert error={send.error} />
              <Button type="submit" disabled={!state} loading={send.isPending}>
                Create the link
              </Button>
            </Stack>
          </form>
        )}
        {url && (
          <>
            <Alert color="green" title="Link created">
              Send it to {member.name} yourself (chat or text). It is shown only now.
            </Alert>
            <Code block data-testid="intake-url" style={{ wordBreak: 'break-all' }}>
              {url}
            </Code>
            <CopyButton value={url}>
              {({ copied, copy }) => (
                <Button onClick={copy} variant="default">
                  {copied ? 'Copied' : 'Copy the link'}
                </Button>
              )}
            </CopyButton>
          </>
        )}
      </Stack>
    </Modal>
  );
}

export function AddMemberDialog({ onClose }: { onClose: () => void }) {
  const add = useAddMember();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('staff');
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened
      onClose={onClose}
      title="Add a person"
    >
      {add.data ? (
        <Stack>
          <Alert color="green" title={`${add.data.user.name} was added`}>
            {add.data.oneTimePassword
              ? 'Give them this one-time password; they choose their own when they first sign in. It is shown only now.'
              : 'They sign in with their existing password.'}
          </Alert>
          {add.data.oneTimePassword && <Code block>{add.data.oneTimePassword}</Code>}
          <Button onClick={onClose}>Done</Button>
        </Stack>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            add.mutate({ email, name, role });
          }}
        >
          <Stack>
            <TextInput
              label="Name"
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
            />
            <TextInput
              label="E-mail"
              type="email"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
            <Select
              label="Role"
              allowDeselect={false}
              value={role}
              onChange={(v) => setRole((v ?? 'staff') as Role)}
              data={[
                { value: 'staff', label: 'Staff: sets their own key' },
                { value: 'manager', label: 'Manager: sees every key status' },
                { value: 'admin', label: 'Admin: sets any key, manages people' },
              ]}
            />
            <ErrorAlert error={add.error} />
            <Group justify="flex-end">
              <Button type="submit" loading={add.isPending}>
                Add
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
