import assert from 'node:assert/strict';
import { it } from 'node:test';
import { type AlertSubject, subjectLink } from '../../web/src/features/alerts/alert-links.ts';

const alert = (kind: string, subjectKey: string, licenseId: number | null): AlertSubject => ({
  kind,
  subjectKey,
  licenseId,
  details: {},
});

it('opens the Submissions log filtered to the alert view and license, not Home', () => {
  for (const [kind, view] of [
    ['submission_failed', 'failed'],
    ['submission_held', 'held'],
    ['submission_overdue', 'overdue'],
  ] as const) {
    const link = subjectLink(alert(kind, 'license:3', 3), 'C10-0000003-LIC');
    assert.equal(link?.to, `/submissions?view=${view}&license=C10-0000003-LIC`, kind);
  }
  assert.equal(
    subjectLink(alert('submission_failed', 'license:3', 3))?.to,
    '/submissions?view=failed&license=3',
    'by id when the number is not known (the API takes either)',
  );
});

it('keeps the other kinds where they were', () => {
  assert.equal(subjectLink(alert('license_not_syncing', 'license:3', 3))?.to, '/sync?license=3');
  assert.equal(subjectLink(alert('key_invalid', 'credential:12', 3))?.to, '/credentials/12');
});
