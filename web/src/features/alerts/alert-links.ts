/**
 * What a link needs of an alert. Structural, so this file imports nothing (the link rules are
 * tested in test/console without the API client).
 */
export interface AlertSubject {
  kind: string;
  subjectKey: string;
  licenseId: number | null;
  details: Record<string, unknown>;
}

/** The Submissions view each submission alert opens (`/submissions?view=…`). */
const SUBMISSION_VIEWS: Record<string, string | undefined> = {
  submission_failed: 'failed',
  submission_held: 'held',
  submission_overdue: 'overdue',
};

/**
 * Where the thing an alert is about lives in the console, from its subject key
 * (`credential:12`, `license:3`, `package:1A4…`, `lab:…`). Submission alerts open the
 * Submissions log filtered to their view and license (by number when known, as the filter shows it).
 */
export function subjectLink(
  alert: AlertSubject,
  licenseNumber?: string,
): { to: string; text: string } | null {
  const [type, ...rest] = alert.subjectKey.split(':');
  const id = rest.join(':');
  const view = SUBMISSION_VIEWS[alert.kind];
  if (view) {
    const license = licenseNumber ?? (alert.licenseId === null ? null : String(alert.licenseId));
    const query = new URLSearchParams({ view, ...(license ? { license } : {}) });
    return { to: `/submissions?${query}`, text: `See the ${view} submissions` };
  }
  if (type === 'credential') return { to: `/credentials/${id}`, text: 'Open the key' };
  if (type === 'package')
    return { to: `/inventory?label=${encodeURIComponent(id)}`, text: `Package ${id}` };
  if (type === 'lab') {
    const label = typeof alert.details.label === 'string' ? alert.details.label : id;
    return { to: `/inventory?label=${encodeURIComponent(label)}`, text: `Package ${label}` };
  }
  if (type === 'license' && alert.kind === 'license_not_syncing') {
    return { to: `/sync?license=${id}`, text: 'Sync status' };
  }
  if (type === 'license') return { to: '/', text: 'The license on Home' };
  return null;
}
