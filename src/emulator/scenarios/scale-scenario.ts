/**
 * `scale`: one state, `licenses` licenses × `packages` active packages each (default 20 × 5,000,
 * the target), one owner with every permission and one vendor key. Package stamps spread
 * over the last `spreadHours` (default 23) so a 24-hour window, or a bare call, sees them all.
 */

import { emulatorErrors } from '../emulator-errors.ts';
import { addLicense, addUser, addVendorKey, employ } from '../state/emulator-people.ts';
import type { LicenseKind } from '../state/facility-types.ts';
import { ALL_PERMISSIONS } from '../state/metrc-permissions.ts';
import { parseMetrcState } from '../state/metrc-states.ts';
import { DAY_MS, HOUR_MS, type ScenarioBuilder } from './scenario-builder.ts';

export interface ScaleParams {
  licenses: number;
  packages: number;
  state: string;
  spreadHours: number;
}

export const SCALE_DEFAULTS: ScaleParams = {
  licenses: 20,
  packages: 5000,
  state: 'ca',
  spreadHours: 23,
};

export function buildScaleScenario(b: ScenarioBuilder, raw: Record<string, unknown>): void {
  const params = { ...SCALE_DEFAULTS, ...raw } as ScaleParams;
  const state = parseMetrcState(String(params.state));
  const licenses = Number(params.licenses);
  const packages = Number(params.packages);
  const spreadMs = Number(params.spreadHours) * HOUR_MS;
  if (
    !state ||
    !(licenses >= 1 && licenses <= 1000) ||
    !(packages >= 0 && packages <= 100_000) ||
    !(spreadMs > 0)
  ) {
    throw emulatorErrors.EMULATOR_CONTROL_INVALID({
      message:
        'scale needs 1 ≤ licenses ≤ 1000, 0 ≤ packages ≤ 100000, spreadHours > 0 and a known state.',
      details: params,
    });
  }
  addVendorKey(b.state, { state });
  const owner = addUser(b.state, { state, id: `${state}-owner`, name: 'Scale Owner' });
  const kinds: LicenseKind[] = ['retailer', 'cultivator'];
  for (let n = 0; n < licenses; n++) {
    const kind = kinds[n % kinds.length] ?? 'retailer';
    const license = addLicense(b.state, {
      state,
      kind,
      number: `${state.toUpperCase()}-SCALE-${String(n + 1).padStart(4, '0')}`,
      name: `Scale ${kind === 'retailer' ? 'Store' : 'Farm'} ${n + 1}`,
      licenseType: kind === 'retailer' ? 'Adult-Use Retailer' : 'Adult-Use Cultivation',
    });
    employ(b.state, {
      license: license.number,
      userId: owner.id,
      permissions: ALL_PERMISSIONS,
      isOwner: true,
    });
    const strain = b.strain(license, 'Blue Dream', 40, 30 * DAY_MS, 18.5);
    const vault = b.location(license, 'Vault', 'Default', 30 * DAY_MS);
    const items = [
      b.item(
        license,
        {
          name: 'Blue Dream - Flower',
          category: 'Buds',
          unitOfMeasure: 'Grams',
          strainId: strain.id,
        },
        20 * DAY_MS,
      ),
      b.item(
        license,
        {
          name: 'Blue Dream Eighth 3.5g',
          category: 'Flower (packaged - each)',
          unitOfMeasure: 'Each',
          strainId: strain.id,
          unitWeight: 3.5,
          unitWeightUnit: 'Grams',
        },
        20 * DAY_MS,
      ),
    ];
    // Oldest first, so the collection is already in LastModified order.
    for (let i = 0; i < packages; i++) {
      const item = items[i % items.length] ?? items[0];
      if (!item) break;
      const ageMs = spreadMs - ((i + 1) * spreadMs) / (packages + 1);
      b.package(license, item, item.unitOfMeasure === 'Each' ? 100 : 1000, ageMs, {
        locationId: vault.id,
      });
    }
    b.tags(license, 'package', 100);
  }
}
