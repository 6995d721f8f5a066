import {
  type CredentialsRepo,
  KEY_EXPIRY_WARNING_DAYS,
  keyAgeDays,
  type LicenseSync,
  NOT_SYNCING,
} from '../credentials/index.ts';
import type { AlertCondition, ConditionSource } from './alert-types.ts';

/**
 * Key invalid and key expiring (from day 330): one alert per credential. A replaced key resets
 * its age, so the expiring alert resolves by itself once a new key is saved.
 */
export function createCredentialSource(deps: {
  credentials: Pick<CredentialsRepo, 'list'>;
}): ConditionSource {
  return {
    name: 'credentials',
    kinds: ['key_invalid', 'key_expiring'],
    async collect(organizationId, now) {
      const conditions: AlertCondition[] = [];
      for (const row of await deps.credentials.list(organizationId)) {
        const base = {
          subjectKey: `credential:${row.id}`,
          licenseId: row.licenses.length === 1 ? (row.licenses[0]?.id ?? null) : null,
        };
        const facts = {
          credentialId: row.id,
          fingerprint: row.fingerprint,
          state: row.state,
          keyKind: row.kind,
          ownerUserId: row.owner_user_id,
          licenses: row.licenses.map((l) => l.number),
        };
        if (row.status === 'invalid' || row.status === 'expired') {
          conditions.push({
            ...base,
            kind: 'key_invalid',
            severity: 'critical',
            title: `Metrc rejects the ${row.state.toUpperCase()} ${row.kind} key ${row.fingerprint}`,
            details: { ...facts, status: row.status, reason: row.status_reason },
          });
          continue;
        }
        const age = keyAgeDays(row.key_first_seen_at, now);
        if (row.status === 'valid' && age >= KEY_EXPIRY_WARNING_DAYS) {
          conditions.push({
            ...base,
            kind: 'key_expiring',
            severity: 'warning',
            title: `The ${row.state.toUpperCase()} ${row.kind} key ${row.fingerprint} is ${age} days old: generate a new one`,
            details: { ...facts, keyAgeDays: age },
          });
        }
      }
      return conditions;
    },
  };
}

/** License not syncing: its facility key is missing or not valid (rule 8). One per license. */
export function createLicenseSyncSource(deps: {
  licenses: { list(organizationId: number): Promise<Array<{ id: number; number: string }>> };
  syncByLicense(organizationId: number): Promise<Map<number, LicenseSync>>;
}): ConditionSource {
  return {
    name: 'license-sync',
    kinds: ['license_not_syncing'],
    async collect(organizationId) {
      const sync = await deps.syncByLicense(organizationId);
      const conditions: AlertCondition[] = [];
      for (const license of await deps.licenses.list(organizationId)) {
        const status = sync.get(license.id) ?? NOT_SYNCING;
        if (status.syncing) continue;
        conditions.push({
          kind: 'license_not_syncing',
          subjectKey: `license:${license.id}`,
          licenseId: license.id,
          // A key Metrc rejects is an outage in progress; a license never given a key is a to-do.
          severity: status.facilityCredentialId === null ? 'warning' : 'critical',
          title: `License ${license.number} is not syncing with the state`,
          details: {
            licenseNumber: license.number,
            facilityCredentialId: status.facilityCredentialId,
            keyStatus: status.keyStatus,
            message: status.message,
          },
        });
      }
      return conditions;
    },
  };
}
