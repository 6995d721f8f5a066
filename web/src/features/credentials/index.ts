export { CredentialPage } from './credential-page.tsx';
export {
  useCreateCredential,
  useCredentials,
} from './credentials-api.ts';
export { CredentialsPage } from './credentials-page.tsx';
export { LicensePicker } from './license-picker.tsx';
export { NewCredentialPage } from './new-credential-page.tsx';
