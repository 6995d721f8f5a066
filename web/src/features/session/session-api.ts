import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, type Session, setCsrfToken, unwrap } from '../../api/index.ts';

export const SESSION_KEY = ['session'] as const;

/** The signed-in person, or null; keeps the CSRF token in step with the session. */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async (): Promise<Session | null> => {
      try {
        const session = await unwrap(api.GET('/api/auth/session'));
        setCsrfToken(session.csrfToken);
        return session;
      } catch (error) {
        if (isApiError(error) && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

/** After sign-in, sign-out or a switch, every cached answer belonged to someone else. */
function useAdoptSession() {
  const client = useQueryClient();
  return (session: Session | null) => {
    setCsrfToken(session?.csrfToken ?? null);
    client.setQueryData(SESSION_KEY, session);
    // Reset (not just clear): pages still on screen drop the old answers and ask again.
    void client.resetQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
  };
}

export function useSignIn() {
  const adopt = useAdoptSession();
  return useMutation({
    mutationFn: (body: { email: string; password: string; organization?: string }) =>
      unwrap(api.POST('/api/auth/login', { body })),
    onSuccess: adopt,
  });
}

export function useSignOut() {
  const adopt = useAdoptSession();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/auth/logout')),
    onSettled: () => adopt(null),
  });
}

export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      unwrap(api.POST('/api/auth/password', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: SESSION_KEY }),
  });
}

export function useMyOrganizations(enabled: boolean) {
  return useQuery({
    queryKey: ['my-organizations'],
    queryFn: () => unwrap(api.GET('/api/auth/organizations')),
    enabled,
  });
}

export function useSwitchOrganization() {
  const adopt = useAdoptSession();
  return useMutation({
    mutationFn: (organization: string) =>
      unwrap(api.POST('/api/auth/organization', { body: { organization } })),
    onSuccess: adopt,
  });
}
