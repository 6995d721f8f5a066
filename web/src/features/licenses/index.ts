export {
  FEATURE_LABELS,
  featuresOf,
  LICENSES_KEY,
  licenseLight,
  useLicenses,
} from './licenses-api.ts';
