/**
 * Metrc's sections (metrc-api.md §7): which path belongs to which, and the one inexpensive GET
 * that shows whether a key may use a section at a license ("green checks per section").
 */

export const METRC_SECTIONS = [
  'facilities',
  'employees',
  'strains',
  'items',
  'locations',
  'packages',
  'packageTags',
  'plants',
  'plantBatches',
  'plantTags',
  'harvests',
  'sales',
  'salesDeliveries',
  'transfers',
  'transferTemplates',
  'labTests',
  'patients',
  'processingJobs',
  'transporters',
] as const;

export type MetrcSection = (typeof METRC_SECTIONS)[number];

export interface SectionProbe {
  section: MetrcSection;
  /** As Metrc's docs and integrators name it. */
  label: string;
  path: string;
  /** Whether the probe takes `licenseNumber` (Facilities and Lab test types do not). */
  perLicense: boolean;
  /** Paged v2 list: the probe asks for one row of one page. */
  paged: boolean;
  /** Takes a lastModified window: the probe asks for the last minute only. */
  windowed: boolean;
}

const probe = (
  section: MetrcSection,
  label: string,
  path: string,
  shape: { perLicense?: boolean; paged?: boolean; windowed?: boolean } = {},
): SectionProbe => ({
  section,
  label,
  path,
  perLicense: shape.perLicense ?? true,
  paged: shape.paged ?? true,
  windowed: shape.windowed ?? true,
});

/** One cheap GET per section (metrc-api.md §7): 200 = granted, 401 = denied, 404 = not offered. */
export const SECTION_PROBES: Readonly<Record<MetrcSection, SectionProbe>> = {
  facilities: probe('facilities', 'Facilities', '/facilities/v2', {
    perLicense: false,
    paged: false,
    windowed: false,
  }),
  employees: probe('employees', 'Employees', '/employees/v2', { windowed: false }),
  strains: probe('strains', 'Strains', '/strains/v2/active'),
  items: probe('items', 'Items', '/items/v2/active'),
  locations: probe('locations', 'Locations', '/locations/v2/active'),
  packages: probe('packages', 'Packages', '/packages/v2/active'),
  packageTags: probe('packageTags', 'Package tags', '/tags/v2/package/available', {
    paged: false,
    windowed: false,
  }),
  plants: probe('plants', 'Plants', '/plants/v2/vegetative'),
  plantBatches: probe('plantBatches', 'Plant batches', '/plantbatches/v2/active'),
  plantTags: probe('plantTags', 'Plant tags', '/tags/v2/plant/available', {
    paged: false,
    windowed: false,
  }),
  harvests: probe('harvests', 'Harvests', '/harvests/v2/active'),
  sales: probe('sales', 'Sales', '/sales/v2/receipts/active'),
  salesDeliveries: probe('salesDeliveries', 'Sales deliveries', '/sales/v2/deliveries/active'),
  transfers: probe('transfers', 'Transfers', '/transfers/v2/incoming'),
  transferTemplates: probe(
    'transferTemplates',
    'Transfer templates',
    '/transfers/v2/templates/outgoing',
  ),
  labTests: probe('labTests', 'Lab tests', '/labtests/v2/types', {
    perLicense: false,
    windowed: false,
  }),
  patients: probe('patients', 'Patients', '/patients/v2/active', { windowed: false }),
  processingJobs: probe('processingJobs', 'Processing jobs', '/processing/v2/active'),
  transporters: probe('transporters', 'Transporters', '/transporters/v2/drivers', {
    windowed: false,
  }),
};

/** Longest prefix first, so `/sales/v2/deliveries` wins over `/sales`. */
const PREFIXES: readonly [string, MetrcSection][] = (
  [
    ['/facilities/', 'facilities'],
    ['/employees/', 'employees'],
    ['/strains/', 'strains'],
    ['/items/', 'items'],
    ['/locations/', 'locations'],
    ['/sublocations/', 'locations'],
    ['/packages/', 'packages'],
    ['/tags/v2/package/', 'packageTags'],
    ['/tags/v1/package/', 'packageTags'],
    ['/plants/', 'plants'],
    ['/plantbatches/', 'plantBatches'],
    ['/tags/v2/plant/', 'plantTags'],
    ['/tags/v1/plant/', 'plantTags'],
    ['/harvests/', 'harvests'],
    ['/sales/v2/deliveries', 'salesDeliveries'],
    ['/sales/v1/deliveries', 'salesDeliveries'],
    ['/sales/', 'sales'],
    ['/transfers/v2/templates', 'transferTemplates'],
    ['/transfers/', 'transfers'],
    ['/labtests/', 'labTests'],
    ['/patients/', 'patients'],
    ['/processing/', 'processingJobs'],
    ['/transporters/', 'transporters'],
  ] as [string, MetrcSection][]
).sort((a, b) => b[0].length - a[0].length);

/** The section a Metrc path belongs to, or undefined (units of measure, for instance). */
export function sectionOfPath(path: string): MetrcSection | undefined {
  const lower = `${path.toLowerCase().replace(/\/+$/, '')}/`;
  return PREFIXES.find(([prefix]) => lower.startsWith(prefix))?.[1];
}

export function sectionLabel(section: MetrcSection | undefined): string | undefined {
  return section === undefined ? undefined : SECTION_PROBES[section].label;
}
