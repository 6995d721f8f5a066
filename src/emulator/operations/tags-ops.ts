/** Tags available to a license: a package needs an available, unused tag (fact 13). */

import { wireTag } from '../wire/wire-inventory.ts';
import { licenseOf } from './operation-helpers.ts';
import { type OperationContext, type OperationSpec, operation } from './operation-types.ts';

function available(kind: 'package' | 'plant') {
  return (ctx: OperationContext) => {
    const license = licenseOf(ctx);
    const tags = kind === 'package' ? license.packageTags : license.plantTags;
    const out = [];
    for (const tag of tags.values()) if (!tag.used) out.push(wireTag(license, tag));
    return { body: out };
  };
}

// OM lists no permission; metrc-api.md §7 (what Verify & Save probes) says Manage Tags.
const MANAGE_TAGS = [['Manage Tags']] as const;

export const tagOperations: OperationSpec[] = [
  operation(
    'GET',
    '/tags/v2/package/available',
    { license: 'required', permissions: MANAGE_TAGS, gate: 'inventoryPlaces' },
    available('package'),
  ),
  operation(
    'GET',
    '/tags/v2/plant/available',
    { license: 'required', permissions: MANAGE_TAGS, gate: 'growing' },
    available('plant'),
  ),
];
