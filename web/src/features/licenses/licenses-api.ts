import { useQuery } from '@tanstack/react-query';
import { api, type License, unwrap } from '../../api/index.ts';
import type { Light } from '../../components/index.ts';

export const LICENSES_KEY = ['licenses'] as const;

export function useLicenses() {
  return useQuery({
    queryKey: LICENSES_KEY,
    queryFn: async () => (await unwrap(api.GET('/api/licenses'))).licenses,
  });
}

/** Green: syncing on a verified key; red: its key was refused; amber: anything else to do. */
export function licenseLight(license: License): Light {
  const status = license.sync.keyStatus;
  if (status === 'invalid' || status === 'expired') return 'red';
  if (license.sync.syncing && status === 'valid') return 'green';
  return 'amber';
}

/** What a license type can do, in the console's words (Metrc's FacilityType flags). */
export const FEATURE_LABELS: Record<keyof License['features'], string> = {
  plants: 'Plants',
  harvests: 'Harvests',
  packages: 'Packages',
  manufacturing: 'Manufacturing',
  sales: 'Sales',
  salesDelivery: 'Sales delivery',
  transfers: 'Transfers',
  labTesting: 'Lab testing',
  patients: 'Patients',
  processingJobs: 'Processing jobs',
};

/** The features any of the organization's licenses has: what the console offers at all. */
export function featuresOf(licenses: License[]): Array<keyof License['features']> {
  return (Object.keys(FEATURE_LABELS) as Array<keyof License['features']>).filter((feature) =>
    licenses.some((l) => l.features[feature]),
  );
}
