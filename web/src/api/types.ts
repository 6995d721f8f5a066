import type { paths } from './openapi-types.ts';

/** The JSON body of an answer, from the generated OpenAPI types. */
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type Session = Json<paths['/api/auth/session']['get']['responses'][200]>;
export type Credential = Json<paths['/api/credentials/{id}']['get']['responses'][200]>;
export type License = Json<paths['/api/licenses/{id}']['get']['responses'][200]>;
export type Member = Json<paths['/api/users/{id}']['get']['responses'][200]>;
export type VerificationReport = Json<paths['/api/credentials/check']['post']['responses'][200]>;
export type SectionCheck = VerificationReport['licenses'][number]['sections'][number];
export type Role = Member['role'];

/** A key as a person gives it: pasted, or a photo/screenshot of Metrc's QR code (base64). */
export type KeyInput = { apiKey: string } | { qrImage: string };
