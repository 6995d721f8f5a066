import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/index.ts';
import type { paths } from '../../api/openapi-types.ts';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
export type LicenseSync = Json<
  paths['/api/sync/status']['get']['responses'][200]
>['licenses'][number];
export type StreamStatus = LicenseSync['streams'][number];

const SYNC_KEY = ['sync-status'] as const;
/** While a refresh is pending the worker picks it up within seconds; look again meanwhile. */
const PENDING_REFRESH_MS = 3_000;

export function useSyncStatus() {
  return useQuery({
    queryKey: SYNC_KEY,
    queryFn: async () => (await unwrap(api.GET('/api/sync/status'))).licenses,
    refetchInterval: (query) =>
      query.state.data?.some((l) => l.refreshRequestedAt !== null) ? PENDING_REFRESH_MS : false,
  });
}

/** "Refresh now" (managers): the worker pulls this license within seconds. */
export function useRefreshNow() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (licenseId: number) =>
      unwrap(
        api.POST('/api/licenses/{id}/sync', {
          params: { path: { id: String(licenseId) } },
          body: {},
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: SYNC_KEY }),
  });
}
