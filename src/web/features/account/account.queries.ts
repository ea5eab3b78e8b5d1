import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ownSessionList,
  PasswordChange,
  TwoFactorConfirmation,
  TwoFactorDisable,
  TwoFactorEnrolment,
  TwoFactorStatus,
} from '../../../core/schemas/auth.schema.ts';
import { api } from '../../api/client.ts';
import { sessionQueryKey } from '../auth/session.queries.ts';

export type OwnSessionList = z.infer<typeof ownSessionList>;

const sessionsKey = ['own-sessions'] as const;

export function useOwnSessions() {
  return useQuery({ queryKey: sessionsKey, queryFn: () => api.get<OwnSessionList>('/auth/sessions') });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PasswordChange) => api.put<{ ok: true }>('/auth/password', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}

export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<{ ok: true }>(`/auth/sessions/${id}`),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}

const twoFactorKey = ['two-factor'] as const;

export function useTwoFactorStatus() {
  return useQuery({ queryKey: twoFactorKey, queryFn: () => api.get<TwoFactorStatus>('/auth/two-factor') });
}

export function useStartTwoFactor() {
  return useMutation({
    mutationFn: () => api.post<TwoFactorEnrolment>('/auth/two-factor/enrolment'),
  });
}

export function useConfirmTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TwoFactorConfirmation) =>
      api.post<{ recoveryCodes: string[] }>('/auth/two-factor/confirmation', input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: twoFactorKey });
      // Turning it on ends the other sessions, and lets a role that requires it into the app.
      void queryClient.invalidateQueries({ queryKey: sessionsKey });
      void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
    },
  });
}

export function useRenewRecoveryCodes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TwoFactorConfirmation) =>
      api.post<{ recoveryCodes: string[] }>('/auth/two-factor/recovery-codes', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: twoFactorKey }),
  });
}

export function useDisableTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TwoFactorDisable) => api.post<{ ok: true }>('/auth/two-factor/disable', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: twoFactorKey }),
  });
}
