export type { ApiServices } from './api-services.ts';
export { API_VERSION, buildApp } from './build-app.ts';
export { type RouteAccess, SESSION_COOKIE } from './plugins/authenticate.ts';
export type { ErrorBody } from './plugins/error-handler.ts';
export type { Access } from './route-access.ts';
