import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/index.ts';
import type { paths } from '../../api/openapi-types.ts';
import { ALERTS_KEY } from './open-alerts.ts';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
export type Alert = Json<paths['/api/alerts']['get']['responses'][200]>['alerts'][number];
export type AlertKind = Alert['kind'];
export type AlertPreference = Json<
  paths['/api/alerts/preferences']['get']['responses'][200]
>['preferences'][number];
export type WebhookEndpoint = Json<
  paths['/api/webhook-endpoints']['get']['responses'][200]
>['endpoints'][number];

const ENDPOINTS_KEY = ['webhook-endpoints'] as const;
const PREFERENCES_KEY = [...ALERTS_KEY, 'preferences'] as const;

export function useAlerts(status: 'open' | 'resolved') {
  return useQuery({
    queryKey: [...ALERTS_KEY, 'list', status],
    queryFn: async () =>
      (await unwrap(api.GET('/api/alerts', { params: { query: { status, limit: '200' } } })))
        .alerts,
  });
}

export function useAcknowledgeAlert() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      unwrap(api.POST('/api/alerts/{id}/acknowledge', { params: { path: { id: String(id) } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ALERTS_KEY }),
  });
}

/** "Check now": evaluates every condition on the server (managers). */
export function useEvaluateAlerts() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/alerts/evaluate')),
    onSuccess: () => client.invalidateQueries({ queryKey: ALERTS_KEY }),
  });
}

export function usePreferences() {
  return useQuery({
    queryKey: PREFERENCES_KEY,
    queryFn: async () => (await unwrap(api.GET('/api/alerts/preferences'))).preferences,
  });
}

export function useSetPreference() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (preference: AlertPreference) =>
      unwrap(api.PUT('/api/alerts/preferences', { body: { preferences: [preference] } })),
    onSuccess: (data) => client.setQueryData(PREFERENCES_KEY, data.preferences),
  });
}

export function useWebhookEndpoints(enabled: boolean) {
  return useQuery({
    queryKey: ENDPOINTS_KEY,
    enabled,
    queryFn: async () => (await unwrap(api.GET('/api/webhook-endpoints'))).endpoints,
  });
}

export function useAddWebhookEndpoint() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { url: string; description?: string; onResolve?: boolean }) =>
      unwrap(api.POST('/api/webhook-endpoints', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ENDPOINTS_KEY }),
  });
}

export function useRotateWebhookSecret() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      unwrap(
        api.POST('/api/webhook-endpoints/{id}/rotate-secret', {
          params: { path: { id: String(id) } },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ENDPOINTS_KEY }),
  });
}

export function useDeleteWebhookEndpoint() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      unwrap(api.DELETE('/api/webhook-endpoints/{id}', { params: { path: { id: String(id) } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ENDPOINTS_KEY }),
  });
}
