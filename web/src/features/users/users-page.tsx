import { Badge, Button, Group, Loader, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { Member } from '../../api/index.ts';
import { ErrorAlert, KeyStatusBadge, Page } from '../../components/index.ts';
import { useCredentials } from '../credentials/index.ts';
import { hasRole, useSession } from '../session/index.ts';
import { AddMemberDialog, SendLinkDialog, SetMemberKeyDialog } from './member-dialogs.tsx';
import { personalKeysOf, useMembers } from './users-api.ts';

/** Members, roles and each one's key status; admins set keys or send one-time links. */
export function UsersPage() {
  const session = useSession().data;
  const isAdmin = hasRole(session, 'admin');
  const members = useMembers();
  const credentials = useCredentials();
  const [dialog, setDialog] = useState<{ kind: 'key' | 'link'; member: Member } | 'add' | null>(
    null,
  );
  return (
    <Page
      title="Users"
      intro="Who reports under which key. Without a key of their own, a person's actions go out under the facility key and are marked not attributed."
      actions={
        isAdmin && (
          <Button w="fit-content" onClick={() => setDialog('add')}>
            Add a person
          </Button>
        )
      }
    >
      {members.isPending && <Loader aria-label="Loading" />}
      <ErrorAlert error={members.error} />
      {members.data && (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Person</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Own key</Table.Th>
                {isAdmin && <Table.Th>Actions</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.data.map((member) => {
                const keys = personalKeysOf(credentials.data, member.id);
                return (
                  <Table.Tr key={member.id} data-member={member.email}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {member.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {member.email}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light">{member.role}</Badge>
                    </Table.Td>
                    <Table.Td>
                      {keys.length === 0 ? (
                        <Group gap={4}>
                          <KeyStatusBadge status={null} />
                          <Text size="xs">not attributed</Text>
                        </Group>
                      ) : (
                        keys.map((k) => (
                          <Group key={k.id} gap={4}>
                            <Text size="xs">
                              {k.state.toUpperCase()} {k.fingerprint}
                            </Text>
                            <KeyStatusBadge status={k.status} expiresSoon={k.expiresSoon} />
                          </Group>
                        ))
                      )}
                    </Table.Td>
                    {isAdmin && (
                      <Table.Td>
                        <Group gap={4}>
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => setDialog({ kind: 'key', member })}
                          >
                            Set key
                          </Button>
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => setDialog({ kind: 'link', member })}
                          >
                            Send one-time link
                          </Button>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {dialog === 'add' && <AddMemberDialog onClose={() => setDialog(null)} />}
      {dialog !== null && dialog !== 'add' && dialog.kind === 'key' && (
        <SetMemberKeyDialog member={dialog.member} onClose={() => setDialog(null)} />
      )}
      {dialog !== null && dialog !== 'add' && dialog.kind === 'link' && (
        <SendLinkDialog member={dialog.member} onClose={() => setDialog(null)} />
      )}
    </Page>
  );
}
