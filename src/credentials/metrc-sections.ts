import { type FacilityTypeFlags, PREDICTORS } from '../licenses/index.ts';
import { METRC_SECTIONS, type MetrcSection, SECTION_PROBES } from '../metrc/index.ts';

/**
 * Whether a license type is expected to have each Metrc section, predicted from its
 * FacilityType flags, so that a distributor's missing Plants shows as "not expected" and not as
 * a failure (rule 3). The probes themselves (paths, paging) are the client's `SECTION_PROBES`.
 */
export const SECTION_EXPECTED: Readonly<Record<MetrcSection, (ft: FacilityTypeFlags) => boolean>> =
  {
    facilities: PREDICTORS.always,
    employees: PREDICTORS.always,
    strains: PREDICTORS.always,
    items: PREDICTORS.always,
    locations: PREDICTORS.holdsInventory,
    packages: PREDICTORS.always,
    packageTags: PREDICTORS.holdsInventory,
    plants: PREDICTORS.grows,
    plantBatches: PREDICTORS.grows,
    plantTags: PREDICTORS.grows,
    harvests: PREDICTORS.grows,
    sales: PREDICTORS.sells,
    salesDeliveries: PREDICTORS.delivers,
    transfers: PREDICTORS.always,
    transferTemplates: PREDICTORS.always,
    labTests: PREDICTORS.always,
    patients: PREDICTORS.servesPatients,
    processingJobs: PREDICTORS.processes,
    transporters: PREDICTORS.always,
  };

/** The sections probed per license: all but Facilities, which the facilities call itself shows. */
export const PROBED_SECTIONS: readonly MetrcSection[] = METRC_SECTIONS.filter(
  (s) => s !== 'facilities',
);

export function sectionLabel(section: MetrcSection): string {
  return SECTION_PROBES[section].label;
}
