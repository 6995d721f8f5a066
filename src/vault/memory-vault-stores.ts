import { setImmediate as nextTurn } from 'node:timers/promises';
import type { KeyCheck, VaultMetaStore, WrappedDataKey, WrappedKeyStore } from './vault-stores.ts';

/**
 * In-memory `VaultMetaStore`, for tests. Each call yields a turn first so concurrent callers
 * interleave the way they would against a database.
 */
export function createMemoryVaultMetaStore() {
  const checks = new Map<number, KeyCheck>();
  return {
    checks,
    async listKeyChecks() {
      await nextTurn();
      return [...checks.values()].map((c) => ({ ...c }));
    },
    async getKeyCheck(version) {
      await nextTurn();
      const check = checks.get(version);
      return check && { ...check };
    },
    async insertKeyCheck(check) {
      await nextTurn();
      if (checks.has(check.masterKeyVersion)) return false;
      checks.set(check.masterKeyVersion, { ...check });
      return true;
    },
    async retireKeyCheck(version, retiredAt) {
      await nextTurn();
      const check = checks.get(version);
      if (check && !check.retiredAt) check.retiredAt = retiredAt;
    },
  } satisfies VaultMetaStore & Record<string, unknown>;
}

/** In-memory `WrappedKeyStore`, for tests; `rows` is exposed so tests can tamper and inspect. */
export function createMemoryWrappedKeyStore() {
  const rows = new Map<string, WrappedDataKey>();
  return {
    rows,
    async insert(row) {
      await nextTurn();
      if (rows.has(row.keyId)) throw new Error(`duplicate keyId ${row.keyId}`);
      rows.set(row.keyId, { ...row });
    },
    async get(keyId) {
      await nextTurn();
      const row = rows.get(keyId);
      return row && { ...row };
    },
    async listNotOnVersion(version, page) {
      await nextTurn();
      return [...rows.values()]
        .filter((r) => r.masterKeyVersion !== version)
        .filter((r) => page.afterKeyId === undefined || r.keyId > page.afterKeyId)
        .sort((a, b) => (a.keyId < b.keyId ? -1 : a.keyId > b.keyId ? 1 : 0))
        .slice(0, page.limit)
        .map((r) => ({ ...r }));
    },
    async compareAndSet(keyId, expectedWrappedKey, next) {
      await nextTurn();
      const row = rows.get(keyId);
      if (!row || row.wrappedKey !== expectedWrappedKey) return false;
      rows.set(keyId, { ...row, ...next });
      return true;
    },
    async destroy(keyId) {
      await nextTurn();
      return rows.delete(keyId);
    },
    async versionsInUse() {
      await nextTurn();
      return [...new Set([...rows.values()].map((r) => r.masterKeyVersion))].sort((a, b) => a - b);
    },
    async destroyByRef(ref, exceptKeyId) {
      await nextTurn();
      let count = 0;
      for (const row of [...rows.values()]) {
        if (row.ref === ref && row.keyId !== exceptKeyId) {
          rows.delete(row.keyId);
          count += 1;
        }
      }
      return count;
    },
  } satisfies WrappedKeyStore & Record<string, unknown>;
}
