import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  LoginInput,
  LoginMethods,
  LoginSecondStep,
  SessionResponse,
  SessionUser,
  TwoFactorChallenge,
} from '../../../core/schemas/auth.schema.ts';
import { api, isApiError, setCsrfToken } from '../../api/client.ts';

export const sessionQueryKey = ['session'] as const;

async function fetchSession(): Promise<SessionResponse | null> {
  try {
    const session = await api.get<SessionResponse>('/auth/session');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** The signed-in session, or null when nobody is logged in. */
export function useSession() {
  return useQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: Number.POSITIVE_INFINITY });
}

/** The signed-in user; only for pages inside the protected layout. */
export function useCurrentUser(): SessionUser {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser outside a signed-in page');
  return data.user;
}

/** The password step: a session, or (two-step verification) a challenge for the code. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => api.post<SessionResponse | TwoFactorChallenge>('/auth/login', input),
    onSuccess: (answer) => {
      if ('twoFactorRequired' in answer) return;
      setCsrfToken(answer.csrfToken);
      queryClient.setQueryData(sessionQueryKey, answer);
    },
  });
}

export function useLoginSecondStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginSecondStep) => api.post<SessionResponse>('/auth/login/two-factor', input),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(sessionQueryKey, session);
    },
  });
}

/** Whether the login page offers single sign-on. */
export function useLoginMethods() {
  return useQuery({
    queryKey: ['login-methods'],
    queryFn: () => api.get<LoginMethods>('/auth/methods'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>('/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(sessionQueryKey, null);
    },
  });
}
