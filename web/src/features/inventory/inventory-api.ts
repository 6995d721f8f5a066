import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/index.ts';
import type { paths } from '../../api/openapi-types.ts';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
export type PackageFilter = NonNullable<
  paths['/api/mirror/packages']['get']['parameters']['query']
>;
export type MirroredPackage = Json<
  paths['/api/mirror/packages']['get']['responses'][200]
>['packages'][number];

export function usePackages(filter: PackageFilter) {
  return useQuery({
    queryKey: ['mirror-packages', filter],
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET('/api/mirror/packages', { params: { query: filter } })),
  });
}

export function useInventorySummary(licenseId: number | undefined) {
  return useQuery({
    queryKey: ['inventory-summary', licenseId],
    enabled: licenseId !== undefined,
    queryFn: () =>
      unwrap(
        api.GET('/api/licenses/{id}/inventory', { params: { path: { id: String(licenseId) } } }),
      ),
  });
}

/** A day `days` from today as YYYY-MM-DD (the API's "expiring before" is by calendar day). */
export function dayFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
