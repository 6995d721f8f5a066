import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  chooseDownloadKey,
  chooseUploadKey,
  personalKeyRequiredByDefault,
} from './upload-key-fns.ts';

describe('rule 6: downloads use the default key; uploads use the actor’s own key', () => {
  const facility = { id: 1, status: 'valid' as const };
  const mine = { id: 2, status: 'valid' as const, covers: true };

  it('sends an upload under the actor’s own valid key, attributed to them', () => {
    assert.deepEqual(chooseUploadKey({ personal: mine, facility, personalKeyRequired: false }), {
      use: 'personal',
      credentialId: 2,
      attributed: true,
    });
  });

  it('falls back to the facility key, marked not attributed, when the actor has no usable key', () => {
    for (const personal of [
      null,
      { ...mine, status: 'invalid' as const },
      { ...mine, covers: false },
    ]) {
      assert.deepEqual(chooseUploadKey({ personal, facility, personalKeyRequired: false }), {
        use: 'facility',
        credentialId: 1,
        attributed: false,
      });
    }
  });

  it('holds the upload in states that require personal keys', () => {
    assert.deepEqual(chooseUploadKey({ personal: null, facility, personalKeyRequired: true }), {
      use: 'hold',
      reason: 'PERSONAL_KEY_REQUIRED',
    });
    assert.deepEqual(['co', 'ma', 'md', 'ok', 'ny', 'ca'].map(personalKeyRequiredByDefault), [
      true,
      true,
      true,
      true,
      true,
      false,
    ]);
  });

  it('holds when no key is valid at all (rule 8: syncing stops, the business does not)', () => {
    assert.deepEqual(
      chooseUploadKey({
        personal: null,
        facility: { id: 1, status: 'invalid' },
        personalKeyRequired: false,
      }),
      { use: 'hold', reason: 'NO_VALID_KEY' },
    );
  });

  it('downloads with the facility key only', () => {
    assert.equal(chooseDownloadKey(facility), 1);
    assert.equal(chooseDownloadKey({ id: 1, status: 'expired' }), null);
    assert.equal(chooseDownloadKey(null), null);
  });
});
