import type { Alert, AlertKind } from './alerts-api.ts';

/** Each kind in the console's words. */
export const KIND_LABELS: Record<AlertKind, string> = {
  key_invalid: 'Key refused by Metrc',
  key_expiring: 'Key expiring',
  license_not_syncing: 'License not syncing',
  submission_failed: 'Submission failed',
  submission_held: 'Submission held',
  submission_overdue: 'Submission overdue',
  package_on_hold: 'Package on hold',
  lab_test_failed: 'Lab test failed',
  package_expiring: 'Package expiring',
  quantity_drift: 'Quantity drift',
};

export const ALERT_KIND_LIST = Object.keys(KIND_LABELS) as AlertKind[];

/** Severity as words and a colour dark enough for text on it. */
export const SEVERITY: Record<Alert['severity'], { color: string; text: string }> = {
  info: { color: 'blue', text: 'Info' },
  warning: { color: 'yellow', text: 'Warning' },
  critical: { color: 'red', text: 'Critical' },
};
