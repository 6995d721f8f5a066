export { ApiError, api, isApiError, setCsrfToken, unwrap } from './client.ts';
export type {
  Credential,
  KeyInput,
  License,
  Member,
  Role,
  SectionCheck,
  Session,
  VerificationReport,
} from './types.ts';
