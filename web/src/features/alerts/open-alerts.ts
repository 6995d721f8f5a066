import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/index.ts';

export const ALERTS_KEY = ['alerts'] as const;

/** How often the navigation badge looks again: alerts are evaluated on the server's schedule. */
const COUNT_REFRESH_MS = 60_000;

/**
 * The number of open alerts this person's role sees, for the navigation badge. Kept apart from the
 * pages (routes.tsx imports it directly) so the badge does not pull the inbox into the first load.
 */
export function useOpenAlertCount(enabled: boolean) {
  return useQuery({
    queryKey: [...ALERTS_KEY, 'open-count'],
    enabled,
    refetchInterval: COUNT_REFRESH_MS,
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/alerts', { params: { query: { status: 'open', limit: '500' } } }),
        )
      ).alerts.length,
  });
}
