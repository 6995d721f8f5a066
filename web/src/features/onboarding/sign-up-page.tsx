import {
  Alert,
  Anchor,
  Button,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../../api/index.ts';
import { ErrorAlert, StateSelect } from '../../components/index.ts';
import { useSignIn } from '../session/session-api.ts';

/**
 * Sign-up with a Metrc key (rule 11): the organization exists only if the key holds an active
 * license; then the person is signed in and shown what their license type can do.
 */
export function SignUpPage() {
  const navigate = useNavigate();
  const open = useQuery({
    queryKey: ['signup-open'],
    queryFn: () => unwrap(api.GET('/api/signup')),
  });
  const signIn = useSignIn();
  const [form, setForm] = useState({
    organization: '',
    name: '',
    email: '',
    password: '',
    apiKey: '',
  });
  const [state, setState] = useState<string | null>(null);
  const set = (field: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setForm((now) => ({ ...now, [field]: e.currentTarget.value }));
  const signUp = useMutation({
    mutationFn: async () => {
      await unwrap(
        api.POST('/api/signup', {
          body: {
            ...form,
            apiKey: form.apiKey.trim(),
            state: state ?? '',
            environment: 'production',
          },
        }),
      );
      await signIn.mutateAsync({ email: form.email, password: form.password });
    },
    onSuccess: () => navigate('/welcome'),
  });
  return (
    <Stack maw={520} mx="auto" mt="xl" px="md" component="main">
      <Title order={1}>Sign up with your Metrc key</Title>
      <Text>
        Your key proves your organization holds an active license, and tells Tracegate which type,
        so you see only what your license can do.
      </Text>
      {open.data?.open === false && (
        <Alert color="yellow">Sign-up is closed here. Ask the operator of this Tracegate.</Alert>
      )}
      <Paper withBorder p="lg" radius="md">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            signUp.mutate();
          }}
        >
          <Stack>
            <TextInput
              label="Organization"
              required
              value={form.organization}
              onChange={set('organization')}
            />
            <TextInput
              label="Your name"
              required
              autoComplete="name"
              value={form.name}
              onChange={set('name')}
            />
            <TextInput
              label="E-mail"
              type="email"
              required
              autoComplete="email"
              value={form.email}
              onChange={set('email')}
            />
            <PasswordInput
              label="Password"
              description="At least 12 characters."
              required
              autoComplete="new-password"
              value={form.password}
              onChange={set('password')}
            />
            <StateSelect value={state} onChange={setState} />
            <PasswordInput
              label="Metrc API key"
              description="In Metrc: your name (top right) → API Keys."
              required
              autoComplete="off"
              value={form.apiKey}
              onChange={set('apiKey')}
            />
            <ErrorAlert error={signUp.error} title="Nothing was created" />
            <Button
              type="submit"
              loading={signUp.isPending}
              disabled={!state || open.data?.open === false}
            >
              Verify key and sign up
            </Button>
          </Stack>
        </form>
      </Paper>
      <Text size="sm">
        Already have an account?{' '}
        <Anchor component={Link} to="/sign-in">
          Sign in
        </Anchor>
      </Text>
    </Stack>
  );
}
