import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A page: one h1, an optional sentence saying what it is for, then its content. */
export function Page({
  title,
  intro,
  actions,
  children,
}: {
  title: string;
  intro?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {title}
        </Title>
        {intro && <Text c="dimmed">{intro}</Text>}
      </Stack>
      {actions}
      {children}
    </Stack>
  );
}
