import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/index.ts';
import type { paths } from '../../api/openapi-types.ts';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
export type Submission = Json<
  paths['/api/submissions']['get']['responses'][200]
>['submissions'][number];
export type SubmissionDetail = Json<paths['/api/submissions/{id}']['get']['responses'][200]>;
export type SubmissionFilter = NonNullable<paths['/api/submissions']['get']['parameters']['query']>;

const KEY = ['submissions'] as const;

/** The log, and the server's overdue age (what "Overdue" means there and in alerts). */
export function useSubmissions(filter: SubmissionFilter) {
  return useQuery({
    queryKey: [...KEY, 'list', filter],
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET('/api/submissions', { params: { query: filter } })),
  });
}

export function useSubmission(id: number | null) {
  return useQuery({
    queryKey: [...KEY, 'one', id],
    enabled: id !== null,
    queryFn: () =>
      unwrap(api.GET('/api/submissions/{id}', { params: { path: { id: String(id) } } })),
  });
}

function useAction<V>(call: (vars: V) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => {
      client.invalidateQueries({ queryKey: KEY });
      client.invalidateQueries({ queryKey: ['licenses'] });
    },
  });
}

/** Retry, optionally with an edited payload (edit and retry); Metrc's row errors come back as 422. */
export const useRetry = () =>
  useAction((v: { id: number; payload?: unknown }) =>
    unwrap(
      api.POST('/api/submissions/{id}/retry', {
        params: { path: { id: String(v.id) } },
        body: v.payload === undefined ? {} : { payload: v.payload },
      }),
    ),
  );

export const useDismiss = () =>
  useAction((v: { id: number; reason?: string }) =>
    unwrap(
      api.POST('/api/submissions/{id}/dismiss', {
        params: { path: { id: String(v.id) } },
        body: { reason: v.reason },
      }),
    ),
  );

/** Release a held submission (admins): it goes out under the facility key, not attributed. */
export const useRelease = () =>
  useAction((id: number) =>
    unwrap(api.POST('/api/submissions/{id}/release', { params: { path: { id: String(id) } } })),
  );
