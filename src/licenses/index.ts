export {
  type FacilityTypeFlags,
  type LicenseFeatures,
  licenseFeatures,
  PREDICTORS,
} from './license-features.ts';
export { licensesErrors } from './licenses-errors.ts';
export { createLicensesRepo, type LicensesRepo } from './licenses-repo.ts';
export {
  createLicensesService,
  type LicenseInput,
  type LicensesService,
  type LicenseView,
  toLicenseView,
} from './licenses-service.ts';
export { requireMetrcState, STATE_TIME_ZONES } from './state-time-zones.ts';
