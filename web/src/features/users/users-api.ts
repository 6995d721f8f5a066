import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Credential, type Role, unwrap } from '../../api/index.ts';

export const USERS_KEY = ['users'] as const;

/** The organization's members (managers and admins; pass `enabled: false` for staff). */
export function useMembers(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: USERS_KEY,
    enabled: options.enabled ?? true,
    queryFn: async () => (await unwrap(api.GET('/api/users'))).users,
  });
}

export function useAddMember() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; name: string; role: Role }) =>
      unwrap(api.POST('/api/users', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

export function useSendIntakeLink() {
  return useMutation({
    mutationFn: (body: { userId: number; state: string }) =>
      unwrap(api.POST('/api/intake-links', { body: { ...body, environment: 'production' } })),
  });
}

/** A person's own keys, one per state at most (rule 4). */
export function personalKeysOf(credentials: Credential[] | undefined, userId: number) {
  return (credentials ?? []).filter((c) => c.kind === 'user' && c.ownerUserId === userId);
}
