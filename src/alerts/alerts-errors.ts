import { defineErrors } from '../lib/index.ts';

export const alertsErrors = defineErrors('alerts', {
  ALERT_NOT_FOUND: {
    status: 404,
    message: 'No such alert.',
    description: 'The alert id does not name an alert of your organization.',
  },
  ALERT_KIND_UNKNOWN: {
    status: 400,
    message: 'Unknown alert kind.',
    description: '`details.kind` is not one of the kinds listed in docs/alerts.md.',
  },
  WEBHOOK_ENDPOINT_NOT_FOUND: {
    status: 404,
    message: 'No such webhook endpoint.',
    description: 'The endpoint id does not name a webhook endpoint of your organization.',
  },
  WEBHOOK_URL_INVALID: {
    status: 400,
    message: 'A webhook URL must be an http(s) URL without credentials.',
    description:
      'Endpoints receive signed POSTs. `https://` is expected in production; user:password in the URL is refused because it would be stored in clear.',
  },
  WEBHOOK_URL_PRIVATE: {
    status: 400,
    message: 'A webhook URL must point to a public address.',
    description:
      'The host is, or resolves to, a loopback, private (RFC 1918), link-local (169.254/16, cloud metadata), unique-local, unspecified or otherwise non-public address (`details.host`, `details.address`). Checked when the endpoint is saved and again on every delivery. A test or demo instance may set `ALERTS_WEBHOOK_ALLOW_PRIVATE=true`.',
  },
  WEBHOOK_HOST_UNRESOLVED: {
    status: 400,
    retryable: true,
    message: 'The webhook host does not resolve.',
    description:
      'DNS gave no address for `details.host` when the endpoint was saved. Check the spelling, or retry if DNS was briefly unavailable.',
  },
  SMTP_NOT_CONFIGURED: {
    status: 409,
    message: 'E-mail delivery is not configured.',
    description:
      'Set SMTP_HOST and SMTP_FROM (and SMTP_USER / SMTP_PASSWORD if the server needs them).',
  },
});
