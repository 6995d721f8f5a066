import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { Link } from 'react-router';
import type { License } from '../../api/index.ts';
import { ErrorAlert, LightBadge, Page, stateName } from '../../components/index.ts';
import { FEATURE_LABELS, featuresOf, licenseLight, useLicenses } from '../licenses/index.ts';
import { hasRole, useSession } from '../session/index.ts';
import { LicenseQueueFacts } from '../submissions/index.ts';

/** The one action that fixes a license that stopped syncing: a new key, or a first one. */
function fixLink(license: License): string {
  const id = license.sync.facilityCredentialId;
  return id !== null
    ? `/credentials/${id}?change=key`
    : `/credentials/new?state=${license.state}&license=${encodeURIComponent(license.number)}`;
}

/** The banner's title already says it; the reason follows. */
const withoutHeadline = (message: string) =>
  message.replace(/^We've stopped syncing with the state\.\s*/, '');

function StoppedBanner({ license, mayFix }: { license: License; mayFix: boolean }) {
  return (
    <Alert color="red" title="We've stopped syncing with the state" role="alert">
      <Stack gap="xs">
        <Text size="sm">
          <strong>
            {license.number} · {license.name}
          </strong>
          : {withoutHeadline(license.sync.message)}
        </Text>
        <Text size="sm">
          Sales and adjustments are still accepted and will be sent, with their original times, once
          a valid key is entered.
        </Text>
        {mayFix ? (
          <Button component={Link} to={fixLink(license)} color="red" w="fit-content">
            Enter a new key
          </Button>
        ) : (
          <Text size="sm">Ask an admin of your organization to enter a new key.</Text>
        )}
      </Stack>
    </Alert>
  );
}

/** Every license at a glance: green, amber or red, with its key and its queue. */
export function HomePage() {
  const session = useSession().data;
  const licenses = useLicenses();
  const list = licenses.data ?? [];
  const stopped = list.filter((l) => licenseLight(l) === 'red');
  const isAdmin = hasRole(session, 'admin');
  return (
    <Page title="Home" intro={session?.organization.name}>
      {licenses.isPending && <Loader aria-label="Loading" />}
      <ErrorAlert error={licenses.error} />
      {stopped.map((license) => (
        <StoppedBanner key={license.id} license={license} mayFix={isAdmin} />
      ))}
      {licenses.data && list.length === 0 && (
        <Card withBorder>
          <Text>
            No license yet. Add a facility key and Tracegate finds your licenses in Metrc.
          </Text>
          {isAdmin && (
            <Button component={Link} to="/credentials/new" mt="sm" w="fit-content">
              Add a facility key
            </Button>
          )}
        </Card>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {list.map((license) => {
          const light = licenseLight(license);
          return (
            <Card
              key={license.id}
              withBorder
              radius="md"
              data-license={license.number}
              data-light={light}
            >
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={0}>
                  <Title order={2} size="h5">
                    {license.number}
                  </Title>
                  <Text size="sm">{license.name}</Text>
                  <Text size="xs" c="dimmed">
                    {license.licenseType} · {stateName(license.state)}
                  </Text>
                </Stack>
                <LightBadge light={light} />
              </Group>
              <Text size="sm" mt="xs">
                {license.sync.facilityCredentialId !== null ? (
                  <Anchor component={Link} to={`/credentials/${license.sync.facilityCredentialId}`}>
                    Facility key
                  </Anchor>
                ) : (
                  'No facility key'
                )}
                {' — '}
                {license.sync.message}
              </Text>
              <LicenseQueueFacts license={license} />
            </Card>
          );
        })}
      </SimpleGrid>
      {list.length > 0 && (
        <Stack gap="xs">
          <Title order={2} size="h4">
            What your licenses can do
          </Title>
          <Group gap="xs">
            {featuresOf(list).map((feature) => (
              <Badge key={feature} variant="light">
                {FEATURE_LABELS[feature]}
              </Badge>
            ))}
          </Group>
        </Stack>
      )}
    </Page>
  );
}
