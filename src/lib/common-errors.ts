import { defineErrors } from './app-error.ts';

/** Errors of the HTTP layer itself, shared by every route. */
export const commonErrors = defineErrors('request', {
  REQUEST_INVALID: {
    status: 400,
    message: 'The request does not match the expected shape.',
    description:
      'A body, query or path parameter failed validation. `details.issues` lists each field and why.',
  },
  REQUEST_MALFORMED_JSON: {
    status: 400,
    message: 'The request body is not valid JSON.',
    description: 'The body could not be parsed as JSON. Nothing was changed.',
  },
  REQUEST_TOO_LARGE: {
    status: 413,
    message: 'The request body is larger than allowed.',
    description: 'The body exceeded `BODY_LIMIT_BYTES`. Nothing was changed.',
  },
  REQUEST_UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: 'The request body must be application/json.',
    description: 'Send JSON with `Content-Type: application/json`.',
  },
  ROUTE_NOT_FOUND: {
    status: 404,
    message: 'No such route.',
    description: 'The method and path do not name an API route. See /api/docs.',
  },
  NOT_FOUND: {
    status: 404,
    message: 'Not found.',
    description:
      'The object does not exist in your organization. Objects of other organizations also answer 404.',
  },
  INTERNAL_ERROR: {
    status: 500,
    message: 'Internal error. Quote the request id when reporting it.',
    description:
      'An unexpected failure. The response carries only the request id; the server log has the cause.',
    retryable: true,
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    message: 'The service is not ready.',
    description:
      'The database is unreachable or migrations are pending, or the server is stopping.',
    retryable: true,
  },
});
