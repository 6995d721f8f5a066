import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertMaySetKey, keyAgeDays, normaliseKeyText } from './credential-rules-fns.ts';
import { classifyProbe, diagnoseRejectedKey, statusAfter } from './verification-fns.ts';

const code = (fn: () => void) => {
  try {
    fn();
    return 'allowed';
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('rule 7: who may set which key', () => {
  const admin = { role: 'admin' as const, userId: 1 };
  const manager = { role: 'manager' as const, userId: 2 };
  const staff = { role: 'staff' as const, userId: 3 };
  const staffToken = { role: 'staff' as const, userId: null };

  it('lets admins set any key', () => {
    assert.equal(
      code(() => assertMaySetKey(admin, 'facility', null)),
      'allowed',
    );
    assert.equal(
      code(() => assertMaySetKey(admin, 'user', 3)),
      'allowed',
    );
  });

  it('lets managers set none, with their own code', () => {
    assert.equal(
      code(() => assertMaySetKey(manager, 'user', 2)),
      'CREDENTIAL_MANAGER_CANNOT_SET',
    );
    assert.equal(
      code(() => assertMaySetKey(manager, 'facility', null)),
      'CREDENTIAL_MANAGER_CANNOT_SET',
    );
  });

  it('lets staff set only their own personal key', () => {
    assert.equal(
      code(() => assertMaySetKey(staff, 'user', 3)),
      'allowed',
    );
    assert.equal(
      code(() => assertMaySetKey(staff, 'user', 1)),
      'CREDENTIAL_STAFF_OWN_ONLY',
    );
    assert.equal(
      code(() => assertMaySetKey(staff, 'facility', null)),
      'CREDENTIAL_FACILITY_ADMIN_ONLY',
    );
    assert.equal(
      code(() => assertMaySetKey(staffToken, 'user', 3)),
      'CREDENTIAL_STAFF_OWN_ONLY',
    );
  });
});

describe('key text', () => {
  it('trims pasted keys and refuses what cannot be a key, without echoing it', () => {
    assert.equal(normaliseKeyText('  AbCdEf0123456789-_xyz \n'), 'AbCdEf0123456789-_xyz');
    for (const bad of ['short', 'x'.repeat(201), 'ключ-ключ-ключ-ключ']) {
      assert.throws(
        () => normaliseKeyText(bad),
        (e: { code?: string; message: string }) =>
          e.code === 'CREDENTIAL_KEY_MALFORMED' && !e.message.includes(bad),
      );
    }
  });

  it('refuses whitespace inside a key with its own code', () => {
    for (const bad of ['AbCdEf0123 456789-_xyz', 'AbCdEf0123456789\nSecondKey0123456789']) {
      assert.throws(
        () => normaliseKeyText(bad),
        (e: { code?: string; message: string }) =>
          e.code === 'CREDENTIAL_KEY_HAS_WHITESPACE' && !e.message.includes(bad),
      );
    }
  });

  it('counts key age in whole days', () => {
    assert.equal(keyAgeDays('2026-01-01T00:00:00.000Z', new Date('2026-12-27T12:00:00.000Z')), 360);
  });
});

describe('reading probes (rule 3) and diagnosing (rule 9)', () => {
  it('maps answers to cells, telling a lacking license type from a missing permission', () => {
    assert.equal(classifyProbe(200, true), 'granted');
    assert.equal(classifyProbe(401, true), 'missing_permission');
    assert.equal(classifyProbe(401, false), 'not_expected');
    assert.equal(classifyProbe(404, true), 'not_offered');
    assert.equal(classifyProbe(500, true), 'error');
    assert.equal(classifyProbe(null, true), 'error');
  });

  it('calls an old rejected key expired, a young one regenerated or deactivated', () => {
    assert.equal(diagnoseRejectedKey(340).code, 'KEY_LIKELY_EXPIRED');
    assert.equal(diagnoseRejectedKey(12).code, 'KEY_REJECTED');
    assert.match(diagnoseRejectedKey(12).message, /regenerated/);
  });

  it('keeps the previous status when Metrc was unreachable', () => {
    assert.equal(statusAfter('unavailable', null), null);
    assert.deepEqual(statusAfter('rejected', diagnoseRejectedKey(400)), {
      status: 'expired',
      reason: 'KEY_LIKELY_EXPIRED',
    });
    assert.deepEqual(statusAfter('accepted', null), { status: 'valid', reason: null });
  });
});
