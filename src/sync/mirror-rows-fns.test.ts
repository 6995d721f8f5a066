import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  normaliseTimestamp,
  packageStatusOf,
  parsePackage,
  parseRecord,
} from './mirror-rows-fns.ts';
import { SYNC_STREAMS } from './sync-resources.ts';

const pkg = {
  Id: 42,
  Label: '1A4000000000000000000042',
  Quantity: 3.5,
  UnitOfMeasureName: 'Grams',
  LocationId: 7,
  LocationName: 'Vault',
  ExpirationDate: '2026-12-01',
  LabTestingState: 'TestPassed',
  IsOnHold: false,
  LastModified: '2026-02-08T07:05:59.804361+00:00',
  Item: { Id: 9, Name: 'Blue Dream Eighth', ProductCategoryName: 'Flower' },
};

describe('Metrc record → mirror row', () => {
  it('keeps the raw record whole and indexes what the read API filters on', () => {
    const parsed = parsePackage(pkg);
    assert.ok(parsed.ok);
    assert.equal(parsed.row.metrc_id, 42);
    assert.equal(parsed.row.item_category, 'Flower');
    assert.equal(parsed.row.location_name, 'Vault');
    assert.equal(parsed.row.status, 'active');
    assert.equal(parsed.row.last_modified, '2026-02-08T07:05:59.804Z');
    assert.deepEqual(JSON.parse(parsed.row.raw), pkg);
  });

  it('refuses a malformed record with a reason instead of failing the page', () => {
    for (const [record, reason] of [
      [null, 'not an object'],
      [{ ...pkg, Id: 'x' }, 'Id'],
      [{ ...pkg, Label: '' }, 'Label'],
      [{ ...pkg, LastModified: 'yesterday' }, 'LastModified'],
    ] as const) {
      const parsed = parsePackage(record);
      assert.equal(parsed.ok, false);
      if (!parsed.ok) assert.match(parsed.error, new RegExp(reason));
    }
    const items = SYNC_STREAMS.find((s) => s.key === 'items:active');
    assert.ok(items);
    assert.equal(parseRecord(items, { Name: 'no id' }).ok, false);
  });

  it('derives a package status from the record (on hold, finished)', () => {
    assert.equal(packageStatusOf({ IsOnHold: true }), 'onhold');
    assert.equal(packageStatusOf({ IsOnHold: true, FinishedDate: '2026-01-01' }), 'inactive');
    assert.equal(packageStatusOf({ ArchivedDate: '2026-01-01T00:00:00+00:00' }), 'inactive');
    assert.equal(normaliseTimestamp('0001-01-01T00:00:00+00:00'), '0001-01-01T00:00:00.000Z');
  });

  it('keys employees and facilities by license number (they have no Id)', () => {
    const employees = SYNC_STREAMS.find((s) => s.resource === 'employees');
    assert.ok(employees);
    const parsed = parseRecord(employees, {
      FullName: 'Ann',
      License: { Number: 'E-1', EmployeeLicenseNumber: 'E-1' },
    });
    assert.ok(parsed.ok);
    assert.equal(parsed.row.metrc_id, 'E-1');
  });
});
