import type { AlertEmail, AlertEvent, AlertView } from './alert-types.ts';

const SEVERITY_WORD = { info: 'Info', warning: 'Warning', critical: 'Action needed' } as const;

/**
 * The text of an alert e-mail. Only the alert's own facts (fingerprints, labels, counts) go in:
 * never a key, and nothing a source did not put in `details`.
 */
export function alertEmail(
  to: string,
  alert: AlertView,
  event: AlertEvent,
  consoleUrl: string,
): AlertEmail {
  const prefix = event === 'resolved' ? 'Resolved' : SEVERITY_WORD[alert.severity];
  const facts = Object.entries(alert.details)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([key, value]) => `  ${key}: ${Array.isArray(value) ? value.join(', ') : String(value)}`);
  return {
    to,
    subject: `[Tracegate] ${prefix}: ${alert.title}`,
    text: [
      event === 'resolved' ? `This alert is resolved: ${alert.title}` : alert.title,
      '',
      ...facts,
      '',
      `Raised ${alert.raisedAt}${alert.resolvedAt ? `, resolved ${alert.resolvedAt}` : ''}.`,
      `Open the alerts inbox: ${consoleUrl.replace(/\/$/, '')}/alerts/${alert.id}`,
    ].join('\n'),
  };
}
