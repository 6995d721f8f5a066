import { Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useSignIn } from './session-api.ts';

export function SignInPage() {
  const signIn = useSignIn();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const next = params.get('next');
  return (
    <Stack maw={420} mx="auto" mt="xl" px="md">
      <Title order={1}>Sign in to Tracegate</Title>
      <Paper withBorder p="lg" radius="md">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            signIn.mutate(
              { email, password },
              { onSuccess: () => navigate(next?.startsWith('/') ? next : '/') },
            );
          }}
        >
          <Stack>
            <TextInput
              label="E-mail"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <ErrorAlert error={signIn.error} />
            <Button type="submit" loading={signIn.isPending}>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
      <Text size="sm">
        New to Tracegate?{' '}
        <Anchor component={Link} to="/sign-up">
          Sign up with your Metrc key
        </Anchor>
      </Text>
    </Stack>
  );
}
