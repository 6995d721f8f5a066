import {
  Badge,
  Button,
  Group,
  Loader,
  SegmentedControl,
  Select,
  SimpleGrid,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useSearchParams } from 'react-router';
import { ErrorAlert, Page, ScrollRegion } from '../../components/index.ts';
import { useLicenses } from '../licenses/index.ts';
import {
  dayFromToday,
  type MirroredPackage,
  type PackageFilter,
  usePackages,
} from './inventory-api.ts';
import { InventorySummary } from './inventory-summary.tsx';

const PAGE_SIZE = 50;
/** "Expiring soon" is the next 30 days, as the per-license summary counts it. */
const SOON_DAYS = 30;
const STATUSES = ['active', 'onhold', 'inactive', 'intransit'] as const;
const STATUS_LABELS: Record<(typeof STATUSES)[number], string> = {
  active: 'Active',
  onhold: 'On hold',
  inactive: 'Inactive',
  intransit: 'In transit',
};
const TEXT_FILTERS = [
  ['itemName', 'Item'],
  ['category', 'Category'],
  ['locationName', 'Location'],
  ['label', 'Package tag'],
] as const;

function expiryOf(pkg: MirroredPackage, soon: string) {
  if (!pkg.expirationDate) return null;
  const day = pkg.expirationDate.slice(0, 10);
  const expired = day < dayFromToday(0);
  const expiring = day < soon;
  return (
    <Group gap={4} wrap="nowrap">
      <Text size="sm">{day}</Text>
      {(expired || expiring) && (
        <Badge color={expired ? 'red' : 'yellow'} c={expired ? undefined : 'dark'} size="sm">
          {expired ? 'Expired' : 'Expiring soon'}
        </Badge>
      )}
    </Group>
  );
}

/** The mirrored inventory: every package Metrc has, filtered; an "expiring soon" view. */
export function InventoryPage() {
  const [params, setParams] = useSearchParams();
  const licenses = useLicenses();
  const set = (key: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        if (key !== 'offset') next.delete('offset');
        return next;
      },
      { replace: true },
    );
  const view = params.get('view') === 'expiring' ? 'expiring' : 'all';
  const soon = dayFromToday(SOON_DAYS);
  const licenseId = params.get('license') ? Number(params.get('license')) : undefined;
  const offset = Number(params.get('offset') ?? 0);
  const status = params.get('status') as PackageFilter['status'] | null;
  const filter: PackageFilter = {
    limit: PAGE_SIZE,
    offset,
    ...(licenseId ? { licenseId } : {}),
    ...(status ? { status } : {}),
    ...Object.fromEntries(
      TEXT_FILTERS.map(([key]) => [key, params.get(key) || undefined]).filter(([, v]) => v),
    ),
    ...(view === 'expiring' || params.get('expiringBefore')
      ? { expiringBefore: params.get('expiringBefore') || soon }
      : {}),
  };
  const packages = usePackages(filter);
  const total = packages.data?.total ?? 0;
  const list = packages.data?.packages ?? [];
  const license = licenses.data?.find((l) => l.id === licenseId);
  return (
    <Page title="Inventory" intro="Packages as last pulled from Metrc.">
      <SegmentedControl
        aria-label="View"
        w="fit-content"
        value={view}
        onChange={(value) => set('view', value === 'expiring' ? 'expiring' : null)}
        data={[
          { value: 'all', label: 'All packages' },
          { value: 'expiring', label: `Expiring within ${SOON_DAYS} days` },
        ]}
      />
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        <Select
          label="License"
          clearable
          placeholder="All licenses"
          data={(licenses.data ?? []).map((l) => ({ value: String(l.id), label: l.number }))}
          value={licenseId ? String(licenseId) : null}
          onChange={(value) => set('license', value)}
        />
        <Select
          label="Status"
          clearable
          placeholder="Any status"
          data={STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
          value={status}
          onChange={(value) => set('status', value)}
        />
        {TEXT_FILTERS.map(([key, text]) => (
          <TextInput
            key={key}
            label={text}
            defaultValue={params.get(key) ?? ''}
            onBlur={(e) => set(key, e.currentTarget.value.trim() || null)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') set(key, e.currentTarget.value.trim() || null);
            }}
          />
        ))}
        <TextInput
          label="Expiring before"
          type="date"
          value={params.get('expiringBefore') ?? ''}
          onChange={(e) => set('expiringBefore', e.currentTarget.value || null)}
        />
      </SimpleGrid>
      {license && <InventorySummary licenseId={license.id} number={license.number} />}
      <ErrorAlert error={packages.error} />
      {packages.isPending && <Loader aria-label="Loading" />}
      {packages.data && (
        <Text size="sm" role="status">
          {total === 0
            ? 'No package matches.'
            : `${offset + 1}–${offset + list.length} of ${total} packages`}
        </Text>
      )}
      {list.length > 0 && (
        <ScrollRegion label="Packages">
          <Table miw={760} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Package tag</Table.Th>
                <Table.Th>Item</Table.Th>
                <Table.Th>Category</Table.Th>
                <Table.Th>Location</Table.Th>
                <Table.Th>Quantity</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Expires</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((pkg) => (
                <Table.Tr key={pkg.id} data-package={pkg.label}>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {pkg.label}
                    </Text>
                  </Table.Td>
                  <Table.Td>{pkg.itemName ?? '—'}</Table.Td>
                  <Table.Td>{pkg.category ?? '—'}</Table.Td>
                  <Table.Td>{pkg.locationName ?? '—'}</Table.Td>
                  <Table.Td>
                    {pkg.quantity ?? '—'} {pkg.unit ?? ''}
                  </Table.Td>
                  <Table.Td>{pkg.status}</Table.Td>
                  <Table.Td>{expiryOf(pkg, soon) ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
      {total > PAGE_SIZE && (
        <Group>
          <Button
            variant="default"
            disabled={offset === 0}
            onClick={() => set('offset', String(Math.max(0, offset - PAGE_SIZE)))}
          >
            Previous page
          </Button>
          <Button
            variant="default"
            disabled={offset + PAGE_SIZE >= total}
            onClick={() => set('offset', String(offset + PAGE_SIZE))}
          >
            Next page
          </Button>
        </Group>
      )}
    </Page>
  );
}
