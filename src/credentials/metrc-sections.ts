import { type FacilityTypeFlags, PREDICTORS } from '../licenses/index.ts';

/**
 * Metrc's sections and how to check each for one license with one cheap GET (metrc-api.md §7),
 * plus whether a license type is expected to have it, predicted from its FacilityType flags so
 * that a distributor's missing Plants shows as "not expected", not as a failure (rule 3).
 */
export interface MetrcSection {
  /** Stable id used in reports and the API. */
  id: string;
  label: string;
  /** The probe: a GET under `/{resource}/v2/…`, called with `licenseNumber`. */
  path: string;
  /** Whether the endpoint is paginated (the probe asks for one row of one page). */
  paged: boolean;
  /** Whether the probe takes a lastModified window (a short one keeps it cheap). */
  windowed: boolean;
  expected: (ft: FacilityTypeFlags) => boolean;
}

export const METRC_SECTIONS: readonly MetrcSection[] = [
  {
    id: 'employees',
    label: 'Employees',
    path: '/employees/v2/',
    paged: true,
    windowed: false,
    expected: PREDICTORS.always,
  },
  {
    id: 'items',
    label: 'Items',
    path: '/items/v2/active',
    paged: true,
    windowed: true,
    expected: PREDICTORS.always,
  },
  {
    id: 'strains',
    label: 'Strains',
    path: '/strains/v2/active',
    paged: true,
    windowed: true,
    expected: PREDICTORS.always,
  },
  {
    id: 'locations',
    label: 'Locations',
    path: '/locations/v2/active',
    paged: true,
    windowed: true,
    expected: PREDICTORS.holdsInventory,
  },
  {
    id: 'packages',
    label: 'Packages',
    path: '/packages/v2/active',
    paged: true,
    windowed: true,
    expected: PREDICTORS.always,
  },
  {
    id: 'packageTags',
    label: 'Package tags',
    path: '/tags/v2/package/available',
    paged: false,
    windowed: false,
    expected: PREDICTORS.holdsInventory,
  },
  {
    id: 'plants',
    label: 'Plants',
    path: '/plants/v2/vegetative',
    paged: true,
    windowed: true,
    expected: PREDICTORS.grows,
  },
  {
    id: 'plantBatches',
    label: 'Plant batches',
    path: '/plantbatches/v2/active',
    paged: true,
    windowed: true,
    expected: PREDICTORS.grows,
  },
  {
    id: 'plantTags',
    label: 'Plant tags',
    path: '/tags/v2/plant/available',
    paged: false,
    windowed: false,
    expected: PREDICTORS.grows,
  },
  {
    id: 'harvests',
    label: 'Harvests',
    path: '/harvests/v2/active',
    paged: true,
    windowed: true,
    expected: PREDICTORS.grows,
  },
  {
    id: 'sales',
    label: 'Sales',
    path: '/sales/v2/receipts/active',
    paged: true,
    windowed: true,
    expected: PREDICTORS.sells,
  },
  {
    id: 'salesDeliveries',
    label: 'Sales deliveries',
    path: '/sales/v2/deliveries/active',
    paged: true,
    windowed: true,
    expected: PREDICTORS.delivers,
  },
  {
    id: 'transfers',
    label: 'Transfers',
    path: '/transfers/v2/incoming',
    paged: true,
    windowed: true,
    expected: PREDICTORS.always,
  },
  {
    id: 'transferTemplates',
    label: 'Transfer templates',
    path: '/transfers/v2/templates/outgoing',
    paged: true,
    windowed: true,
    expected: PREDICTORS.always,
  },
  {
    id: 'labTests',
    label: 'Lab tests',
    path: '/labtests/v2/types',
    paged: false,
    windowed: false,
    expected: PREDICTORS.always,
  },
  {
    id: 'patients',
    label: 'Patients',
    path: '/patients/v2/active',
    paged: true,
    windowed: false,
    expected: PREDICTORS.servesPatients,
  },
  {
    id: 'processingJobs',
    label: 'Processing jobs',
    path: '/processing/v2/active',
    paged: true,
    windowed: true,
    expected: PREDICTORS.processes,
  },
  {
    id: 'transporters',
    label: 'Transporters',
    path: '/transporters/v2/drivers',
    paged: true,
    windowed: false,
    expected: PREDICTORS.always,
  },
];
