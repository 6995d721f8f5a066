import { Badge, Button, Card, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorAlert, Page, stateName } from '../../components/index.ts';
import { FEATURE_LABELS, featuresOf, useLicenses } from '../licenses/index.ts';

/** After sign-up: the license types Metrc reported, and only what they can do (rule 11). */
export function WelcomePage() {
  const licenses = useLicenses();
  const list = licenses.data ?? [];
  const features = featuresOf(list);
  return (
    <Page
      title="Welcome to Tracegate"
      intro="Your key is verified and saved. Here is what Metrc told us."
    >
      {licenses.isPending && <Loader aria-label="Loading" />}
      <ErrorAlert error={licenses.error} />
      <Title order={2} size="h4">
        Your licenses
      </Title>
      {list.map((license) => (
        <Card key={license.id} withBorder data-license={license.number}>
          <Group justify="space-between">
            <Text fw={600}>
              {license.number} · {license.name}
            </Text>
            <Badge size="lg" data-testid="license-type">
              {license.licenseType}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {stateName(license.state)}
          </Text>
        </Card>
      ))}
      <Stack gap="xs">
        <Title order={2} size="h4">
          What you can do with Tracegate
        </Title>
        <List data-testid="capabilities">
          {features.map((feature) => (
            <List.Item key={feature}>{FEATURE_LABELS[feature]}</List.Item>
          ))}
        </List>
      </Stack>
      <Button component={Link} to="/" w="fit-content">
        Go to Home
      </Button>
    </Page>
  );
}
