export {
  type CredentialEvents,
  type CredentialKeyEvent,
  type CredentialKeyListener,
  createCredentialEvents,
} from './credential-events.ts';
export {
  type CredentialHealthService,
  createCredentialHealthService,
} from './credential-health-service.ts';
export { hashCredentialKeys } from './credential-key-identity.ts';
export {
  assertMaySetKey,
  KEY_EXPIRY_WARNING_DAYS,
  keyAgeDays,
  normaliseKeyText,
} from './credential-rules-fns.ts';
export { credentialRef, openCredentialKey, resealLegacyCredentials } from './credential-sealing.ts';
export type { CredentialView } from './credential-views.ts';
export { credentialsErrors } from './credentials-errors.ts';
export {
  type CredentialsRepo,
  createCredentialsRepo,
  type UploadKeyRow,
} from './credentials-repo.ts';
export {
  type CredentialsService,
  createCredentialsService,
  type NewCredentialInput,
} from './credentials-service.ts';
export { createIntakeLinksRepo } from './intake-links-repo.ts';
export {
  createIntakeLinksService,
  INTAKE_LINK_TTL_MS,
  INTAKE_MAX_WRONG_KEYS,
  type IntakeLinksService,
} from './intake-links-service.ts';
export { createKeyCheck, type KeyCheck } from './key-check.ts';
export { type LicenseSync, licenseSyncOf, NOT_SYNCING } from './license-sync.ts';
export { createMetrcKeyProbe, NO_METRC_PROBE } from './metrc-key-probe.ts';
export { PROBED_SECTIONS, SECTION_EXPECTED } from './metrc-sections.ts';
export {
  createOnboardingService,
  isActiveLicense,
  type OnboardingService,
} from './onboarding-service.ts';
export { decodeKeyFromImage, MAX_QR_IMAGE_BYTES } from './qr-key-decoder.ts';
export {
  chooseDownloadKey,
  chooseUploadKey,
  type KeyChoice,
  PERSONAL_KEY_STATES,
  personalKeyRequiredByDefault,
} from './upload-key-fns.ts';
export { createVendorKeysRepo } from './vendor-keys-repo.ts';
export {
  createVendorKeysService,
  type VendorKeysService,
  type VendorKeyView,
} from './vendor-keys-service.ts';
export type {
  Diagnosis,
  FacilitiesOutcome,
  KeyTarget,
  MetrcFacilitySummary,
  MetrcKeyProbe,
  SectionStatus,
  VerificationReport,
} from './verification-types.ts';
export { verifyKey } from './verify-key.ts';
