import { Select } from '@mantine/core';
import { useNavigate } from 'react-router';
import type { Session } from '../../api/index.ts';
import { useMyOrganizations, useSwitchOrganization } from './session-api.ts';

/** Shown only to people who belong to more than one organization. */
export function OrganizationSwitcher({ session }: { session: Session }) {
  const organizations = useMyOrganizations(session.via === 'session');
  const switchTo = useSwitchOrganization();
  const navigate = useNavigate();
  const list = organizations.data?.organizations ?? [];
  if (list.length < 2) return null;
  return (
    <Select
      aria-label="Organization"
      size="xs"
      w={200}
      allowDeselect={false}
      value={session.organization.slug}
      data={list.map((o) => ({ value: o.slug, label: `${o.name} (${o.role})` }))}
      onChange={(slug) => {
        if (slug && slug !== session.organization.slug) {
          switchTo.mutate(slug, { onSuccess: () => navigate('/') });
        }
      }}
    />
  );
}
