import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createGroupCommit, GroupRolledBack } from './group-commit.ts';

/** A write that records each group it was given and answers `item * 10`. */
function recordingWrite(options: { rollBackIf?: (item: number) => boolean } = {}) {
  const groups: number[][] = [];
  const write = async (items: number[]) => {
    groups.push([...items]);
    await Promise.resolve();
    const bad = items.find((item) => options.rollBackIf?.(item));
    if (bad !== undefined) throw new GroupRolledBack(new Error(`bad item ${bad}`));
    return items.map((item) => item * 10);
  };
  return { groups, write };
}

describe('group commit', () => {
  it('writes callers of the same turn together, in arrival order, each getting its own answer', async () => {
    const { groups, write } = recordingWrite();
    const writer = createGroupCommit(write, { maxGroup: 50 });
    const answers = await Promise.all([1, 2, 3].map((n) => writer.add('org:1', n)));
    assert.deepEqual(answers, [10, 20, 30]);
    assert.deepEqual(groups, [[1, 2, 3]]);
  });

  it('writes a lone caller alone, and callers arriving during a write in the next group', async () => {
    const { groups, write } = recordingWrite();
    const writer = createGroupCommit(write, { maxGroup: 50 });
    const first = writer.add('org:1', 1);
    await new Promise((resolve) => setImmediate(resolve));
    const later = [writer.add('org:1', 2), writer.add('org:1', 3)];
    assert.deepEqual(await Promise.all([first, ...later]), [10, 20, 30]);
    assert.deepEqual(groups, [[1], [2, 3]]);
  });

  it('keeps keys apart and never exceeds maxGroup', async () => {
    const { groups, write } = recordingWrite();
    const writer = createGroupCommit(write, { maxGroup: 2 });
    await Promise.all([
      writer.add('org:1', 1),
      writer.add('org:2', 100),
      writer.add('org:1', 2),
      writer.add('org:1', 3),
    ]);
    assert.deepEqual(
      groups.map((g) => g.join(',')).sort(),
      ['1,2', '100', '3'],
      'org 2 has its own group; org 1 is cut at two',
    );
  });

  it('after a rollback, writes each item alone: only the bad one fails, with its own error', async () => {
    const { groups, write } = recordingWrite({ rollBackIf: (item) => item === 2 });
    const writer = createGroupCommit(write, { maxGroup: 50 });
    const results = await Promise.allSettled([1, 2, 3].map((n) => writer.add('org:1', n)));
    assert.deepEqual(
      results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message)),
      [10, 'bad item 2', 30],
    );
    assert.deepEqual(groups, [[1, 2, 3], [1], [2], [3]]);
  });

  it('fails the whole group, without writing again, when the outcome is unknown (not a rollback)', async () => {
    const groups: number[][] = [];
    const writer = createGroupCommit(
      async (items: number[]) => {
        groups.push(items);
        if (groups.length === 1) throw new Error('connection lost during commit');
        return items;
      },
      { maxGroup: 50 },
    );
    const results = await Promise.allSettled([1, 2].map((n) => writer.add('org:1', n)));
    assert.deepEqual(
      results.map((r) => r.status === 'rejected' && (r.reason as Error).message),
      ['connection lost during commit', 'connection lost during commit'],
    );
    assert.equal(groups.length, 1, 'written once: a second write could commit twice');
    assert.equal(await writer.add('org:1', 7), 7, 'the key writes again afterwards');
  });
});
