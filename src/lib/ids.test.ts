import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { randomHexId } from './ids.ts';

describe('randomHexId', () => {
  it('gives upper-case hex of the asked length, never the same twice across refills', () => {
    const seen = new Set<string>();
    // 2,000 ids of 8 bytes: the 4 KiB buffer is refilled three times.
    for (let i = 0; i < 2_000; i++) {
      const id = randomHexId(8);
      assert.match(id, /^[0-9A-F]{16}$/);
      seen.add(id);
    }
    assert.equal(seen.size, 2_000);
    assert.match(randomHexId(3), /^[0-9A-F]{6}$/);
  });
});
