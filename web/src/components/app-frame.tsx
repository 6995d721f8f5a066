import {
  AppShell,
  Badge,
  Burger,
  Button,
  Group,
  NavLink,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { NavLink as RouterLink } from 'react-router';

export interface NavItem {
  to: string;
  label: string;
  /** A count beside the label (open alerts); read out as "<n> open". */
  count?: number;
}

/**
 * The console's frame: a header with the organization and sign-out, navigation that folds into a
 * menu button on narrow screens (375 px), and a skip link for keyboard users.
 */
export function AppFrame({
  nav,
  headerExtra,
  onSignOut,
  children,
}: {
  nav: NavItem[];
  headerExtra?: ReactNode;
  onSignOut: () => void;
  children: ReactNode;
}) {
  const [opened, { toggle, close }] = useDisclosure();
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? 'Close navigation' : 'Open navigation'}
            />
            <Text fw={700} c="brand.8">
              Tracegate
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            {headerExtra}
            <Button variant="subtle" size="xs" onClick={onSignOut}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        {nav.map((item) => (
          <NavLink
            key={item.to}
            component={RouterLink}
            to={item.to}
            end={item.to === '/'}
            label={item.label}
            rightSection={
              item.count ? (
                <Badge color="red" size="sm" data-testid={`nav-count-${item.to.slice(1)}`}>
                  {item.count}
                  <VisuallyHidden> open</VisuallyHidden>
                </Badge>
              ) : undefined
            }
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
