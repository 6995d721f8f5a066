import { Alert, Code, Text } from '@mantine/core';
import { isApiError } from '../api/index.ts';

/** The API's message in words, with its stable code for support. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  return (
    <Alert color="red" title={title ?? 'That did not work'} role="alert">
      <Text size="sm">{message}</Text>
      {isApiError(error) && (
        <Text size="xs" c="dimmed" mt={4}>
          Code <Code>{error.code}</Code>
        </Text>
      )}
    </Alert>
  );
}
