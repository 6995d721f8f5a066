import { Alert, Button, Paper, PasswordInput, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useChangePassword } from './session-api.ts';

/** Shown instead of every page while the password is a one-time one. */
export function ChangePasswordPage({ forced }: { forced: boolean }) {
  const change = useChangePassword();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [repeat, setRepeat] = useState('');
  const mismatch = repeat.length > 0 && repeat !== newPassword;
  return (
    <Stack
      maw={forced ? 460 : 640}
      mx={forced ? 'auto' : undefined}
      mt={forced ? 'xl' : undefined}
      px={forced ? 'md' : 0}
      component={forced ? 'main' : 'section'}
    >
      <Title order={forced ? 1 : 2} size={forced ? undefined : 'h4'}>
        {forced ? 'Choose your own password' : 'Change your password'}
      </Title>
      {forced && (
        <Alert color="blue" title="One more step">
          You signed in with a one-time password. Choose your own before you continue.
        </Alert>
      )}
      {change.isSuccess && !forced && <Alert color="green">Your password was changed.</Alert>}
      <Paper withBorder p="lg" radius="md">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!mismatch) change.mutate({ currentPassword, newPassword });
          }}
        >
          <Stack>
            <PasswordInput
              label={forced ? 'One-time password' : 'Current password'}
              autoComplete="current-password"
              required
              value={currentPassword}
              onChange={(e) => setCurrent(e.currentTarget.value)}
            />
            <PasswordInput
              label="New password"
              description="At least 12 characters."
              autoComplete="new-password"
              required
              value={newPassword}
              onChange={(e) => setNew(e.currentTarget.value)}
            />
            <PasswordInput
              label="Repeat the new password"
              autoComplete="new-password"
              required
              value={repeat}
              error={mismatch ? 'The two passwords differ.' : undefined}
              onChange={(e) => setRepeat(e.currentTarget.value)}
            />
            <ErrorAlert error={change.error} />
            <Button type="submit" loading={change.isPending}>
              Save password
            </Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
