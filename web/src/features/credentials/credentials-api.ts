import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type KeyInput, unwrap } from '../../api/index.ts';
import { LICENSES_KEY } from '../licenses/index.ts';

export const CREDENTIALS_KEY = ['credentials'] as const;

export function useCredentials() {
  return useQuery({
    queryKey: CREDENTIALS_KEY,
    queryFn: async () => (await unwrap(api.GET('/api/credentials'))).credentials,
  });
}

export function useCredential(id: number) {
  return useQuery({
    queryKey: [...CREDENTIALS_KEY, id],
    queryFn: () =>
      unwrap(api.GET('/api/credentials/{id}', { params: { path: { id: String(id) } } })),
  });
}

/** Saving or deleting a key changes which licenses sync, so both lists are refreshed. */
function useRefresh() {
  const client = useQueryClient();
  return () => {
    client.invalidateQueries({ queryKey: CREDENTIALS_KEY });
    client.invalidateQueries({ queryKey: LICENSES_KEY });
  };
}

export interface NewCredential {
  state: string;
  kind: 'facility' | 'user';
  ownerUserId?: number;
  licenseNumbers?: string[];
  key: KeyInput;
}

/** Verify & Save: the server saves only if Metrc accepts the key for every license. */
export function useCreateCredential() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ key, ...rest }: NewCredential) =>
      unwrap(api.POST('/api/credentials', { body: { ...rest, ...key } })),
    onSuccess: refresh,
  });
}

export function useUpdateCredential(id: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { licenseNumbers?: string[]; key?: KeyInput }) =>
      unwrap(
        api.PATCH('/api/credentials/{id}', {
          params: { path: { id: String(id) } },
          body: { licenseNumbers: body.licenseNumbers, ...body.key },
        }),
      ),
    onSuccess: refresh,
  });
}

export function useDeleteCredential(id: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (confirm: string) =>
      unwrap(
        api.DELETE('/api/credentials/{id}', {
          params: { path: { id: String(id) } },
          body: { confirm },
        }),
      ),
    onSuccess: refresh,
  });
}

export function useReverify(id: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/credentials/{id}/verify', { params: { path: { id: String(id) } } })),
    onSuccess: refresh,
  });
}
