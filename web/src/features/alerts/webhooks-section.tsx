import {
  Alert,
  Button,
  Checkbox,
  Code,
  Group,
  Loader,
  Modal,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ErrorAlert, ScrollRegion } from '../../components/index.ts';
import {
  useAddWebhookEndpoint,
  useDeleteWebhookEndpoint,
  useRotateWebhookSecret,
  useWebhookEndpoints,
  type WebhookEndpoint,
} from './alerts-api.ts';

/** The signing secret, shown this once (create, rotate): the receiver needs it to verify. */
function SecretOnce({ secret, onDone }: { secret: string; onDone: () => void }) {
  return (
    <Alert color="green" title="Copy the signing secret now" role="status">
      <Stack gap="xs">
        <Text size="sm">It is shown only this once; afterwards only its fingerprint.</Text>
        <Code block data-testid="webhook-secret">
          {secret}
        </Code>
        <Button size="xs" w="fit-content" onClick={onDone}>
          I have copied it
        </Button>
      </Stack>
    </Alert>
  );
}

function AddEndpointForm({ onSecret }: { onSecret: (secret: string) => void }) {
  const add = useAddWebhookEndpoint();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [onResolve, setOnResolve] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      { url, description: description || undefined, onResolve },
      {
        onSuccess: (created) => {
          setUrl('');
          setDescription('');
          onSecret(created.secret);
        },
      },
    );
  };
  return (
    <form onSubmit={submit} aria-label="Add a webhook endpoint">
      <Stack gap="xs" maw={560}>
        <TextInput
          label="Endpoint URL"
          required
          type="url"
          placeholder="https://example.com/tracegate-webhook"
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
        />
        <TextInput
          label="Description"
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
        <Checkbox
          label="Also tell it when an alert resolves"
          checked={onResolve}
          onChange={(e) => setOnResolve(e.currentTarget.checked)}
        />
        <ErrorAlert error={add.error} />
        <Button type="submit" w="fit-content" loading={add.isPending}>
          Add endpoint
        </Button>
      </Stack>
    </form>
  );
}

function EndpointRow({
  endpoint,
  onSecret,
}: {
  endpoint: WebhookEndpoint;
  onSecret: (secret: string) => void;
}) {
  const rotate = useRotateWebhookSecret();
  const remove = useDeleteWebhookEndpoint();
  const [confirming, setConfirming] = useState(false);
  return (
    <Table.Tr data-endpoint={endpoint.url}>
      <Table.Td>
        <Text size="sm" style={{ wordBreak: 'break-all' }}>
          {endpoint.url}
        </Text>
        {endpoint.description && <Text size="xs">{endpoint.description}</Text>}
      </Table.Td>
      <Table.Td>
        <Code>{endpoint.secretFingerprint}</Code>
      </Table.Td>
      <Table.Td>{endpoint.enabled ? 'On' : 'Off'}</Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Button
            size="xs"
            variant="light"
            loading={rotate.isPending}
            aria-label={`Rotate secret: ${endpoint.url}`}
            onClick={() => rotate.mutate(endpoint.id, { onSuccess: (r) => onSecret(r.secret) })}
          >
            Rotate secret
          </Button>
          <Button
            size="xs"
            color="red"
            variant="light"
            aria-label={`Delete: ${endpoint.url}`}
            onClick={() => setConfirming(true)}
          >
            Delete
          </Button>
        </Group>
        <ErrorAlert error={rotate.error ?? remove.error} />
        <Modal opened={confirming} onClose={() => setConfirming(false)} title="Delete endpoint?">
          <Stack>
            <Text size="sm">{endpoint.url} will no longer be told of alerts.</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(false)}>
                Keep it
              </Button>
              <Button
                color="red"
                loading={remove.isPending}
                onClick={() =>
                  remove.mutate(endpoint.id, { onSuccess: () => setConfirming(false) })
                }
              >
                Delete endpoint
              </Button>
            </Group>
          </Stack>
        </Modal>
      </Table.Td>
    </Table.Tr>
  );
}

/** Webhook endpoints (admins): signed per Standard Webhooks with a secret shown once. */
export function WebhooksSection() {
  const endpoints = useWebhookEndpoints(true);
  const [secret, setSecret] = useState<string | null>(null);
  const list = endpoints.data ?? [];
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        Webhook endpoints
      </Title>
      {secret && <SecretOnce secret={secret} onDone={() => setSecret(null)} />}
      <ErrorAlert error={endpoints.error} />
      {endpoints.isPending && <Loader aria-label="Loading" />}
      {endpoints.data && list.length === 0 && <Text size="sm">No endpoint yet.</Text>}
      {list.length > 0 && (
        <ScrollRegion label="Webhook endpoints">
          <Table miw={560}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>URL</Table.Th>
                <Table.Th>Secret fingerprint</Table.Th>
                <Table.Th>Enabled</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((endpoint) => (
                <EndpointRow key={endpoint.id} endpoint={endpoint} onSecret={setSecret} />
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
      <AddEndpointForm onSecret={setSecret} />
    </Stack>
  );
}
